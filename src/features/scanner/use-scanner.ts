import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Symbology } from '../../lib/gs1/symbology';
import { startCamera, type CameraSession } from './camera/camera-controller';
import { type CameraError, toCameraError } from './camera/camera-error';
import type { EngineName, EnginePreference } from './engines/select-engine';
import { createWorkerDecoder, type FrameDecoder } from './engines/worker-decoder';
import type { Decoded } from '../../lib/gs1/identify';
import { ScanGate, type GateOutcome } from './guards/scan-gate';
import { runScanLoop, type FrameReport } from './scan-loop';

export type ScannerStatus =
  | { state: 'starting' }
  | { state: 'scanning'; camera: Pick<CameraSession, 'label' | 'settings' | 'capabilities'> }
  | { state: 'error'; error: CameraError };

export interface ScannerOptions {
  formats: readonly Symbology[];
  engine: EnginePreference;
  /** Which engine runs, once the worker has chosen. */
  onEngine?: (choice: { engine: EngineName; fellBack: boolean }) => void;
  agreementFrames: number;
  cooldownMs: number;
  /** Every gate outcome, with the decode time of the frame it came from. */
  onOutcome: (outcome: GateOutcome, frame: FrameReport) => void;
  /** Every decoded frame, for the outline overlay (a ref consumer, not React state). */
  onFrame?: (frame: FrameReport) => void;
}

/**
 * The camera and the decode loop for one scanner screen. The camera stops on unmount and while
 * the page is hidden, and starts again when it is visible; every start is abortable, so a
 * StrictMode double mount never leaves a track running.
 */
export function useScanner(
  videoRef: React.RefObject<HTMLVideoElement | null>,
  options: ScannerOptions,
) {
  const [status, setStatus] = useState<ScannerStatus>({ state: 'starting' });
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  const [attempt, setAttempt] = useState(0);
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
      agreementWindowMs: 1_000,
      heldGapMs: 500,
      now: () => performance.now(),
    }));

  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    const video = videoRef.current;
    if (!visible || !video) return;
    const controller = new AbortController();
    let camera: CameraSession | null = null;
    setStatus({ state: 'starting' });
    if (!decoderRef.current) {
      decoderRef.current = createWorkerDecoder(latest.current.engine, latest.current.formats);
      void decoderRef.current.ready.then((choice) => latest.current.onEngine?.(choice));
    }
    const decoder = decoderRef.current;
    const scanGate = gate();
    startCamera({ signal: controller.signal })
      .then(async (started) => {
        camera = started;
        video.srcObject = started.stream;
        await video.play();
        if (controller.signal.aborted) return;
        setStatus({
          state: 'scanning',
          camera: {
            label: started.label,
            settings: started.settings,
            capabilities: started.capabilities,
          },
        });
        runScanLoop(video, decoder, {
          formats: latest.current.formats,
          signal: controller.signal,
          onFrame: (frame) => {
            latest.current.onFrame?.(frame);
            for (const symbol of frame.symbols)
              latest.current.onOutcome(scanGate.offer(symbol), frame);
          },
          onError: () => undefined,
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setStatus({ state: 'error', error: toCameraError(error) });
      });
    return () => {
      controller.abort();
      camera?.stop();
      video.srcObject = null;
    };
  }, [videoRef, visible, attempt]);

  useEffect(
    () => () => {
      decoderRef.current?.dispose();
      decoderRef.current = null;
    },
    [],
  );

  return {
    status,
    retry: () => setAttempt((n) => n + 1),
    counters: () => gateRef.current?.counters,
    /** Typed codes (manual entry, wedge scanners) through the same gate as camera reads. */
    offerTyped: (decoded: Decoded): GateOutcome => gate().offer(decoded, 'typed'),
  };
}
