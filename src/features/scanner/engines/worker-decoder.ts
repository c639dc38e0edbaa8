import type { Symbology } from '../../../lib/gs1/symbology';
import type { DecodeRequest, DecodeResponse } from './decoder-protocol';
import type { Rect } from './frame-ops';
import type { PipelineResult } from './decode-pipeline';

export interface FrameDecoder {
  readonly engine: string;
  /** True while a frame is being decoded: the loop drops frames rather than queueing them. */
  readonly busy: boolean;
  decode(
    bitmap: ImageBitmap,
    formats: readonly Symbology[],
    roi: Rect | null,
  ): Promise<{ result: PipelineResult; decodeMs: number }>;
  dispose(): void;
}

/** The main thread's side of the decoder worker. The bitmap is transferred, not copied. */
export function createWorkerDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), {
    type: 'module',
    name: 'decoder',
  });
  const pending = new Map<
    number,
    {
      resolve: (r: { result: PipelineResult; decodeMs: number }) => void;
      reject: (e: Error) => void;
    }
  >();
  let next = 0;
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const waiter = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiter) return;
    if (event.data.ok) waiter.resolve({ result: event.data.result, decodeMs: event.data.decodeMs });
    else waiter.reject(new Error(event.data.error));
  };
  worker.onerror = (event) => {
    for (const w of pending.values())
      w.reject(new Error(event.message || 'The decoder worker failed'));
    pending.clear();
  };
  return {
    engine: 'zxing-wasm',
    get busy() {
      return pending.size > 0;
    },
    decode(bitmap, formats, roi) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: DecodeRequest = { id, bitmap, formats, roi };
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
