/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { ConfirmedMemory, createSchedule, decodeFrame } from './decode-pipeline';
import { meanLuma, type Rect } from './frame-ops';
import type { CameraFrame, DecoderRequest, DecoderResponse } from './decoder-protocol';
import { createNativeEngine, nativeFormats } from './native-engine';
import { selectEngine } from './select-engine';
import type { DecodedSymbol, DecoderEngine, Frame } from './types';
import { createZxingWasmEngine } from './zxing-wasm-decoder';

/**
 * The decoder's own thread: frames arrive as transferred ImageBitmaps, are read back through an
 * OffscreenCanvas and decoded here, so no decode work ever runs on the main thread.
 */
declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<DecoderEngine> | null = null;
let canvas: OffscreenCanvas | null = null;
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
 * The frame as a VideoFrame with its visible part, if its pixels can be copied out as they are
 * shown: no rotation or mirroring to apply, and that part shown at its own size; else null (a
 * bitmap too). copyTo copies coded pixels and applies neither; drawImage does.
 */
function copyable(frame: CameraFrame): { video: VideoFrame; visible: DOMRectReadOnly } | null {
  if (!('copyTo' in frame)) return null;
  const turned = frame as VideoFrame & { rotation?: number; flip?: boolean };
  const visible = frame.visibleRect;
  return !turned.rotation &&
    !turned.flip &&
    visible?.width === frame.displayWidth &&
    visible.height === frame.displayHeight
    ? { video: frame, visible }
    : null;
}

/** False once a copyTo with a format and a rect has failed here: the canvas does it from then on. */
let copyToWorks = true;

/**
 * The area's pixels as RGBA. A VideoFrame converts and copies just that rectangle itself, 1-2 ms
 * for 640x480 where drawing it on a canvas and reading that back took 3-9 ms; a bitmap, or a
 * frame that cannot, goes through the canvas.
 */
async function readArea(bitmap: CameraFrame, area: Rect): Promise<Frame> {
  const source = copyToWorks ? copyable(bitmap) : null;
  if (source) {
    const { video, visible } = source;
    const data = new Uint8ClampedArray(area.width * area.height * 4);
    try {
      await video.copyTo(data, {
        rect: {
          x: visible.x + area.x,
          y: visible.y + area.y,
          width: area.width,
          height: area.height,
        },
        format: 'RGBA',
      });
      return { data, width: area.width, height: area.height };
    } catch {
      // An older Chromium: no conversion on copy, or no rect with it.
      copyToWorks = false;
    }
  }
  if (!canvas || canvas.width !== area.width || canvas.height !== area.height) {
    canvas = new OffscreenCanvas(area.width, area.height);
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D context in the decoder worker');
  ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  return ctx.getImageData(0, 0, area.width, area.height);
}

/** A VideoFrame's size is its display size; a bitmap's is its own. */
const frameSize = (f: CameraFrame) =>
  'displayWidth' in f
    ? { width: f.displayWidth, height: f.displayHeight }
    : { width: f.width, height: f.height };

/**
 * Down to an even number (a single pixel stays one): camera frames (I420, NV12) copy out only
 * on whole chroma samples.
 */
const even = (n: number) => n - (n % 2) || n;

/**
 * The part of the frame to read, in whole pixels inside it, on even coordinates and sizes: the
 * viewfinder, or all of it.
 */
function areaOf(size: { width: number; height: number }, roi: Rect | null): Rect {
  const whole = { x: 0, y: 0, width: even(size.width), height: even(size.height) };
  if (!roi) return whole;
  const x = even(Math.max(0, Math.floor(roi.x)));
  const y = even(Math.max(0, Math.floor(roi.y)));
  const width = even(Math.min(size.width, Math.ceil(roi.x + roi.width)) - x);
  const height = even(Math.min(size.height, Math.ceil(roi.y + roi.height)) - y);
  return width > 0 && height > 0 ? { x, y, width, height } : whole;
}

const shifted = (symbol: DecodedSymbol, by: Rect): DecodedSymbol => ({
  ...symbol,
  points: symbol.points.map((p) => ({ x: p.x + by.x, y: p.y + by.y })),
});

async function decode(request: Extract<DecoderRequest, { type: 'decode' }>): Promise<void> {
  const { id, bitmap, formats, roi, maxSymbols } = request;
  try {
    if (!engine) throw new Error('The decoder was not initialised');
    const started = performance.now();
    // Only the viewfinder's pixels are read back: the rest of a 1280x720 frame cost 4 ms a frame
    // to copy and was never decoded.
    const area = areaOf(frameSize(bitmap), roi);
    const frame = await readArea(bitmap, area);
    const result = await decodeFrame(await engine, frame, {
      formats,
      schedule,
      confirmed,
      newerFrame,
      ...(maxSymbols ? { maxSymbols } : {}),
    });
    const response: DecoderResponse = {
      type: 'result',
      id,
      ok: true,
      result: { ...result, symbols: result.symbols.map((s) => shifted(s, area)) },
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

/**
 * Frames wait here, one at a time: the main thread sends the next while this one is decoded,
 * so that the schedule's other strategies can give way to it instead of the frame being dropped.
 */
const frames: Extract<DecoderRequest, { type: 'decode' }>[] = [];
let decoding = false;

/**
 * Lets the frame messages that arrived during a decode be delivered: a MessageChannel message is
 * a task behind them (a timeout would be clamped to 4 ms when nested).
 */
const channel = new MessageChannel();
const ticks: (() => void)[] = [];
channel.port1.onmessage = () => ticks.shift()?.();
const newerFrame = () =>
  new Promise<boolean>((resolve) => {
    ticks.push(() => resolve(frames.length > 0));
    channel.port2.postMessage(null);
  });

async function drain(): Promise<void> {
  if (decoding) return;
  decoding = true;
  for (let next = frames.shift(); next; next = frames.shift()) await decode(next);
  decoding = false;
}

self.onmessage = (event: MessageEvent<DecoderRequest>) => {
  if (event.data.type === 'init') return void start(event.data);
  frames.push(event.data);
  void drain();
};
