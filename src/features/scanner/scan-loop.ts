import type { Symbology } from '../../lib/gs1/symbology';
import type { Rect } from './engines/frame-ops';
import type { DecodedSymbol } from './engines/types';
import type { FrameDecoder } from './engines/worker-decoder';

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
  onFrame: (report: FrameReport) => void;
  onError: (error: Error) => void;
}

/**
 * One decode per new camera frame: requestVideoFrameCallback tells when a frame is new, the
 * frame goes to the worker as a transferred ImageBitmap, and while the worker is busy frames
 * are dropped, not queued, so results never lag behind the camera.
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
    createImageBitmap(video)
      .then((bitmap) => decoder.decode(bitmap, options.formats, options.region()))
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
