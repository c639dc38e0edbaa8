import type { Capture } from '#contract';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { ValueText } from '../../components/value-text';

export interface LocalScan {
  clientId: string;
  value: string;
  format: string;
  /** When the scan was accepted on this device (ms since epoch). */
  scannedAt: number;
  /** queued: kept on this device and sent by itself when the server can take it. */
  state: 'sending' | 'queued' | 'sent' | 'failed';
  /** Why it waits: no network, a busy server, or an answer that never came or could not be read. */
  queuedBecause?: 'offline' | 'busy' | 'unconfirmed';
  captureId?: string;
  error?: string;
}

const TONE: Record<string, Tone> = { COMPLETED: 'ok', NOT_FOUND: 'warn', FAILED: 'error' };

export const QUEUED_TEXT: Record<NonNullable<LocalScan['queuedBecause']>, string> = {
  offline: 'Queued offline',
  busy: 'Queued, server busy',
  unconfirmed: 'Waiting for the server',
};

function chip(scan: LocalScan, capture: Capture | undefined): { label: string; tone: Tone } {
  if (scan.state === 'failed') return { label: 'Not saved', tone: 'error' };
  if (scan.state === 'queued')
    return { label: QUEUED_TEXT[scan.queuedBecause ?? 'unconfirmed'], tone: 'info' };
  if (scan.state === 'sending') return { label: 'Sending', tone: 'info' };
  if (capture)
    return { label: capture.status.replace('_', ' '), tone: TONE[capture.status] ?? 'info' };
  return { label: 'Saved', tone: 'ok' };
}

/** The last few scans of this device, each with the server's view of it once known. */
export function RecentScans({
  scans,
  captures,
}: {
  scans: LocalScan[];
  captures: readonly Capture[];
}) {
  if (!scans.length) return <p className="muted">Nothing scanned yet on this device.</p>;
  return (
    <ol className="recent-scans" aria-label="Recent scans">
      {scans.slice(0, 5).map((scan) => {
        const capture = captures.find((c) => c.id === scan.captureId);
        const { label, tone } = chip(scan, capture);
        return (
          <ScanRow
            key={scan.clientId}
            title={capture?.product_name ?? scan.value}
            detail={`${scan.format} · ${scan.value}`}
            at={scan.scannedAt}
            chip={{ label, tone }}
          />
        );
      })}
    </ol>
  );
}

/** One scan or photo of this device: what it is, when it was made here, and its state. */
export function ScanRow({
  title,
  detail,
  at,
  chip,
  testId,
}: {
  title: string;
  detail?: string | undefined;
  /** When it was made on this device (ms since epoch). */
  at: number;
  chip: { label: string; tone: Tone };
  testId?: string;
}) {
  return (
    <li className="recent-scan" data-testid={testId}>
      <span className="recent-scan-value">
        <strong>
          <ValueText text={title} />
        </strong>
        <span className="muted">
          {detail ? (
            <>
              <ValueText text={detail} /> ·{' '}
            </>
          ) : null}
          <time dateTime={new Date(at).toISOString()}>{new Date(at).toLocaleTimeString()}</time>
        </span>
      </span>
      <StatusBadge tone={chip.tone}>{chip.label}</StatusBadge>
    </li>
  );
}
