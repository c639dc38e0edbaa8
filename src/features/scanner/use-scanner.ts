import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Symbology } from '../../lib/gs1/symbology';
import type { Decoded } from '../../lib/gs1/identify';
import type { Resolution } from './camera/camera-controller';
import type { WatchdogVerdict } from './camera/frame-watchdog';
import { useCamera } from './camera/use-camera';
import { coverRegion, type Rect } from './engines/frame-ops';
import type { EngineName, EnginePreference } from './engines/select-engine';
import { createWorkerDecoder, type FrameDecoder } from './engines/decoder-worker-client';
import { BatchTracker, type BatchFrame } from './guards/batch-tracker';
import { CAMERA_TIMINGS, ScanGate, type GateOutcome } from './guards/scan-gate';
import { runScanLoop, type FrameReport } from './scan-loop';

export interface ScannerOptions {
  formats: readonly Symbology[];
  engine: EnginePreference;
  /** Which engine runs, once the worker has chosen. */
  onEngine?: (choice: { engine: EngineName; fellBack: boolean }) => void;
  agreementFrames: number;
  cooldownMs: number;
  deviceId: string | null;
  resolution: Resolution;
  /** The viewfinder box to decode inside, when the ROI setting is on; null decodes it all. */
  regionRef: React.RefObject<HTMLElement | null> | null;
  /** Keep the camera live but decode nothing (single mode, after a scan). */
  paused: boolean;
  /** Every gate outcome, with the decode time of the frame it came from. */
  onOutcome: (outcome: GateOutcome, frame: FrameReport) => void;
  /**
   * Batch mode: every code in view at once, through the batch tracker instead of the gate, on
   * the whole frame. `inSession` says which identities the session holds already.
   */
  batch?: {
    inSession: (identity: string) => boolean;
    onFrame: (batch: BatchFrame, frame: FrameReport) => void;
  } | null;
  /** Every decoded frame, for the outline overlay and diagnostics (refs, not React state). */
  onFrame?: (frame: FrameReport) => void;
  onRestart?: (reason: Exclude<WatchdogVerdict, null>) => void;
  /** A frame the decoder failed on, or a hung decoder that was replaced; scanning goes on. */
  onDecodeError?: (error: Error) => void;
}

/** Batch mode: up to this many codes a frame (a shelf edge, a carton's labels). */
const BATCH_MAX_CODES = 20;
/** A code not seen for this long has left the view (its outline goes). */
const BATCH_GONE_AFTER_MS = 600;

/** The viewfinder's region of the frame, from where the video and the box sit on screen. */
function regionOf(video: HTMLVideoElement, box: HTMLElement | null | undefined): Rect | null {
  if (!box || !video.videoWidth) return null;
  const v = video.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return coverRegion(
    { width: video.videoWidth, height: video.videoHeight },
    { width: v.width, height: v.height },
    { x: b.left - v.left, y: b.top - v.top, width: b.width, height: b.height },
  );
}

/**
 * The camera and the decode loop for one scanner screen: frames go to the decoder worker, each
 * read goes through the misread guards, and every outcome is reported to the screen.
 */
export function useScanner(
  videoRef: React.RefObject<HTMLVideoElement | null>,
  options: ScannerOptions,
) {
  // The loop outlives renders; it reads the newest callbacks and settings through this ref.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const decoderRef = useRef<FrameDecoder | null>(null);
  const gateRef = useRef<ScanGate | null>(null);
  // One gate per screen, made on first use (outside render), shared by camera and typed input.
  const gate = () =>
    (gateRef.current ??= new ScanGate({
      agreementFrames: latest.current.agreementFrames,
      cooldownMs: latest.current.cooldownMs,
      ...CAMERA_TIMINGS,
      now: () => performance.now(),
    }));
  const trackerRef = useRef<BatchTracker | null>(null);
  const tracker = () =>
    (trackerRef.current ??= new BatchTracker({
      goneAfterMs: BATCH_GONE_AFTER_MS,
      inSession: (identity) => latest.current.batch?.inSession(identity) ?? false,
      now: () => performance.now(),
    }));

  const camera = useCamera(videoRef, {
    deviceId: options.deviceId,
    resolution: options.resolution,
    paused: () => latest.current.paused,
    onRestart: (reason) => latest.current.onRestart?.(reason),
    onLive: (video, signal, watchdog) => {
      if (!decoderRef.current) {
        decoderRef.current = createWorkerDecoder(latest.current.engine, latest.current.formats);
        void decoderRef.current.ready.then((choice) => latest.current.onEngine?.(choice));
      }
      const scanGate = gate();
      runScanLoop(video, decoderRef.current, {
        formats: latest.current.formats,
        signal,
        paused: () => latest.current.paused,
        // Batch mode reads the whole frame: the codes are wherever the shelf puts them.
        region: () =>
          latest.current.batch ? null : regionOf(video, latest.current.regionRef?.current),
        maxSymbols: () => (latest.current.batch ? BATCH_MAX_CODES : undefined),
        onFrame: (frame) => {
          watchdog.frame(frame.luma);
          latest.current.onFrame?.(frame);
          const batch = latest.current.batch;
          if (batch) return batch.onFrame(tracker().frame(frame.symbols), frame);
          for (const symbol of frame.symbols)
            latest.current.onOutcome(scanGate.offer(symbol), frame);
        },
        onError: (error) => latest.current.onDecodeError?.(error),
      });
    },
  });

  useEffect(
    () => () => {
      decoderRef.current?.dispose();
      decoderRef.current = null;
    },
    [],
  );

  return {
    ...camera,
    counters: () => gateRef.current?.counters,
    /** Batch mode's tracker: to leave a code out, take one back, and count. */
    batch: tracker,
    /** Typed codes (manual entry, wedge scanners) through the same gate as camera reads. */
    offerTyped: (decoded: Decoded): GateOutcome => gate().offer(decoded, 'typed'),
  };
}
