import type { Symbology } from '../../../lib/gs1/symbology';
import type { PipelineResult } from './decode-pipeline';
import type { CameraFrame, DecoderRequest, DecoderResponse } from './decoder-protocol';
import type { Rect } from './frame-ops';
import type { EngineName, EnginePreference } from './select-engine';

export interface DecodedFrame {
  result: PipelineResult;
  decodeMs: number;
  luma: number;
}

export interface FrameDecoder {
  /** Which engine the worker chose, once it has; and whether it fell back from the preference. */
  readonly ready: Promise<{ engine: EngineName; fellBack: boolean }>;
  /**
   * True while a frame is being decoded and the next one already waits for it: the loop drops
   * frames rather than queueing more.
   */
  readonly busy: boolean;
  decode(
    bitmap: CameraFrame,
    formats: readonly Symbology[],
    roi: Rect | null,
    maxSymbols?: number,
  ): Promise<DecodedFrame>;
  dispose(): void;
}

/** A decode that never answered: its worker was replaced, and scanning goes on with the next. */
export class DecoderRestartedError extends Error {
  constructor(seconds: number) {
    super(`The barcode reader did not answer within ${seconds} s, so it was restarted.`);
    this.name = 'DecoderRestartedError';
  }
}

/** The worker as the decoder uses it; tests pass a fake. */
export type DecoderWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

export interface WorkerDecoderOptions {
  /**
   * How long one frame may take once the worker is ready. A frame takes 10-150 ms on a phone
   * (the slowest, a full 4K frame through every fallback, under a second), so a decode still
   * running after this is a hung engine: while it hangs the loop drops every frame.
   */
  deadlineMs?: number;
  spawn?: () => DecoderWorker;
}

const spawnWorker = (): DecoderWorker =>
  new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'decoder' });

/**
 * Frames in the worker at once: the one being decoded and the next. The next one waiting lets
 * the worker cut short the dearer strategies it tries on the first (a code that has just come
 * into view is not kept waiting for them), and a worker that is slower than the camera drops
 * frames here, not in a growing queue.
 */
const FRAMES_IN_FLIGHT = 2;

type Waiter = {
  resolve: (r: DecodedFrame) => void;
  reject: (e: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
};
type Choice = { engine: EngineName; fellBack: boolean };

/**
 * The main thread's side of the decoder worker. Frames are transferred, not copied. A worker
 * that stops answering (a WebAssembly engine stuck in a loop, a GPU frame that never maps) is
 * terminated and replaced, so the camera keeps scanning instead of silently reading nothing.
 */
export function createWorkerDecoder(
  preference: EnginePreference,
  formats: readonly Symbology[],
  { deadlineMs = 5_000, spawn = spawnWorker }: WorkerDecoderOptions = {},
): FrameDecoder {
  const pending = new Map<number, Waiter>();
  let next = 0;
  let worker: DecoderWorker;
  let workerReady: Promise<Choice>;
  let disposed = false;

  const settle = (id: number) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (waiter?.timer !== undefined) clearTimeout(waiter.timer);
    return waiter;
  };
  const rejectAll = (error: Error) => {
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  };

  const start = () => {
    const current = spawn();
    worker = current;
    workerReady = new Promise<Choice>((resolve) => {
      current.onmessage = (event: MessageEvent<DecoderResponse>) => {
        const message = event.data;
        if (message.type === 'ready') return resolve(message);
        const waiter = settle(message.id);
        if (!waiter) return;
        if (message.ok)
          waiter.resolve({
            result: message.result,
            decodeMs: message.decodeMs,
            luma: message.luma,
          });
        else waiter.reject(new Error(message.error));
      };
    });
    current.onerror = (event) => rejectAll(new Error(event.message || 'The decoder worker failed'));
    const init: DecoderRequest = { type: 'init', preference, formats };
    current.postMessage(init);
    return workerReady;
  };

  const restart = () => {
    worker.terminate();
    rejectAll(new DecoderRestartedError(deadlineMs / 1000));
    void start();
  };

  const ready = start().then(({ engine, fellBack }) => ({ engine, fellBack }));
  return {
    ready,
    get busy() {
      return pending.size >= FRAMES_IN_FLIGHT;
    },
    decode(bitmap, frameFormats, roi, maxSymbols) {
      const id = next++;
      const startedOn = worker;
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { resolve, reject };
        pending.set(id, waiter);
        const request: DecoderRequest = {
          type: 'decode',
          id,
          bitmap,
          formats: frameFormats,
          roi,
          ...(maxSymbols ? { maxSymbols } : {}),
        };
        worker.postMessage(request, [bitmap]);
        // The clock starts once the engine is loaded: compiling WebAssembly is not a hang.
        void workerReady.then(() => {
          if (disposed || !pending.has(id) || worker !== startedOn) return;
          waiter.timer = setTimeout(restart, deadlineMs);
        });
      });
    },
    dispose() {
      disposed = true;
      worker.terminate();
      rejectAll(new Error('The decoder was disposed'));
    },
  };
}
