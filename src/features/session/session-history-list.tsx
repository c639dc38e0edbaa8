import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { StateChip } from '../../components/status-badge';
import { useApiClient } from '../../lib/api-context';
import { MODE_LABEL, scanPath, timeAgo } from './labels';
import { SESSION_STATES } from '../../components/states';
import { historyQueries, useRecordSession } from './session-history';
import { sessionQueries } from './session-queries';

/** How many remembered ACTIVE sessions the home screen re-checks on the server. */
const RECHECK = 5;

/** This device's sessions: resume an active one, open a finished one, or start again. */
export function SessionHistoryList() {
  const client = useApiClient();
  const history = useQuery(historyQueries.list(client.baseUrl));
  const active = (history.data ?? []).filter((s) => s.status === 'ACTIVE').slice(0, RECHECK);
  if (history.isPending) return null;
  const sessions = history.data ?? [];
  return (
    <section className="card stack" aria-labelledby="history-heading">
      <h2 id="history-heading">Sessions on this device</h2>
      {active.map((s) => (
        <Recheck key={s.id} id={s.id} />
      ))}
      {sessions.length === 0 ? (
        <p className="muted">No sessions yet. Start one above.</p>
      ) : (
        <ul className="history" aria-label="Sessions on this device">
          {sessions.map((s) => {
            const status = SESSION_STATES[s.status];
            return (
              <li key={s.id} className="history-row">
                <div className="history-facts">
                  <strong>{MODE_LABEL[s.mode]}</strong>
                  <span className="muted">
                    {s.captureCount} {s.captureCount === 1 ? 'capture' : 'captures'} ·{' '}
                    {s.photoCount} {s.photoCount === 1 ? 'photo' : 'photos'} · used{' '}
                    {timeAgo(s.lastUsedAt)}
                  </span>
                  {s.status !== 'ACTIVE' && (
                    <span className="muted">
                      {s.status === 'EXPIRED'
                        ? 'It expired after a day without use.'
                        : 'It was ended.'}{' '}
                      <Link to={`/scan/new?mode=${s.mode}`}>
                        Start a new {MODE_LABEL[s.mode].toLowerCase()} session
                      </Link>
                    </span>
                  )}
                </div>
                <StateChip state={status} />
                <div className="row">
                  {s.status === 'ACTIVE' && (
                    <Link className="button" to={scanPath(s.id, s.mode)}>
                      Resume
                    </Link>
                  )}
                  <Link
                    className="button button-ghost"
                    to={`/sessions/${s.id}`}
                    aria-label={`Open the ${MODE_LABEL[s.mode].toLowerCase()} session used ${timeAgo(s.lastUsedAt)}`}
                  >
                    Open
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A remembered ACTIVE session may have ended or expired since: ask the server once. */
function Recheck({ id }: { id: string }) {
  const client = useApiClient();
  const record = useRecordSession();
  const poll = useQuery({ ...sessionQueries.status(client, id), refetchInterval: false });
  const status = poll.data?.session_status;
  const count = poll.data?.captures.length;
  useEffect(() => {
    if (status) void record(id, { status, captureCount: count });
  }, [record, id, status, count]);
  return null;
}
