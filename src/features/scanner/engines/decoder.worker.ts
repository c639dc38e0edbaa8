/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { type Cropper, decodeFrame } from './decode-pipeline';
import type { DecodeRequest, DecodeResponse } from './decoder-protocol';
import { createZxingWasmEngine } from './zxing-wasm-decoder';

/**
 * The decoder's own thread: frames arrive as transferred ImageBitmaps, are read back through an
 * OffscreenCanvas and decoded here, so no decode work ever runs on the main thread.
 */
declare const self: DedicatedWorkerGlobalScope;

const engine = createZxingWasmEngine({ url: wasmUrl });
let canvas: OffscreenCanvas | null = null;
const cropCanvas = new OffscreenCanvas(1, 1);

/**
 * Crops and enlarges with the canvas's native scaler, drawing from the frame's bitmap: the
 * plain-JS bilinear version costs about 50 ms a frame at this size, this one a few.
 */
function canvasCropper(bitmap: ImageBitmap): Cropper {
  return (_frame, rect, scale) => {
    const width = Math.round(rect.width * scale);
    const height = Math.round(rect.height * scale);
    cropCanvas.width = width;
    cropCanvas.height = height;
    const ctx = cropCanvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D context for crops');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  };
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, bitmap, formats, roi } = event.data;
  try {
    const started = performance.now();
    if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D context in the decoder worker');
    ctx.drawImage(bitmap, 0, 0);
    const frame = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const result = await decodeFrame(engine, frame, { formats, roi, crop: canvasCropper(bitmap) });
    const response: DecodeResponse = {
      id,
      ok: true,
      result,
      decodeMs: performance.now() - started,
    };
    self.postMessage(response);
  } catch (error) {
    const response: DecodeResponse = {
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(response);
  } finally {
    bitmap.close();
  }
};
