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
  /** True while a frame is being decoded: the loop drops frames rather than queueing them. */
  readonly busy: boolean;
  decode(
    bitmap: CameraFrame,
    formats: readonly Symbology[],
    roi: Rect | null,
  ): Promise<DecodedFrame>;
  dispose(): void;
}

/** The main thread's side of the decoder worker. Bitmaps are transferred, not copied. */
export function createWorkerDecoder(
  preference: EnginePreference,
  formats: readonly Symbology[],
): FrameDecoder {
  const worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), {
    type: 'module',
    name: 'decoder',
  });
  const pending = new Map<
    number,
    {
      resolve: (r: DecodedFrame) => void;
      reject: (e: Error) => void;
    }
  >();
  let next = 0;
  let onReady: (value: { engine: EngineName; fellBack: boolean }) => void = () => undefined;
  const ready = new Promise<{ engine: EngineName; fellBack: boolean }>(
    (resolve) => (onReady = resolve),
  );
  worker.onmessage = (event: MessageEvent<DecoderResponse>) => {
    const message = event.data;
    if (message.type === 'ready') {
      onReady({ engine: message.engine, fellBack: message.fellBack });
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.ok)
      waiter.resolve({ result: message.result, decodeMs: message.decodeMs, luma: message.luma });
    else waiter.reject(new Error(message.error));
  };
  worker.onerror = (event) => {
    for (const w of pending.values())
      w.reject(new Error(event.message || 'The decoder worker failed'));
    pending.clear();
  };
  const init: DecoderRequest = { type: 'init', preference, formats };
  worker.postMessage(init);
  return {
    ready,
    get busy() {
      return pending.size > 0;
    },
    decode(bitmap, frameFormats, roi) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: DecoderRequest = { type: 'decode', id, bitmap, formats: frameFormats, roi };
        worker.postMessage(request, [bitmap]);
      });
    },
    dispose() {
      worker.terminate();
      for (const w of pending.values()) w.reject(new Error('The decoder was disposed'));
      pending.clear();
    },
  };
}
