import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Cropper } from '../src/features/scanner/engines/decode-pipeline';
import { createZxingWasmEngine } from '../src/features/scanner/engines/zxing-wasm-decoder';

const require = createRequire(import.meta.url);

/** The wasm engine in Node: the bytes handed over directly instead of fetched. */
export function nodeWasmEngine() {
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return createZxingWasmEngine({
    binary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
  });
}

/**
 * Crops and enlarges with sharp (libvips), as the worker does with its canvas: the plain-JS
 * bilinear crop costs several times more, which would starve the schedule's dearer strategies
 * in a benchmark and nowhere else.
 */
export const sharpCrop: Cropper = async (frame, rect, scale) => {
  const region = {
    left: Math.round(rect.x),
    top: Math.round(rect.y),
    width: Math.max(1, Math.round(rect.width)),
    height: Math.max(1, Math.round(rect.height)),
  };
  const { data, info } = await sharp(
    Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength),
    { raw: { width: frame.width, height: frame.height, channels: 4 } },
  )
    .extract(region)
    .resize(
      Math.max(1, Math.round(region.width * scale)),
      Math.max(1, Math.round(region.height * scale)),
      { kernel: 'linear', fit: 'fill' },
    )
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
};
