import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { RETAIL_SYMBOLOGIES } from '../../lib/gs1/symbology';
import { useApiClient } from '../../lib/api-context';
import { CAMERA_ERROR_TEXT } from '../scanner/camera/camera-error';
import { createFeedback, type FeedbackKind } from '../scanner/feedback';
import type { GateOutcome } from '../scanner/guards/scan-gate';
import type { FrameReport } from '../scanner/scan-loop';
import { useScanner } from '../scanner/use-scanner';
import { sessionQueries } from '../session/session-queries';
import { useSettingsStore } from '../settings/settings-store';
import { checkTyped, type TypedCode } from './manual-entry';
import { ManualEntryForm } from './manual-entry-form';
import { useWedgeScanner } from '../scanner/wedge/use-wedge-scanner';
import { RecentScans, type LocalScan } from './recent-scans';
import type { ScanToSend } from './enqueue-capture';
import { useCaptureSender } from './use-capture-sender';

const FLASH_TEXT: Record<FeedbackKind, string> = {
  accepted: 'Scanned',
  duplicate: 'Already scanned',
  rejected: 'Not accepted',
  queued: 'Queued',
};

/** The scanner: camera, outcome feedback, counters and the last scans, for one session. */
export function ScannerScreen({ sessionId }: { sessionId: string }) {
  const client = useApiClient();
  const detail = useQuery(sessionQueries.detail(client, sessionId));
  const sender = useCaptureSender(sessionId);
  const [scans, setScans] = useState<LocalScan[]>([]);
  const enginePreference = useSettingsStore((st) => st.engine);
  // The engine the worker actually chose; it goes into each capture's metadata.
  const [engine, setEngine] = useState<string>('starting');
  const [flash, setFlash] = useState<{ kind: FeedbackKind; text: string; key: number } | null>(
    null,
  );
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const feedback = useMemo(() => createFeedback(), []);

  const announce = useCallback(
    (kind: FeedbackKind, text: string) => {
      feedback.play(kind);
      setFlash({ kind, text, key: performance.now() });
    },
    [feedback],
  );

  const send = useCallback(
    (scan: ScanToSend) => {
      const clientId = crypto.randomUUID();
      setScans((list) =>
        [
          { clientId, value: scan.rawValue, format: scan.format, state: 'sending' as const },
          ...list,
        ].slice(0, 50),
      );
      // mutateAsync, not mutate: per-call callbacks of mutate fire only for the latest call, and
      // scans arrive faster than captures are saved.
      sender.mutateAsync({ scan, clientCaptureId: clientId }).then(
        (capture) => {
          // Marks for measuring scan latency (the e2e latency spec reads them).
          performance.mark('scanner:capture-saved', {
            detail: { clientId, captureId: capture.id },
          });
          setScans((list) =>
            list.map((s) =>
              s.clientId === clientId ? { ...s, state: 'sent', captureId: capture.id } : s,
            ),
          );
        },
        (error: Error) =>
          setScans((list) =>
            list.map((s) =>
              s.clientId === clientId ? { ...s, state: 'failed', error: error.message } : s,
            ),
          ),
      );
    },
    [sender],
  );

  const onOutcome = useCallback(
    (outcome: GateOutcome, frame: FrameReport) => {
      if (outcome.kind === 'accepted') {
        performance.mark('scanner:accepted', {
          detail: { text: outcome.scan.rawValue, frameTime: frame.frameTime },
        });
        announce('accepted', `${FLASH_TEXT.accepted}: ${outcome.scan.rawValue}`);
        send({
          sessionId,
          captureType: 'BARCODE',
          rawValue: outcome.scan.rawValue,
          gtin: outcome.scan.gtin,
          gs1DlData: outcome.scan.gs1DlData,
          format: outcome.decoded.format,
          engine,
          decodeMs: frame.decodeMs,
        });
      } else if (outcome.kind === 'duplicate') {
        setFlash((current) =>
          current?.kind === 'duplicate'
            ? current
            : {
                kind: 'duplicate',
                text: `${FLASH_TEXT.duplicate}: ${outcome.decoded.text}`,
                key: performance.now(),
              },
        );
      } else if (outcome.kind === 'rejected') {
        announce('rejected', `${FLASH_TEXT.rejected}: ${outcome.reason}`);
      }
    },
    [announce, send, sessionId, engine],
  );

  // Outline boxes change every frame: drawn straight onto a canvas, not through React state.
  const onFrame = useCallback((frame: FrameReport) => {
    const canvas = overlayRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = frame.width;
    canvas.height = frame.height;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = Math.max(3, frame.width / 160);
    ctx.strokeStyle = '#3ddc84';
    for (const symbol of frame.symbols) {
      ctx.beginPath();
      symbol.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.closePath();
      ctx.stroke();
    }
  }, []);

  const scanner = useScanner(videoRef, {
    engine: enginePreference,
    onEngine: ({ engine }) => setEngine(engine),
    formats: RETAIL_SYMBOLOGIES,
    agreementFrames: 2,
    cooldownMs: 2_000,
    onOutcome,
    onFrame,
  });
  // Manual entry and wedge scanners: the same checks, normalisation and cooldown as the camera.
  const onTyped = (checked: TypedCode, captureType: 'MANUAL' | 'BARCODE', engine: string) => {
    const outcome = scanner.offerTyped({
      format: checked.format,
      text: checked.rawValue,
      gs1: false,
    });
    if (outcome.kind === 'duplicate' || outcome.kind === 'held') {
      announce('duplicate', `${FLASH_TEXT.duplicate}: ${checked.rawValue}`);
      return;
    }
    if (outcome.kind !== 'accepted') return;
    announce('accepted', `${FLASH_TEXT.accepted}: ${checked.rawValue}`);
    send({
      sessionId,
      captureType,
      rawValue: checked.rawValue,
      gtin: checked.gtin,
      gs1DlData: checked.gs1DlData,
      format: checked.format,
      engine,
      decodeMs: null,
    });
  };
  useWedgeScanner((code) => {
    const checked = checkTyped(code);
    if (checked.ok) onTyped(checked, 'BARCODE', 'wedge');
    else announce('rejected', `${FLASH_TEXT.rejected}: ${checked.reason}`);
  });

  const captures = detail.data?.captures ?? [];
  const error = scanner.status.state === 'error' ? scanner.status.error : null;

  return (
    <div className="scanner" onPointerDown={feedback.unlock}>
      <header className="scanner-bar">
        <Link to="/" className="button button-ghost">
          Leave
        </Link>
        <dl className="counters">
          <div>
            <dt>Scanned here</dt>
            <dd data-testid="local-count">{scans.length}</dd>
          </div>
          <div>
            <dt>Saved</dt>
            <dd data-testid="server-count">{detail.data ? captures.length : '…'}</dd>
          </div>
        </dl>
      </header>

      <div className="scanner-stage">
        <video
          ref={videoRef}
          className="scanner-video"
          muted
          playsInline
          autoPlay
          aria-label="Camera view"
        />
        <canvas ref={overlayRef} className="scanner-overlay" aria-hidden="true" />
        <div className="viewfinder" aria-hidden="true" />
        {scanner.status.state === 'starting' && (
          <p className="scanner-note">Starting the camera…</p>
        )}
        {error && (
          <section className="camera-error" role="alert">
            <h2>{CAMERA_ERROR_TEXT[error.code].title}</h2>
            <p>{CAMERA_ERROR_TEXT[error.code].next}</p>
            <button type="button" className="button" onClick={scanner.retry}>
              Try the camera again
            </button>
          </section>
        )}
        {flash && (
          <div key={flash.key} className={`flash flash-${flash.kind}`} aria-hidden="true">
            {flash.text}
          </div>
        )}
      </div>

      <p className="visually-hidden" aria-live="polite" data-testid="scan-announcement">
        {flash?.text ?? ''}
      </p>

      <section className="scanner-sheet" aria-label="Scans and manual entry">
        <RecentScans scans={scans} captures={captures} />
        <ManualEntryForm
          onSubmit={(typed) => {
            announce('accepted', `${FLASH_TEXT.accepted}: ${typed.rawValue}`);
            send({
              sessionId,
              captureType: 'MANUAL',
              rawValue: typed.rawValue,
              gtin: typed.gtin,
              gs1DlData: typed.gs1DlData,
              format: typed.format,
              engine: 'manual',
              decodeMs: null,
            });
          }}
        />
      </section>
    </div>
  );
}
