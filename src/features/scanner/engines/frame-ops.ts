import type { Frame, Point } from './types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Crops `rect` out of `frame` and scales it by `scale` with bilinear sampling. A code held at a
 * distance spans few pixels per module; enlarging the centre gives the decoder's binarizer
 * enough pixels to find edges it cannot find at native size.
 */
export function cropAndScale(frame: Frame, rect: Rect, scale: number): Frame {
  const width = Math.max(1, Math.round(rect.width * scale));
  const height = Math.max(1, Math.round(rect.height * scale));
  const out = new Uint8ClampedArray(width * height * 4);
  const src = frame.data;
  const maxX = frame.width - 1;
  const maxY = frame.height - 1;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(maxY, rect.y + (y + 0.5) / scale - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(maxY, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(maxX, rect.x + (x + 0.5) / scale - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(maxX, x0 + 1);
      const fx = sx - x0;
      const o = (y * width + x) * 4;
      const a = (y0 * frame.width + x0) * 4;
      const b = (y0 * frame.width + x1) * 4;
      const c = (y1 * frame.width + x0) * 4;
      const d = (y1 * frame.width + x1) * 4;
      for (let k = 0; k < 3; k++) {
        const top = (src[a + k] ?? 0) * (1 - fx) + (src[b + k] ?? 0) * fx;
        const bottom = (src[c + k] ?? 0) * (1 - fx) + (src[d + k] ?? 0) * fx;
        out[o + k] = top * (1 - fy) + bottom * fy;
      }
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** Maps a point found in a crop back to frame coordinates. */
export const fromCrop = (p: Point, rect: Rect, scale: number): Point => ({
  x: rect.x + p.x / scale,
  y: rect.y + p.y / scale,
});

/** The centred region covering `fraction` of each side. */
export function centreRect(frame: { width: number; height: number }, fraction: number): Rect {
  const width = Math.round(frame.width * fraction);
  const height = Math.round(frame.height * fraction);
  return {
    x: Math.round((frame.width - width) / 2),
    y: Math.round((frame.height - height) / 2),
    width,
    height,
  };
}

/**
 * Mean luma (0..255) from a sparse sample of pixels: enough to tell a black frame (a covered
 * lens, a dead stream) from a scene, at a few microseconds a frame.
 */
export function meanLuma(frame: Frame, samples = 1024): number {
  const pixels = frame.width * frame.height;
  if (pixels === 0) return 0;
  const step = Math.max(1, Math.floor(pixels / samples));
  let sum = 0;
  let count = 0;
  for (let i = 0; i < pixels; i += step) {
    const o = i * 4;
    sum +=
      0.299 * (frame.data[o] ?? 0) +
      0.587 * (frame.data[o + 1] ?? 0) +
      0.114 * (frame.data[o + 2] ?? 0);
    count++;
  }
  return sum / count;
}

/**
 * The part of the video frame that a box on screen shows, for a video drawn with
 * `object-fit: cover` (scaled to fill its element, the overflow cropped equally on both sides).
 * All rectangles in CSS pixels except the result, which is in frame pixels.
 */
export function coverRegion(
  frame: { width: number; height: number },
  element: { width: number; height: number },
  box: Rect,
): Rect {
  const scale = Math.max(element.width / frame.width, element.height / frame.height);
  const offsetX = (frame.width * scale - element.width) / 2;
  const offsetY = (frame.height * scale - element.height) / 2;
  const x = Math.max(0, (box.x + offsetX) / scale);
  const y = Math.max(0, (box.y + offsetY) / scale);
  const right = Math.min(frame.width, (box.x + box.width + offsetX) / scale);
  const bottom = Math.min(frame.height, (box.y + box.height + offsetY) / scale);
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.max(1, Math.round(right - x)),
    height: Math.max(1, Math.round(bottom - y)),
  };
}
