import { useMemo } from 'react';
import { ValueText } from '../../components/value-text';
import { useLoadedOutbox } from '../../features/outbox/outbox-context';
import { useOutboxStore } from '../../features/outbox/outbox-store';

/**
 * Scans and photos the server refused (the session had ended, the value was invalid, ...).
 * They are never dropped silently: Home lists each with the server's reason until the operator
 * sends it again or lets it go, so the value can still be noted or scanned into a new session.
 */
export function RefusedItems() {
  // Refused items are known only once the outbox has loaded and read IndexedDB.
  const outbox = useLoadedOutbox();
  const items = useOutboxStore((s) => s.items);
  const refused = useMemo(
    () =>
      Object.values(items)
        .filter((item) => item.state === 'refused')
        .sort((a, b) => a.createdAt - b.createdAt),
    [items],
  );
  if (!outbox || !refused.length) return null;
  return (
    <section className="card stack" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Not saved on the server</h2>
      <ul className="history" aria-label="Not saved on the server">
        {refused.map((item) => {
          const name = item.summary.title;
          return (
            <li key={item.id} className="history-row" data-testid="refused-item">
              <div className="history-facts">
                <strong>
                  <ValueText text={name} />
                </strong>
                <span className="muted">
                  Session {item.sessionId}: {item.error?.message}
                </span>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="button"
                  aria-label={`Retry ${name}`}
                  onClick={() => void outbox.retry(item.id)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  className="button button-ghost"
                  aria-label={`Discard ${name}`}
                  onClick={() => void outbox.discard(item.id)}
                >
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
