import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Frame } from '../src/features/scanner/engines/types';

/** The shared set of real photos (ZXing's test layout): read at run time, never copied. */
export const REAL_IMAGES = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'bench',
  'real-images',
);

export interface LabelledImage {
  set: string;
  file: string;
  expected: string;
}

const IMAGE = /\.(png|jpe?g|webp|gif)$/i;

/** Every image beside a `.txt` holding its expected text (`.result.txt` and `.bin` are ignored). */
export function listLabelledImages(root = REAL_IMAGES): LabelledImage[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((dir) => {
      const folder = path.join(root, dir.name);
      return readdirSync(folder)
        .filter((f) => IMAGE.test(f))
        .map((f) => ({ f, txt: path.join(folder, f.replace(IMAGE, '.txt')) }))
        .filter(({ txt }) => existsSync(txt))
        .map(({ f, txt }) => ({
          set: dir.name,
          file: path.join(folder, f),
          expected: readFileSync(txt, 'utf8'),
        }));
    });
}

/**
 * The image as a camera of `size` would see it: rotated, shrunk to fit if larger, and centred
 * on a white frame. `null` size keeps the native size. One sharp pass, then the pad in JS.
 */
export async function loadFrame(
  input: string | Buffer,
  size: { width: number; height: number } | null,
  rotation = 0,
): Promise<Frame> {
  let image = sharp(input).rotate(rotation, { background: '#ffffff' }).flatten({
    background: '#ffffff',
  });
  if (size)
    image = image.resize(size.width, size.height, { fit: 'inside', withoutEnlargement: true });
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const inner: Frame = {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
  return size ? centreOnWhite(inner, size) : inner;
}

/** Pastes `inner` in the middle of a white frame of `size`. */
function centreOnWhite(inner: Frame, size: { width: number; height: number }): Frame {
  const out = new Uint8ClampedArray(size.width * size.height * 4).fill(255);
  const left = Math.floor((size.width - inner.width) / 2);
  const top = Math.floor((size.height - inner.height) / 2);
  for (let y = 0; y < inner.height; y++) {
    const from = y * inner.width * 4;
    out.set(inner.data.subarray(from, from + inner.width * 4), ((top + y) * size.width + left) * 4);
  }
  return { data: out, width: size.width, height: size.height };
}

/** The .txt stores UPC-A, UPC-E and EAN-13 as 13-digit GTINs; compare on that form. */
export function sameText(set: string, got: string, expected: string): boolean {
  if (/^(ean13|upca|upce)/.test(set) && /^\d+$/.test(got))
    return got.padStart(13, '0') === expected.padStart(13, '0');
  return got === expected;
}
