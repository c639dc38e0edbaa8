import { useState } from 'react';
import { Link } from 'react-router';
import type { ExtractionStatus } from '#contract';
import { SectionBoundary } from '../../../components/section-boundary';
import { StateChip } from '../../../components/status-badge';
import { CaptureList } from '../../../features/saved-captures/capture-list';
import { CaptureTools, CountedTotals } from '../../../features/saved-captures/capture-tools';
import { searchCaptures } from '../../../features/saved-captures/session-export';
import { COUNT_MODE_KEY } from '../../../features/session/count-mode';
import { MODE_LABEL, scanPath } from '../../../features/session/labels';
import { SESSION_STATES } from '../../../components/states';
import { useSessionActions } from '../../../features/session/session-actions';
import { useSessionChanged } from '../../../features/session/session-queries';
import { useLiveSession } from '../../../features/session/use-live-session';
import { NetworkError } from '../../../lib/api-client';
import { LazySessionGallery } from '../photos/lazy-session-gallery';
import { DeviceItems } from './device-items';

const EXTRACTION: Record<ExtractionStatus, string> = {
  pending: 'Not submitted',
  processing: 'AI extraction running…',
  ready: 'Ready for review: open a capture to review its proposals',
  accepted: 'Reviewed: accepted',
  rejected: 'Reviewed: rejected',
};

/** A session at a glance: live counters, every capture, and the actions that finish it. */
export function SessionOverview({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const actions = useSessionActions(sessionId);
  const [confirm, setConfirm] = useState<'end' | 'submit' | null>(null);
  const [query, setQuery] = useState('');
  const detail = live.detail.data;
  const changed = useSessionChanged(sessionId);
  const onChanged = () => void changed();

  if (live.detail.isPending) return <p>Loading the session…</p>;
  if (live.detail.isError || !detail)
    return (
      <div className="stack">
        <h1>Session not available</h1>
        <p role="alert">
          {live.detail.error instanceof NetworkError
            ? 'The server cannot be reached (offline?). It will be asked again when the connection returns.'
            : live.detail.error?.message}
        </p>
        <DeviceItems sessionId={sessionId} />
        <Link to="/">Home</Link>
      </div>
    );
  const status = live.sessionStatus ?? detail.status;
  const active = status === 'ACTIVE';
  const busy = actions.end.isPending || actions.submit.isPending;
  const error = actions.end.error ?? actions.submit.error;

  return (
    <div className="stack">
      <div className="row">
        <h1>{MODE_LABEL[detail.capture_mode]} session</h1>
        <StateChip state={SESSION_STATES[status]} />
      </div>
      <p className="muted">Started {new Date(detail.created).toLocaleString()}</p>
      {!active && (
        <p role="status">
          This session is {status === 'EXPIRED' ? 'expired' : 'completed'} and read-only.{' '}
          <Link to={`/scan/new?mode=${detail.capture_mode}`}>Start a new session</Link>
        </p>
      )}
      <dl className="counter-grid" aria-live="polite">
        <div>
          <dt>Captures</dt>
          <dd data-testid="overview-capture-count">{live.captureCount ?? '…'}</dd>
        </div>
        <div>
          <dt>Photos</dt>
          <dd data-testid="overview-photo-count">{live.photoCount ?? '…'}</dd>
        </div>
        <div>
          <dt>AI extraction</dt>
          <dd className="extraction" data-testid="extraction-status">
            {EXTRACTION[live.extractionStatus ?? 'pending']}
          </dd>
        </div>
      </dl>

      {active && (
        <div className="row">
          <Link className="button" to={scanPath(sessionId, detail.capture_mode)}>
            {detail.capture_mode === 'product_photography' ? 'Take more photos' : 'Resume scanning'}
          </Link>
          <button type="button" className="button button-ghost" onClick={() => setConfirm('end')}>
            End session…
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setConfirm('submit')}
          >
            Submit for AI processing…
          </button>
        </div>
      )}
      {active && confirm && (
        <section className="card stack confirm" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">
            {confirm === 'end' ? 'End this session?' : 'Submit this session for AI processing?'}
          </h2>
          <p>
            {confirm === 'end'
              ? 'No more captures or photos can be added afterwards.'
              : 'The AI extracts product data from its captures and photos. No more can be added afterwards.'}
          </p>
          <div className="row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => (confirm === 'end' ? actions.end : actions.submit).mutate()}
            >
              {confirm === 'end' ? 'End session' : 'Submit session'}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirm(null)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}

      {detail.capture_mode !== 'barcode_scan' && (
        <section className="stack" aria-labelledby="photos-heading">
          <div className="row">
            <h2 id="photos-heading">Photos</h2>
            {active && <Link to={`/sessions/${sessionId}/photos`}>Take photos</Link>}
          </div>
          <SectionBoundary name="gallery">
            <LazySessionGallery
              sessionId={sessionId}
              photos={detail.product_photos}
              captures={detail.captures}
              perProduct={detail.capture_mode === 'both'}
              active={active}
            />
          </SectionBoundary>
        </section>
      )}

      {detail.metadata[COUNT_MODE_KEY] === 'on' && <CountedTotals captures={detail.captures} />}
      <h2>Captures</h2>
      <SectionBoundary name="list of captures">
        <CaptureTools
          sessionId={sessionId}
          captures={detail.captures}
          query={query}
          onQuery={setQuery}
        />
        <CaptureList
          sessionId={sessionId}
          captures={searchCaptures(detail.captures, query)}
          onChanged={onChanged}
        />
      </SectionBoundary>
    </div>
  );
}
