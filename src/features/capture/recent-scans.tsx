import type { Capture } from '#contract';
import { StatusBadge, type Tone } from '../../components/status-badge';

export interface LocalScan {
  clientId: string;
  value: string;
  format: string;
  /** queued: the network is away; it is kept and sent when the connection returns. */
  state: 'sending' | 'queued' | 'sent' | 'failed';
  /** Why it is queued: no network, or the server asked to slow down (429) or failed (5xx). */
  queuedBecause?: 'offline' | 'busy';
  captureId?: string;
  error?: string;
}

const TONE: Record<string, Tone> = { COMPLETED: 'ok', NOT_FOUND: 'warn', FAILED: 'error' };

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
        const label =
          scan.state === 'failed'
            ? 'Not sent'
            : capture
              ? capture.status.replace('_', ' ')
              : scan.state === 'sending'
                ? 'Sending'
                : scan.state === 'queued'
                  ? scan.queuedBecause === 'busy'
                    ? 'Queued, server busy'
                    : 'Queued offline'
                  : 'Saved';
        const tone: Tone =
          scan.state === 'failed'
            ? 'error'
            : scan.state === 'queued'
              ? 'warn'
              : capture
                ? (TONE[capture.status] ?? 'info')
                : 'info';
        return (
          <li key={scan.clientId} className="recent-scan">
            <span className="recent-scan-value">
              <strong>{capture?.product_name ?? scan.value}</strong>
              <span className="muted">
                {scan.format} · {scan.value}
              </span>
            </span>
            <StatusBadge tone={tone}>{label}</StatusBadge>
          </li>
        );
      })}
    </ol>
  );
}
