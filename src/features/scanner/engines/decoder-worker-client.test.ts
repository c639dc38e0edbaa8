import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraFrame, DecoderRequest, DecoderResponse } from './decoder-protocol';
import {
  createWorkerDecoder,
  DecoderRestartedError,
  type DecoderWorker,
} from './decoder-worker-client';

/** A worker that answers only when the test says so. */
class FakeWorker implements DecoderWorker {
  requests: DecoderRequest[] = [];
  terminated = false;
  onmessage: Worker['onmessage'] = null;
  onerror: Worker['onerror'] = null;
  postMessage(request: DecoderRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  send(response: DecoderResponse) {
    this.onmessage?.call(this as unknown as Worker, { data: response } as MessageEvent);
  }
  ready() {
    this.send({ type: 'ready', engine: 'zxing-wasm', fellBack: false });
  }
  answer(id: number) {
    this.send({
      type: 'result',
      id,
      ok: true,
      result: { symbols: [], strategy: null, tried: ['plain'] },
      decodeMs: 12,
      luma: 100,
    });
  }
}

const frame = () => ({ close: () => undefined }) as unknown as CameraFrame;

function setup() {
  const workers: FakeWorker[] = [];
  const decoder = createWorkerDecoder('auto', ['ean13'], {
    deadlineMs: 5_000,
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { decoder, workers };
}

describe('the decoder worker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports the engine and resolves a frame the worker answers', async () => {
    const { decoder, workers } = setup();
    workers[0]!.ready();
    await expect(decoder.ready).resolves.toEqual({ engine: 'zxing-wasm', fellBack: false });
    const decoded = decoder.decode(frame(), ['ean13'], null);
    // One frame in the worker: the next may wait behind it, a third may not.
    expect(decoder.busy).toBe(false);
    const following = decoder.decode(frame(), ['ean13'], null);
    expect(decoder.busy).toBe(true);
    workers[0]!.answer(0);
    await expect(decoded).resolves.toMatchObject({ decodeMs: 12, luma: 100 });
    expect(decoder.busy).toBe(false);
    workers[0]!.answer(1);
    await expect(following).resolves.toMatchObject({ decodeMs: 12 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
  });

  it('replaces a worker that does not answer a frame in time, and scans on with the new one', async () => {
    const { decoder, workers } = setup();
    workers[0]!.ready();
    const hung = decoder.decode(frame(), ['ean13'], null);
    const caught = hung.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await caught).toBeInstanceOf(DecoderRestartedError);
    expect(workers[0]!.terminated).toBe(true);
    expect(decoder.busy).toBe(false);
    // The new worker is set up like the first, and takes the next frame.
    expect(workers).toHaveLength(2);
    expect(workers[1]!.requests[0]).toEqual({
      type: 'init',
      preference: 'auto',
      formats: ['ean13'],
    });
    workers[1]!.ready();
    const nextFrame = decoder.decode(frame(), ['ean13'], null);
    expect(workers[1]!.requests[1]).toMatchObject({ type: 'decode', id: 1 });
    workers[1]!.answer(1);
    await expect(nextFrame).resolves.toMatchObject({ decodeMs: 12 });
  });

  it('does not count the engine loading against a frame', async () => {
    const { decoder, workers } = setup();
    const first = decoder.decode(frame(), ['ean13'], null);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(workers).toHaveLength(1);
    workers[0]!.ready();
    workers[0]!.answer(0);
    await expect(first).resolves.toMatchObject({ luma: 100 });
  });

  it('rejects what is pending when disposed, and starts no other worker', async () => {
    const { decoder, workers } = setup();
    workers[0]!.ready();
    const pending = decoder.decode(frame(), ['ean13'], null);
    decoder.dispose();
    await expect(pending).rejects.toThrow('disposed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });
});
