import { durableOutbox, useRefusedStore } from '../outbox/durable-outbox';
import { useSettingsStore } from '../settings/settings-store';
import { readStoredScan } from './deliver-capture';

/**
 * Scans the server refused for good (the session had ended, the value was invalid, ...). They
 * are never dropped silently: Home lists each with the server's reason until the operator lets
 * it go, so the value can still be noted or scanned into a new session.
 */
export function RefusedScans() {
  const server = useSettingsStore((s) => s.apiBaseUrl);
  // Filtered after selecting: a selector returning a new array each time would never settle.
  const refused = useRefusedStore((s) => s.refused).filter((item) => item.server === server);
  if (!refused.length) return null;
  return (
    <section className="card stack" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Scans the server did not take</h2>
      <ul className="history" aria-label="Scans the server did not take">
        {refused.map((item) => {
          const scan = readStoredScan(item.payload);
          return (
            <li key={item.id} className="history-row" data-testid="refused-scan">
              <div className="history-facts">
                <strong>{scan?.rawValue ?? 'Unreadable scan'}</strong>
                <span className="muted">
                  Session {item.sessionId}: {item.refused?.message}
                </span>
              </div>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`Discard ${scan?.rawValue ?? 'unreadable scan'}`}
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
