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

/** Chromium's MediaStreamTrackProcessor (mediacapture-transform), which TypeScript's DOM lib lacks. */
interface TrackProcessorConstructor {
  new (init: { track: MediaStreamTrack }): { readable: ReadableStream<VideoFrame> };
}

const trackProcessor = (): TrackProcessorConstructor | undefined =>
  (globalThis as { MediaStreamTrackProcessor?: TrackProcessorConstructor })
    .MediaStreamTrackProcessor;

/** The live video track the element shows, if its source is a camera stream. */
function videoTrack(video: HTMLVideoElement): MediaStreamTrack | undefined {
  const source = video.srcObject;
  return typeof MediaStream === 'function' && source instanceof MediaStream
    ? source.getVideoTracks().find((t) => t.readyState === 'live')
    : undefined;
}

/**
 * The region in the frame's own pixels: the viewfinder is worked out in the video element's
 * pixels, and a frame from the track can come at another size (a track whose resolution changed
 * before the element noticed).
 */
function regionInFrame(region: Rect | null, frame: VideoFrame, video: HTMLVideoElement) {
  if (!region || !video.videoWidth || frame.displayWidth === video.videoWidth) return region;
  const sx = frame.displayWidth / video.videoWidth;
  const sy = frame.displayHeight / (video.videoHeight || frame.displayHeight);
  return {
    x: region.x * sx,
    y: region.y * sy,
    width: region.width * sx,
    height: region.height * sy,
  };
}

/** Hands a failure to the screen, unless the loop has stopped (its camera closed). */
const reportError = (options: ScanLoopOptions) => (error: unknown) => {
  if (!options.signal.aborted)
    options.onError(error instanceof Error ? error : new Error(String(error)));
};

/** What both frame sources do with a frame: decode it and report, or report the failure. */
function decodeAndReport(
  frame: CameraFrame,
  region: Rect | null,
  frameTime: number,
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  options: ScanLoopOptions,
): void {
  const { signal } = options;
  decoder
    .decode(frame, options.formats, region, options.maxSymbols?.())
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
    .catch(reportError(options));
}

/**
 * Frames straight from the camera track, as they arrive: a requestVideoFrameCallback fires only
 * at the page's next rendering step, up to a display frame (8 ms on average at 60 Hz) after the
 * frame came. Frames that come while the decoder is busy are closed at once, not queued.
 */
async function pumpTrack(
  track: MediaStreamTrack,
  Processor: TrackProcessorConstructor,
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  options: ScanLoopOptions,
): Promise<void> {
  const { signal } = options;
  const reader = new Processor({ track }).readable.getReader();
  // The camera stops its stream when this signal aborts; the reader lets go of the track.
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), {
    once: true,
  });
  for (;;) {
    const { value: frame, done } = await reader.read();
    if (done) return;
    if (signal.aborted || options.paused() || decoder.busy) {
      frame.close();
      continue;
    }
    const region = regionInFrame(options.region(), frame, video);
    decodeAndReport(frame, region, performance.now(), video, decoder, options);
  }
}

/**
 * One decode per new camera frame, each going to the worker transferred, not copied. While the
 * worker is busy (one frame decoding, the next waiting) frames are dropped, not queued, so
 * results never lag behind the camera by more than a frame. Frames come from the camera track
 * where the browser can give them (Chromium's MediaStreamTrackProcessor); elsewhere
 * requestVideoFrameCallback tells when the element has a new frame, which is then grabbed.
 */
export function runScanLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  options: ScanLoopOptions,
): void {
  const { signal } = options;
  const Processor = trackProcessor();
  const track = videoTrack(video);
  if (Processor && track) {
    pumpTrack(track, Processor, video, decoder, options).catch(reportError(options));
    return;
  }
  const onVideoFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (signal.aborted) return;
    video.requestVideoFrameCallback(onVideoFrame);
    if (options.paused() || decoder.busy || video.videoWidth === 0) return;
    const frameTime = meta.captureTime ?? meta.presentationTime;
    grabFrame(video)
      .then((frame) => decodeAndReport(frame, options.region(), frameTime, video, decoder, options))
      .catch(reportError(options));
  };
  video.requestVideoFrameCallback(onVideoFrame);
}
