import { createWriteStream } from 'node:fs';
import { PNG } from 'pngjs';

export interface FrameSize {
  width: number;
  height: number;
}

/** A segment of a video: `image` (PNG bytes, centred on white) or blank, for `frames` frames. */
export interface Segment {
  image: Buffer | null;
  frames: number;
}

/** Paints PNG bytes centred on a white frame, as RGBA. */
export function compose(png: Buffer | null, size: FrameSize): Uint8Array {
  const frame = new Uint8Array(size.width * size.height * 4).fill(255);
  if (!png) return frame;
  const img = PNG.sync.read(png);
  if (img.width > size.width || img.height > size.height) {
    throw new Error(
      `A ${img.width}x${img.height} barcode does not fit a ${size.width}x${size.height} frame.`,
    );
  }
  const left = Math.floor((size.width - img.width) / 2);
  const top = Math.floor((size.height - img.height) / 2);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 4;
      const d = ((top + y) * size.width + left + x) * 4;
      const a = (img.data[s + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++)
        frame[d + c] = Math.round((img.data[s + c] ?? 255) * a + 255 * (1 - a));
    }
  }
  return frame;
}

/** RGBA to planar I420 with full-range BT.601, matching the y4m `C420jpeg` header. */
export function rgbaToI420(rgba: Uint8Array, { width, height }: FrameSize): Uint8Array {
  const out = new Uint8Array((width * height * 3) / 2);
  const uOffset = width * height;
  const vOffset = uOffset + (width * height) / 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = rgba[i] ?? 0,
        g = rgba[i + 1] ?? 0,
        b = rgba[i + 2] ?? 0;
      out[y * width + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (y % 2 === 0 && x % 2 === 0) {
        const c = (y / 2) * (width / 2) + x / 2;
        out[uOffset + c] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        out[vOffset + c] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  }
  return out;
}

/**
 * Writes a y4m file that Chromium's fake capture device plays in a loop. A single frame is
 * enough for a static scene; segments make sequences (blank, A, blank, B, ...).
 */
export async function writeY4m(
  file: string,
  segments: Segment[],
  size: FrameSize,
  fps = 10,
): Promise<void> {
  if (size.width % 2 || size.height % 2) throw new Error('y4m I420 frames need even dimensions.');
  const out = createWriteStream(file);
  const write = (chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())));
  await write(`YUV4MPEG2 W${size.width} H${size.height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  for (const segment of segments) {
    const planes = rgbaToI420(compose(segment.image, size), size);
    for (let i = 0; i < segment.frames; i++) {
      await write('FRAME\n');
      await write(planes);
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}
