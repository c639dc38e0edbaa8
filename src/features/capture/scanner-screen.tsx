import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ThrottleBanner } from '../../components/throttle-banner';
import { useShallow } from 'zustand/react/shallow';
import { CameraToolbar } from '../scanner/camera-toolbar';
import { CameraVideo } from '../scanner/camera-video';
import { CameraErrorPanel } from '../scanner/camera-error-panel';
import { drawOutline } from '../scanner/draw-outline';
import { DecoderRestartedError } from '../scanner/engines/worker-decoder';
import { useDiagnosticsStore } from '../scanner/diagnostics-store';
import type { GateOutcome } from '../scanner/guards/scan-gate';
import type { FrameReport } from '../scanner/scan-loop';
import { useCameraDiagnostics } from '../scanner/use-camera-diagnostics';
import { useScanner } from '../scanner/use-scanner';
import { useWedgeScanner } from '../scanner/wedge/use-wedge-scanner';
import { useRecordSession } from '../session/session-history';
import { useLiveSession } from '../session/use-live-session';
import { useSettingsStore } from '../settings/settings-store';
import type { ScanToSend } from './enqueue-capture';
import { checkTyped, type TypedCode } from './manual-entry';
import { ManualEntryForm } from './manual-entry-form';
import { RecentScans } from './recent-scans';
import { ScannerBar } from './scanner-bar';
import { useSyncState } from './use-sync-state';
import { useCaptureSender } from './use-capture-sender';
import { FLASH_TEXT, useScanFeedback } from './use-scan-feedback';

type Identified = Pick<ScanToSend, 'rawValue' | 'gtin' | 'gs1DlData' | 'format'>;

