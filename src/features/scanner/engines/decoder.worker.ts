/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { ConfirmedMemory, type Cropper, createSchedule, decodeFrame } from './decode-pipeline';
import { meanLuma } from './frame-ops';
import type { CameraFrame, DecoderRequest, DecoderResponse } from './decoder-protocol';
import { createNativeEngine, nativeFormats } from './native-engine';
import { selectEngine } from './select-engine';
import type { DecoderEngine } from './types';
import { createZxingWasmEngine } from './zxing-wasm-decoder';

/**
 * The decoder's own thread: frames arrive as transferred ImageBitmaps, are read back through an
 * OffscreenCanvas and decoded here, so no decode work ever runs on the main thread.
 */
declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<DecoderEngine> | null = null;
let canvas: OffscreenCanvas | null = null;
const cropCanvas = new OffscreenCanvas(1, 1);
/**
 * One schedule for the worker's life: consecutive frames try different strategies, and what
 * read the last frame goes first on the next.
 */
const schedule = createSchedule(() => performance.now());
/** A code confirmed in the last 3 s (held in view, or a shelf in batch mode) is not re-checked. */
const confirmed = new ConfirmedMemory(3_000, () => performance.now());

/** Whether WebAssembly may be compiled here: a CSP without 'wasm-unsafe-eval' forbids it. */
function wasmAllowed(): boolean {
  try {
    return (
      new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)) instanceof
      WebAssembly.Module
    );
  } catch {
    return false;
  }
}

async function start(request: Extract<DecoderRequest, { type: 'init' }>): Promise<void> {
  const choice = selectEngine(
    request.preference,
    { nativeFormats: await nativeFormats(), wasm: wasmAllowed() },
    request.formats,
  );
  engine =
    choice.engine === 'native'
      ? Promise.resolve(createNativeEngine())
      : choice.engine === 'zxing-wasm'
        ? Promise.resolve(createZxingWasmEngine({ url: wasmUrl }))
        : import('./zxing-js-engine').then((m) => m.createZxingJsEngine());
  await engine;
  const ready: DecoderResponse = { type: 'ready', ...choice };
  self.postMessage(ready);
}

/**
 * Crops and enlarges with the canvas's native scaler, drawing from the frame's bitmap: the
 * plain-JS bilinear version costs about 50 ms a frame at this size, this one a few.
 */
function canvasCropper(bitmap: CameraFrame): Cropper {
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

/** A VideoFrame's size is its display size; a bitmap's is its own. */
const frameSize = (f: CameraFrame) =>
  'displayWidth' in f
    ? { width: f.displayWidth, height: f.displayHeight }
    : { width: f.width, height: f.height };

async function decode(request: Extract<DecoderRequest, { type: 'decode' }>): Promise<void> {
  const { id, bitmap, formats, roi, maxSymbols } = request;
  const { width, height } = frameSize(bitmap);
  try {
    if (!engine) throw new Error('The decoder was not initialised');
    const started = performance.now();
    if (!canvas || canvas.width !== width || canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height);
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D context in the decoder worker');
    ctx.drawImage(bitmap, 0, 0);
    const frame = ctx.getImageData(0, 0, width, height);
    const result = await decodeFrame(await engine, frame, {
      formats,
      roi,
      crop: canvasCropper(bitmap),
      schedule,
      confirmed,
      ...(maxSymbols ? { maxSymbols } : {}),
    });
    const response: DecoderResponse = {
      type: 'result',
      id,
      ok: true,
      result,
      decodeMs: performance.now() - started,
      luma: meanLuma(frame),
    };
    self.postMessage(response);
  } catch (error) {
    const response: DecoderResponse = {
      type: 'result',
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(response);
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<DecoderRequest>) => {
  void (event.data.type === 'init' ? start(event.data) : decode(event.data));
};
