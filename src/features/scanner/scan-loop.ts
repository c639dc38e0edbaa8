import type { Symbology } from '../../lib/gs1/symbology';
import type { Rect } from './engines/frame-ops';
import type { DecodedSymbol } from './engines/types';
import type { CameraFrame } from './engines/decoder-protocol';
import type { FrameDecoder } from './engines/decoder-worker-client';

export interface FrameReport {
  symbols: DecodedSymbol[];
  decodeMs: number;
  /** Mean brightness of the frame (0..255). */
  luma: number;
  /** `captureTime` of the frame from requestVideoFrameCallback, in the performance.now() base. */
  frameTime: number;
  width: number;
  height: number;
}

export interface ScanLoopOptions {
  formats: readonly Symbology[];
  signal: AbortSignal;
  /** The region to decode, read per frame (the viewfinder moves with layout); null: all. */
  region: () => Rect | null;
  /** Read per frame: a paused loop keeps the camera live but decodes nothing. */
  paused: () => boolean;
  /** Read per frame: how many codes to look for (batch mode's many), or the decoder's default. */
  maxSymbols?: () => number | undefined;
  onFrame: (report: FrameReport) => void;
  onError: (error: Error) => void;
}

/**
 * The current video frame, for transfer to the worker. A VideoFrame wraps the decoded frame
 * without copying it (the worker reads it back); createImageBitmap(video) copies it here on the
 * main thread, 20-30 ms a frame in software-rendered Chromium, so it is only the fallback.
 */
function grabFrame(video: HTMLVideoElement): Promise<CameraFrame> {
  if (typeof VideoFrame === 'function') {
    try {
      return Promise.resolve(new VideoFrame(video));
    } catch {
      // No frame yet, or the browser cannot wrap this source: fall back below.
    }
  }
  return createImageBitmap(video);
}

/**
 * One decode per new camera frame: requestVideoFrameCallback tells when a frame is new, the
 * frame goes to the worker as a transferred ImageBitmap, and while the worker is busy (one frame
 * decoding, the next waiting) frames are dropped, not queued, so results never lag behind the
 * camera by more than a frame.
 */
export function runScanLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  options: ScanLoopOptions,
): void {
  const { signal } = options;
  const onVideoFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (signal.aborted) return;
    video.requestVideoFrameCallback(onVideoFrame);
    if (options.paused() || decoder.busy || video.videoWidth === 0) return;
    const frameTime = meta.captureTime ?? meta.presentationTime;
    grabFrame(video)
      .then((bitmap) =>
        decoder.decode(bitmap, options.formats, options.region(), options.maxSymbols?.()),
      )
      .then(({ result, decodeMs, luma }) => {
        if (!signal.aborted)
          options.onFrame({
            symbols: result.symbols,
            decodeMs,
            luma,
            frameTime,
            width: video.videoWidth,
            height: video.videoHeight,
          });
      })
      .catch((error: unknown) => {
        if (!signal.aborted)
          options.onError(error instanceof Error ? error : new Error(String(error)));
      });
  };
  video.requestVideoFrameCallback(onVideoFrame);
}