/** The scanner: camera, outcome feedback, counters and the last scans, for one session. */
export function ScannerScreen({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const sync = useSyncState(sessionId);
  const record = useRecordSession();
  useEffect(() => {
    void record(sessionId, { used: true });
    useDiagnosticsStore.getState().started(sessionId);
  }, [record, sessionId]);
  const diagnostics = useDiagnosticsStore.getState();
  const settings = useSettingsStore(
    useShallow(({ scan, engine, cameraId, cameraChosen, hand }) => ({
      scan,
      engine,
      cameraId,
      cameraChosen,
      hand,
    })),
  );
  const [engine, setEngine] = useState<string>('starting');
  const [paused, setPaused] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const viewfinderRef = useRef<HTMLDivElement | null>(null);
  const { sound, vibration, mode } = settings.scan;
  const { flash, announce, duplicateInView, unlock } = useScanFeedback({ sound, vibration });
  const sender = useCaptureSender(sessionId, (scan, why) =>
    announce(
      'queued',
      why === 'offline'
        ? `${FLASH_TEXT.queued}: ${scan.rawValue}`
        : `Queued, the server is busy: ${scan.rawValue}`,
    ),
  );
  const { send } = sender;

  /** Every accepted code, from the camera, a wedge scanner or the keyboard, ends here. */
  const accept = useCallback(
    (code: Identified, how: Pick<ScanToSend, 'captureType' | 'engine' | 'decodeMs'>) => {
      announce('accepted', `${FLASH_TEXT.accepted}: ${code.rawValue}`);
      send({ sessionId, ...code, ...how });
      if (mode === 'single') setPaused(true);
    },
    [announce, send, sessionId, mode],
  );

  const onOutcome = useCallback(
    (outcome: GateOutcome, frame: FrameReport) => {
      if (outcome.kind === 'accepted') {
        performance.mark('scanner:accepted', {
          detail: { text: outcome.scan.rawValue, frameTime: frame.frameTime },
        });
        accept(
          { ...outcome.scan, format: outcome.decoded.format },
          { captureType: 'BARCODE', engine, decodeMs: frame.decodeMs },
        );
      } else if (outcome.kind === 'duplicate') {
        duplicateInView(outcome.decoded.text);
      } else if (outcome.kind === 'rejected') {
        announce('rejected', `${FLASH_TEXT.rejected}: ${outcome.reason}`);
      }
    },
    [accept, announce, duplicateInView, engine],
  );

  const scanner = useScanner(videoRef, {
    engine: settings.engine,
    onEngine: ({ engine, fellBack }) => {
      setEngine(engine);
      diagnostics.engineChosen(engine, fellBack);
    },
    formats: settings.scan.formats,
    agreementFrames: settings.scan.agreementFrames,
    cooldownMs: settings.scan.cooldownMs,
    deviceId: settings.cameraId,
    resolution: settings.scan.resolution,
    regionRef: settings.scan.roi ? viewfinderRef : null,
    paused,
    onOutcome,
    onFrame: (frame) => {
      drawOutline(overlayRef.current, frame);
      diagnostics.frame(frame.decodeMs, frame.frameTime);
      const counters = scanner.counters();
      if (counters) diagnostics.counted({ ...counters });
    },
    onRestart: (reason) => {
      diagnostics.restarted();
      setNotice(
        reason === 'stalled'
          ? 'The camera picture froze, so it was restarted.'
          : 'The camera showed only black, so it was restarted.',
      );
    },
    onDecodeError: (error) => {
      diagnostics.failed(error.message);
      if (error instanceof DecoderRestartedError) setNotice(error.message);
    },
  });

  // Manual entry and wedge scanners: the same checks, normalisation and cooldown as the camera.
  const onTyped = (checked: TypedCode, captureType: 'MANUAL' | 'BARCODE', engine: string) => {
    const outcome = scanner.offerTyped({
      format: checked.format,
      text: checked.rawValue,
      gs1: false,
    });
    if (outcome.kind === 'duplicate' || outcome.kind === 'held')
      announce('duplicate', `${FLASH_TEXT.duplicate}: ${checked.rawValue}`);
    else if (outcome.kind === 'accepted') accept(checked, { captureType, engine, decodeMs: null });
  };
  useWedgeScanner((code) => {
    const checked = checkTyped(code);
    if (checked.ok) onTyped(checked, 'BARCODE', 'wedge');
    else announce('rejected', `${FLASH_TEXT.rejected}: ${checked.reason}`);
  });

  const captures = live.detail.data?.captures ?? [];
  const { status } = scanner;
  const error = status.state === 'error' ? status.error : null;
  const camera = status.state === 'live' ? status.camera : null;
  useCameraDiagnostics(status);

  return (
    <div className={`scanner hand-${settings.hand}`} onPointerDown={unlock}>
      <ScannerBar
        counters={[
          { label: 'Scanned here', value: sender.sentHere, testId: 'local-count' },
          { label: 'Saved', value: live.captureCount, testId: 'server-count' },
        ]}
        sync={sync}
      />

      <main className="scanner-main">
        <ThrottleBanner />
        <div className="scanner-stage">
          <CameraVideo
            videoRef={videoRef}
            onFocus={camera?.controls.focus ? (p) => void scanner.focusAt(p) : null}
          />
          <canvas ref={overlayRef} className="scanner-overlay" aria-hidden="true" />
          <div
            ref={viewfinderRef}
            className={settings.scan.roi ? 'viewfinder viewfinder-roi' : 'viewfinder'}
            aria-hidden="true"
          />
          <div className="thumb-controls">
            {live.detail.data?.capture_mode === 'both' && (
              <Link to={`/sessions/${sessionId}/photos`} className="button mode-toggle">
                Take photos
              </Link>
            )}
            {camera && (
              <CameraToolbar
                key={camera.streamId}
                camera={camera}
                onChooseCamera={settings.cameraChosen}
                torch={async (on) => {
                  const ok = await scanner.torch(on);
                  if (ok) diagnostics.torchSet(on);
                  return ok;
                }}
                zoom={scanner.zoom}
              />
            )}
          </div>
          {status.state === 'starting' && <p className="scanner-note">Starting the camera…</p>}
          {scanner.dark && (
            <p className="scanner-note" role="status">
              The camera shows only black. Is the lens covered?
            </p>
          )}
          {paused && (
            <button type="button" className="button scan-next" onClick={() => setPaused(false)}>
              Scan next
            </button>
          )}
          {error && <CameraErrorPanel error={error} onRetry={scanner.retry} />}
          {flash && (
            <div key={flash.key} className={`flash flash-${flash.kind}`} aria-hidden="true">
              {flash.text}
            </div>
          )}
        </div>

        <p className="visually-hidden" aria-live="polite" data-testid="scan-announcement">
          {flash?.text ?? ''}
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="camera-notice">
          {notice ?? ''}
        </p>

        <section className="scanner-sheet" aria-label="Scans and manual entry">
          <RecentScans scans={sender.scans} captures={captures} />
          <Link to={`/sessions/${sessionId}`}>All captures and session actions</Link>
          <ManualEntryForm onSubmit={(typed) => onTyped(typed, 'MANUAL', 'manual')} />
        </section>
      </main>
    </div>
  );
}
