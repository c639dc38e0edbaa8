import { type ReactNode, useState } from 'react';
import type { Capture } from '#contract';
import { StateChip } from '../../components/status-badge';
import { CAPTURE_STATES, QUEUED_STATE, STATES, type StateLook } from '../../components/states';
import { ValueText } from '../../components/value-text';

export interface LocalScan {
  clientId: string;
  value: string;
  format: string;
  /** When the scan was accepted on this device (ms since epoch). */
  scannedAt: number;
  /** The product identity (GTIN-14 or the text): a count finds the same product by it. */
  key?: string;
  /** In count mode, how many were counted. */
  quantity?: number;
  /** queued: kept on this device and sent by itself when the server can take it. */
  state: 'sending' | 'queued' | 'sent' | 'failed';
  /** Why it waits: no network, a busy server, or an answer that never came or could not be read. */
  queuedBecause?: 'offline' | 'busy' | 'unconfirmed';
  captureId?: string;
  error?: string;
}

/** A scan's state: this device's while it holds it, then the server's. */
function stateOf(scan: LocalScan, capture: Capture | undefined): StateLook {
  if (scan.state === 'failed') return STATES.notSaved;
  if (scan.state === 'queued') return QUEUED_STATE[scan.queuedBecause ?? 'unconfirmed'];
  if (scan.state === 'sending') return STATES.sending;
  return capture ? CAPTURE_STATES[capture.status] : STATES.saved;
}

/** The last few scans of this device, each with the server's view of it once known. */
export function RecentScans({
  scans,
  captures,
  limit = 5,
  onRemove,
}: {
  scans: LocalScan[];
  captures: readonly Capture[];
  /** How many of the newest to list. */
  limit?: number;
  /** Offered on each row when given: removes the scan (from the queue, or from the server). */
  onRemove?: (clientId: string) => void;
}) {
  if (!scans.length) return <p className="muted">Nothing scanned yet on this device.</p>;
  return (
    <ol className="recent-scans" aria-label="Recent scans">
      {scans.slice(0, limit).map((scan) => {
        const capture = captures.find((c) => c.id === scan.captureId);
        return (
          <ScanRow
            key={scan.clientId}
            title={capture?.product_name ?? scan.value}
            detail={`${scan.quantity !== undefined ? `×${scan.quantity} · ` : ''}${scan.format} · ${scan.value}`}
            at={scan.scannedAt}
            {...(onRemove && scan.state !== 'failed'
              ? {
                  action: (
                    <button
                      type="button"
                      className="button button-ghost row-action"
                      aria-label={`Remove ${scan.value}`}
                      onClick={() => onRemove(scan.clientId)}
                    >
                      ✕
                    </button>
                  ),
                }
              : {})}
            state={stateOf(scan, capture)}
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
  state,
  testId,
  action,
}: {
  title: string;
  detail?: string | undefined;
  /** When it was made on this device (ms since epoch). */
  at: number;
  state: StateLook;
  /** A button at the end of the row (remove). */
  action?: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li className="recent-scan" data-testid={testId}>
      {/* A long value is clamped; one tap shows all of it, another clamps it again. */}
      <button
        type="button"
        className={open ? 'recent-scan-value open' : 'recent-scan-value'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
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
      </button>
      <StateChip state={state} />
      {action}
    </li>
  );
}
