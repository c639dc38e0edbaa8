import type { Symbology } from '../../lib/gs1/symbology';
import type { DecodedSymbol } from './engines/types';
import type { FrameDecoder } from './engines/worker-decoder';

export interface FrameReport {
  symbols: DecodedSymbol[];
  decodeMs: number;
  /** `captureTime` of the frame from requestVideoFrameCallback, in the performance.now() base. */
  frameTime: number;
  width: number;
  height: number;
}

/**
 * One decode per new camera frame: requestVideoFrameCallback tells when a frame is new, the
 * frame goes to the worker as a transferred ImageBitmap, and while the worker is busy frames
 * are dropped, not queued, so results never lag behind the camera.
 */
export function runScanLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  options: {
    formats: readonly Symbology[];
    signal: AbortSignal;
    onFrame: (report: FrameReport) => void;
    onError: (error: Error) => void;
  },
): void {
  const { signal } = options;
  const onVideoFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (signal.aborted) return;
    video.requestVideoFrameCallback(onVideoFrame);
    if (decoder.busy || video.videoWidth === 0) return;
    const frameTime = meta.captureTime ?? meta.presentationTime;
    createImageBitmap(video)
      .then((bitmap) => decoder.decode(bitmap, options.formats, null))
      .then(({ result, decodeMs }) => {
        if (!signal.aborted)
          options.onFrame({
            symbols: result.symbols,
            decodeMs,
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
