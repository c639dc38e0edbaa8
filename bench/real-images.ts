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
 * How a photo smaller than the frame fills the rest of it.
 * - `edge`: the photo's own edge pixels repeated outwards (sharp's `extendWith: 'copy'`), close
 *   to what a camera sees around a tightly cropped photo: the label goes on, it does not end.
 * - `white`: pasted on pure white, a stress variant. Next to a grey print, white makes an edge
 *   that 1D decoders take for a bar, so it measures the paste as much as the decoder.
 */
export type FramePadding = 'edge' | 'white';

/**
 * The image as a camera of `size` would see it: rotated, shrunk to fit if larger, and centred
 * in a frame of `size` padded as `padding` says. `null` size keeps the native size.
 */
export async function loadFrame(
  input: string | Buffer,
  size: { width: number; height: number } | null,
  rotation = 0,
  padding: FramePadding = 'edge',
): Promise<Frame> {
  const white = { r: 255, g: 255, b: 255, alpha: 1 };
  let image = sharp(input).rotate(rotation, { background: white }).flatten({ background: white });
  if (size) {
    // Resize and extend are one pipeline step each in sharp: the fitted size must be known
    // before the padding is.
    const fitted = await image
      .clone()
      .resize(size.width, size.height, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height } = fitted.info;
    const left = Math.floor((size.width - width) / 2);
    const top = Math.floor((size.height - height) / 2);
    image = sharp(fitted.data, { raw: fitted.info }).extend({
      left,
      top,
      right: size.width - width - left,
      bottom: size.height - height - top,
      ...(padding === 'edge' ? { extendWith: 'copy' as const } : { background: white }),
    });
  }
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/** The .txt stores UPC-A, UPC-E and EAN-13 as 13-digit GTINs; compare on that form. */
export function sameText(set: string, got: string, expected: string): boolean {
  if (/^(ean13|upca|upce)/.test(set) && /^\d+$/.test(got))
    return got.padStart(13, '0') === expected.padStart(13, '0');
  return got === expected;
}
