import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { SectionBoundary } from '../../../components/section-boundary';
import { ThrottleBanner } from '../../../components/throttle-banner';
import { useShallow } from 'zustand/react/shallow';
import { CameraToolbar } from '../../../features/scanner/camera-toolbar';
import { CameraVideo } from '../../../features/scanner/camera-video';
import { CameraErrorPanel } from '../../../features/scanner/camera-error-panel';
import { BatchOverlay } from '../../../features/scanner/batch-overlay';
import { drawOutline } from '../../../features/scanner/draw-outline';
import { DecoderRestartedError } from '../../../features/scanner/engines/decoder-worker-client';
import { useDiagnosticsStore } from '../../../features/scanner/diagnostics-store';
import type { GateOutcome } from '../../../features/scanner/guards/scan-gate';
import type { FrameReport } from '../../../features/scanner/scan-loop';
import { useCameraDiagnostics } from '../../../features/scanner/use-camera-diagnostics';
import { useScanner } from '../../../features/scanner/use-scanner';
import { useWedgeScanner } from '../../../features/scanner/wedge/use-wedge-scanner';
import { useRecordSession } from '../../../features/session/session-history';
import { useLiveSession } from '../../../features/session/use-live-session';
import { useSettingsStore } from '../../../features/settings/settings-store';
import type { ScanToSend } from '../../../features/scans/send-capture';
import { isoWithOffset } from '../../../lib/device-time';
import { checkTyped, type TypedCode } from '../../../features/scans/manual-entry';
import { ManualEntryForm } from '../../../features/scans/manual-entry-form';
import { RecentScans } from '../../../features/scans/recent-scans';
import { BottomSheet, type SheetState } from '../../../components/bottom-sheet';
import { ScannerBar } from '../scanner-bar';
import { useSyncState } from '../use-sync-state';
import { useNewestScanAnnouncement } from './use-newest-scan-announcement';
import { useScans } from './use-scans';
import { useBatch } from './use-batch';
import { useScanFeedback } from './use-scan-feedback';
import { type Undoable, useUndo } from './use-undo';
import { useCorrections } from '../../outbox/corrections';
import { COUNT_MODE_KEY } from '../../../features/session/count-mode';
import { identify } from '../../../lib/gs1/identify';
import { STATES } from '../../../components/states';

