import { Link } from 'react-router';
import { StorageFacts } from './storage-facts';
import { StatusBadge } from '../../components/status-badge';
import { useApiClient } from '../../lib/api-context';
import {
  figures,
  summaryLine,
  useDiagnosticsStore,
} from '../../features/scanner/diagnostics-store';
import { useSessionActions } from '../../features/session/session-actions';
import { useSettingsStore } from '../../features/settings/settings-store';

const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} ms`);

/** What the scanner is doing, for operators and support, and a way to attach it to a session. */
export function DiagnosticsScreen() {
  const d = useDiagnosticsStore();
  const f = figures(d);
  const preference = useSettingsStore((s) => s.engine);
  const resolution = useSettingsStore((s) => s.scan.resolution);
  const rateLimit = useApiClient().lastRateLimit();
  return (
    <div className="stack">
      <h1>Diagnostics</h1>
      {!d.sessionId && (
        <p className="muted">
          Nothing measured yet: open a scanner, scan for a moment, then come back here.
        </p>
      )}
      <section className="card" aria-labelledby="decoder-heading">
        <h2 id="decoder-heading">Decoder</h2>
        <dl className="facts">
          <dt>Engine</dt>
          <dd data-testid="diag-engine">
            {d.engine ?? '—'}
            {d.fellBack ? ' (fallback)' : ''} · preference {preference}
          </dd>
          <dt>Decode time per frame</dt>
          <dd>
            median {ms(f.decodeMedianMs)} · p95 {ms(f.decodeP95Ms)}
          </dd>
          <dt>Decode attempts per second</dt>
          <dd>{f.attemptsPerSecond}</dd>
          <dt>Scans accepted / duplicates</dt>
          <dd data-testid="diag-accepted">
            {d.accepted} / {d.duplicates}
          </dd>
          <dt>Misreads caught by check digits</dt>
          <dd data-testid="diag-rejected">{d.rejected}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="camera-heading">
        <h2 id="camera-heading">Camera</h2>
        <dl className="facts">
          <dt>Camera</dt>
          <dd>{d.camera?.label ?? '—'}</dd>
          <dt>Resolution</dt>
          <dd>
            {d.camera?.width ?? '?'}×{d.camera?.height ?? '?'} (asked for{' '}
            {resolution === 'hd' ? 'HD' : 'Full HD'})
          </dd>
          <dt>Torch</dt>
          <dd>{d.torch ? 'on' : 'off'}</dd>
          <dt>Automatic restarts</dt>
          <dd>{d.restarts}</dd>
          <dt>Requests left (rate limit)</dt>
          <dd>
            {rateLimit?.remaining ?? '—'}
            {rateLimit?.limit ? ` of ${rateLimit.limit}` : ''}
          </dd>
        </dl>
      </section>
      <StorageFacts />
      <section className="card stack" aria-labelledby="errors-heading">
        <h2 id="errors-heading">Last errors</h2>
        {d.errors.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ol className="hops">
            {d.errors.map((e) => (
              <li key={`${e.at}-${e.message}`}>
                {new Date(e.at).toLocaleTimeString()} · {e.message}
              </li>
            ))}
          </ol>
        )}
      </section>
      {d.sessionId && <AttachToSession sessionId={d.sessionId} line={summaryLine(d)} />}
    </div>
  );
}

function AttachToSession({ sessionId, line }: { sessionId: string; line: string }) {
  const { annotate } = useSessionActions(sessionId);
  return (
    <section className="card stack" aria-labelledby="attach-heading">
      <h2 id="attach-heading">Attach to the session</h2>
      <p className="muted">
        Writes this summary into the metadata of{' '}
        <Link to={`/sessions/${sessionId}`}>the last session scanned</Link>, for support to read.
      </p>
      <p className="url-text">{line}</p>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={annotate.isPending}
          onClick={() =>
            annotate.mutate({ diagnostics: line, diagnostics_at: new Date().toISOString() })
          }
        >
          Attach to session
        </button>
        {annotate.isSuccess && <StatusBadge tone="accepted">Attached</StatusBadge>}
      </div>
      {annotate.isError && (
        <p className="field-error" role="alert">
          {annotate.error.message}
        </p>
      )}
    </section>
  );
}
