import type { StoredOutboxItem } from '../../lib/idb';
import { durableOutbox, useRefusedStore } from '../outbox/durable-outbox';
import { useSettingsStore } from '../settings/settings-store';
import { readStoredScan } from './deliver-capture';
import { storedPhotoName } from './photo-delivery';

/** The scanned value, or "Front photo". */
const nameOf = (item: StoredOutboxItem) =>
  (item.kind === 'photo'
    ? storedPhotoName(item.payload)
    : readStoredScan(item.payload)?.rawValue) ?? 'Unreadable item';

/**
 * Scans and photos the server refused for good (the session had ended, the value was invalid,
 * ...). They are never dropped silently: Home lists each with the server's reason until the
 * operator lets it go, so the value can still be noted or scanned into a new session.
 */
export function RefusedItems() {
  const server = useSettingsStore((s) => s.apiBaseUrl);
  // Filtered after selecting: a selector returning a new array each time would never settle.
  const refused = useRefusedStore((s) => s.refused).filter((item) => item.server === server);
  if (!refused.length) return null;
  return (
    <section className="card stack" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Not saved on the server</h2>
      <ul className="history" aria-label="Not saved on the server">
        {refused.map((item) => {
          const name = nameOf(item);
          return (
            <li key={item.id} className="history-row" data-testid="refused-item">
              <div className="history-facts">
                <strong>{name}</strong>
                <span className="muted">
                  Session {item.sessionId}: {item.refused?.message}
                </span>
              </div>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`Discard ${name}`}
                onClick={() => void durableOutbox.discard(item.id)}
              >
                Discard
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
