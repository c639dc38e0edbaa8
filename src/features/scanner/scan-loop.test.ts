import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecodedFrame, FrameDecoder } from './engines/decoder-worker-client';
import { runScanLoop, type FrameReport } from './scan-loop';

/** A VideoFrame as the loop uses it: its size, and whether it was let go. */
class FakeFrame {
  closed = false;
  constructor(
    readonly displayWidth: number,
    readonly displayHeight: number,
  ) {}
  close() {
    this.closed = true;
  }
}

class FakeStream {
  constructor(private readonly tracks: MediaStreamTrack[]) {}
  getVideoTracks() {
    return this.tracks;
  }
}

/** The camera track's frames, pushed by the test; and whether the loop let go of the track. */
function fakeProcessor() {
  let push: (frame: FakeFrame) => void = () => undefined;
  const state = { cancelled: false, tracks: [] as MediaStreamTrack[] };
  class Processor {
    readonly readable: ReadableStream<FakeFrame>;
    constructor({ track }: { track: MediaStreamTrack }) {
      state.tracks.push(track);
      this.readable = new ReadableStream<FakeFrame>({
        start: (controller) => {
          push = (frame) => controller.enqueue(frame);
        },
        cancel: () => {
          state.cancelled = true;
        },
      });
    }
  }
  return { Processor, state, push: (frame: FakeFrame) => push(frame) };
}

/** A decoder that is busy while `busy` says so, and answers each frame with no symbols. */
function fakeDecoder() {
  const seen: { frame: unknown; roi: unknown }[] = [];
  const decoder: FrameDecoder & { isBusy: boolean } = {
    isBusy: false,
    get busy() {
      return this.isBusy;
    },
    ready: Promise.resolve({ engine: 'zxing-wasm', fellBack: false }),
    decode(frame, _formats, roi) {
      seen.push({ frame, roi });
      const answer: DecodedFrame = {
        result: { symbols: [], strategy: null, tried: ['plain'] },
        decodeMs: 5,
        luma: 90,
      };
      return Promise.resolve(answer);
    },
    dispose: () => undefined,
  };
  return { decoder, seen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function cameraVideo(track: MediaStreamTrack) {
  const video = document.createElement('video');
  Object.defineProperty(video, 'videoWidth', { value: 640 });
  Object.defineProperty(video, 'videoHeight', { value: 480 });
  Object.defineProperty(video, 'srcObject', { value: new FakeStream([track]) });
  return video;
}

afterEach(() => vi.unstubAllGlobals());

describe('runScanLoop with frames from the camera track', () => {
  it('decodes frames as they come, and closes those that come while busy or paused', async () => {
    const { Processor, state, push } = fakeProcessor();
    vi.stubGlobal('MediaStream', FakeStream);
    vi.stubGlobal('MediaStreamTrackProcessor', Processor);
    const track = { readyState: 'live' } as MediaStreamTrack;
    const { decoder, seen } = fakeDecoder();
    const reports: FrameReport[] = [];
    let paused = false;
    runScanLoop(cameraVideo(track), decoder, {
      formats: ['ean13'],
      signal: new AbortController().signal,
      // The viewfinder in the element's pixels (640x480); frames come at 1280x960.
      region: () => ({ x: 100, y: 50, width: 200, height: 100 }),
      paused: () => paused,
      onFrame: (report) => reports.push(report),
      onError: (error) => {
        throw error;
      },
    });
    expect(state.tracks).toEqual([track]);

    const first = new FakeFrame(1280, 960);
    push(first);
    await settle();
    expect(seen).toEqual([{ frame: first, roi: { x: 200, y: 100, width: 400, height: 200 } }]);
    expect(reports).toMatchObject([{ luma: 90, decodeMs: 5, width: 640, height: 480 }]);

    decoder.isBusy = true;
    const whileBusy = new FakeFrame(1280, 960);
    push(whileBusy);
    await settle();
    decoder.isBusy = false;
    paused = true;
    const whilePaused = new FakeFrame(1280, 960);
    push(whilePaused);
    await settle();
    expect(seen).toHaveLength(1);
    expect([whileBusy.closed, whilePaused.closed]).toEqual([true, true]);
    // A decoded frame is the worker's to close (it is transferred there).
    expect(first.closed).toBe(false);
  });

  it('lets go of the track when the camera stops, and reads nothing after', async () => {
    const { Processor, state, push } = fakeProcessor();
    vi.stubGlobal('MediaStream', FakeStream);
    vi.stubGlobal('MediaStreamTrackProcessor', Processor);
    const { decoder, seen } = fakeDecoder();
    const controller = new AbortController();
    runScanLoop(cameraVideo({ readyState: 'live' } as MediaStreamTrack), decoder, {
      formats: ['ean13'],
      signal: controller.signal,
      region: () => null,
      paused: () => false,
      onFrame: () => undefined,
      onError: (error) => {
        throw error;
      },
    });
    // A frame that came just before the stop is let go of, not decoded.
    const last = new FakeFrame(640, 480);
    push(last);
    controller.abort();
    await settle();
    expect(state.cancelled).toBe(true);
    expect(seen).toEqual([]);
    expect(last.closed).toBe(true);
  });

  it('falls back to the video element where the browser has no track processor', () => {
    vi.stubGlobal('MediaStream', FakeStream);
    vi.stubGlobal('MediaStreamTrackProcessor', undefined);
    const video = cameraVideo({ readyState: 'live' } as MediaStreamTrack);
    const callbacks = vi.fn();
    Object.defineProperty(video, 'requestVideoFrameCallback', { value: callbacks });
    runScanLoop(video, fakeDecoder().decoder, {
      formats: ['ean13'],
      signal: new AbortController().signal,
      region: () => null,
      paused: () => false,
      onFrame: () => undefined,
      onError: () => undefined,
    });
    expect(callbacks).toHaveBeenCalledTimes(1);
  });
});