/** The scans the sheet lists at each height: the last one, the last few, or the visit's run. */
const SHEET_ROWS: Record<SheetState, number> = { collapsed: 1, half: 5, full: 100 };

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
  const [sheet, setSheet] = useState<SheetState>('collapsed');
  const [notice, setNotice] = useState<string | null>(null);
  /** The last scan this device could not keep: shown until a scan is kept again. */
  const [storageError, setStorageError] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const viewfinderRef = useRef<HTMLDivElement | null>(null);
  const { sound, vibration, mode } = settings.scan;
  const { flash, announce, duplicateInView, unlock } = useScanFeedback({ sound, vibration });
  const { scans, keep, scanOf } = useScans(sessionId);
  const newestIs = useNewestScanAnnouncement(scans, announce);
  const corrections = useCorrections();
  const countMode = live.detail.data?.metadata[COUNT_MODE_KEY] === 'on';
  const { offer, offered, undo } = useUndo(
    useCallback(
      async (action: Undoable) => {
        if (action.type === 'scan') await corrections.remove(action.scanId);
        else
          await corrections.change(action.scanId, (scan) => ({
            quantity: Math.max(1, (scan.quantity ?? 1) - 1),
          }));
        announce(STATES.undone, action.value);
      },
      [announce, corrections],
    ),
  );

  /**
   * Every accepted code, from the camera, a wedge scanner or the keyboard, ends here. It is
   * confirmed only once this device has stored it: a storage failure says so instead.
   */
  const accept = useCallback(
    (
      code: Identified,
      how: Pick<ScanToSend, 'captureType' | 'engine' | 'decodeMs'>,
    ): Promise<string | null> => {
      if (mode === 'single') setPaused(true);
      // Count mode: the same product again is one more of it, not a second capture.
      const key = code.gtin || code.rawValue;
      const earlier = scanOf(key);
      // Outside count mode, a product this device already captured in the session is a
      // duplicate whenever it comes back (a looping shelf video, a product held past the
      // cooldown), not a second capture.
      if (earlier && !countMode) {
        if (mode === 'single') setPaused(false);
        announce(STATES.duplicate, code.rawValue);
        return Promise.resolve(null);
      }
      if (earlier) {
        const quantity = (earlier.quantity ?? 1) + 1;
        return corrections
          .change(earlier.clientId, (scan) => ({ quantity: (scan.quantity ?? 1) + 1 }))
          .then(() => {
            announce(STATES.counted, `${code.rawValue} ×${quantity}`);
            offered({ type: 'count', scanId: earlier.clientId, value: code.rawValue });
            return earlier.clientId;
          });
      }
      const scannedAt = isoWithOffset(new Date());
      const quantity = countMode ? { quantity: 1 } : {};
      return keep({ sessionId, ...code, ...how, scannedAt, ...quantity }).then((kept) => {
        setStorageError(kept.ok ? null : kept.message);
        // A scan this device could not keep is the newest word: no older scan's state replaces it.
        newestIs(kept.ok ? kept.id : null);
        if (kept.ok) {
          announce(STATES.accepted, code.rawValue);
          offered({ type: 'scan', scanId: kept.id, value: code.rawValue });
        } else {
          setPaused(false);
          announce(STATES.notKept, kept.message);
        }
        return kept.ok ? kept.id : null;
      });
    },
    [announce, keep, sessionId, mode, newestIs, countMode, scanOf, corrections, offered],
  );

  const onOutcome = useCallback(
    (outcome: GateOutcome, frame: FrameReport) => {
      if (outcome.kind === 'accepted') {
        performance.mark('scanner:accepted', {
          detail: {
            text: outcome.scan.rawValue,
            frameTime: frame.frameTime,
            decodeMs: frame.decodeMs,
          },
        });
        void accept(
          { ...outcome.scan, format: outcome.decoded.format },
          { captureType: 'BARCODE', engine, decodeMs: frame.decodeMs },
        );
      } else if (outcome.kind === 'duplicate') {
        // Presented again (not merely held in view): in count mode, that is one more.
        const again = countMode ? identify(outcome.decoded) : null;
        if (again?.ok)
          void accept(
            { ...again, format: outcome.decoded.format },
            { captureType: 'BARCODE', engine, decodeMs: frame.decodeMs },
          );
        else duplicateInView(outcome.decoded.text);
      } else if (outcome.kind === 'rejected') {
        announce(STATES.rejected, outcome.reason);
      }
    },
    [accept, announce, duplicateInView, engine, countMode],
  );

  const captures = live.detail.data?.captures ?? [];
  const batch = useBatch(mode === 'batch', {
    known: (identity) =>
      scanOf(identity) !== undefined || captures.some((c) => (c.gtin || c.raw_value) === identity),
    keep: (code, decodeMs) => accept(code, { captureType: 'BARCODE', engine, decodeMs }),
    remove: (scanId) => corrections.remove(scanId),
    announce,
    measure: () => videoRef.current?.getBoundingClientRect() ?? null,
  });

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
    batch: batch.options,
    onFrame: (frame) => {
      // Batch mode outlines each code as a button of its own (BatchOverlay).
      if (!batch.options) drawOutline(overlayRef.current, frame);
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
    const again = countMode && (outcome.kind === 'duplicate' || outcome.kind === 'held');
    if (outcome.kind === 'accepted' || again)
      void accept({ ...checked, format: checked.label }, { captureType, engine, decodeMs: null });
    else if (outcome.kind === 'duplicate' || outcome.kind === 'held')
      announce(STATES.duplicate, checked.rawValue);
  };
  // A wedge scanner has read a printed symbol, so its text is a code in its own right.
  useWedgeScanner((code) => {
    const checked = checkTyped(code, { asText: true });
    if (checked.ok) onTyped(checked, 'BARCODE', 'wedge');
    else announce(STATES.rejected, checked.reason);
  });

  const { status } = scanner;
  const error = status.state === 'error' ? status.error : null;
  const camera = status.state === 'live' ? status.camera : null;
  useCameraDiagnostics(status);

  return (
    <div className={`scanner hand-${settings.hand}`} onPointerDown={unlock}>
      <ScannerBar
        counters={[
          { label: 'Scanned here', value: scans.length, testId: 'local-count' },
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
          {batch.view && (
            <BatchOverlay
              view={batch.view}
              element={batch.view.element}
              onTap={(track) => void batch.tap(track, scanner.batch())}
            />
          )}
          {/* Batch mode reads the whole picture: a box would say otherwise. */}
          {mode !== 'batch' && (
            <div
              ref={viewfinderRef}
              className={settings.scan.roi ? 'viewfinder viewfinder-roi' : 'viewfinder'}
              aria-hidden="true"
            />
          )}
          {status.state === 'starting' && <p className="scanner-note">Starting the camera…</p>}
          {scanner.dark && (
            <p className="scanner-note" role="status">
              The camera shows only black. Is the lens covered?
            </p>
          )}
          {error && <CameraErrorPanel error={error} onRetry={scanner.retry} />}
          {flash && (
            <div key={flash.key} className={`flash flash-${flash.tone}`} aria-hidden="true">
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

        {/* The thumb's row, under the picture: nothing here covers the viewfinder. */}
        <div className="scanner-dock">
          <SectionBoundary name="camera controls">
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
          </SectionBoundary>
          {offer && (
            <button type="button" className="button undo" onClick={() => void undo()}>
              Undo {offer.type === 'count' ? 'count' : 'scan'}
            </button>
          )}
          {batch.view && (
            <p className="batch-tally" aria-live="polite" data-testid="batch-tally">
              {batch.view.tally.inView} in view · {batch.view.tally.captured} captured
            </p>
          )}
          {mode === 'single' && (
            <button
              type="button"
              className="button trigger"
              disabled={!paused}
              onClick={() => setPaused(false)}
            >
              {paused ? 'Scan next' : 'Scanning…'}
            </button>
          )}
        </div>

        <BottomSheet
          label="Scans and manual entry"
          summary={scans.length === 1 ? '1 scan' : `${scans.length} scans`}
          state={sheet}
          onState={setSheet}
          aside={
            <Link
              to={`/sessions/${sessionId}`}
              className="sheet-link"
              aria-label="All captures and session actions"
            >
              All captures ›
            </Link>
          }
        >
          {storageError && (
            <p className="field-error" role="alert" data-testid="storage-error">
              Not saved: {storageError}
            </p>
          )}
          <SectionBoundary name="manual entry">
            <ManualEntryForm onSubmit={(typed) => onTyped(typed, 'MANUAL', 'manual')} />
          </SectionBoundary>
          <SectionBoundary name="list of scans">
            <RecentScans
              scans={scans}
              captures={captures}
              limit={SHEET_ROWS[sheet]}
              {...(sheet === 'collapsed' ? {} : { onRemove: (id) => void corrections.remove(id) })}
            />
          </SectionBoundary>
        </BottomSheet>
      </main>
    </div>
  );
}
