import { Link } from 'react-router';

export interface BarCounter {
  label: string;
  value: number | null;
  testId: string;
}

export interface SyncState {
  online: boolean;
  /** Scans and photos of this session not yet on the server. */
  pending: number;
  /** Scans and photos the server refused: listed on Home with Retry and Discard. */
  refused: number;
}

/** The top bar of the full-screen screens: leave, the counters, the sync state, settings. */
export function ScannerBar({ counters, sync }: { counters: BarCounter[]; sync: SyncState }) {
  return (
    <header className="scanner-bar">
      <Link to="/" className="button button-ghost">
        Leave
      </Link>
      {/* Polite: counter changes are read out after the scan announcement, not over it. */}
      <dl className="counters" aria-live="polite">
        {counters.map((c) => (
          <div key={c.testId}>
            <dt>{c.label}</dt>
            <dd data-testid={c.testId}>{c.value ?? '…'}</dd>
          </div>
        ))}
      </dl>
      {/* Not live: each scan and photo already announces its own state ("Queued offline"). */}
      <p
        className={sync.online ? 'sync-state' : 'sync-state sync-offline'}
        data-testid="sync-state"
      >
        <span>{sync.online ? 'Online' : 'Offline'}</span>
        <span>{sync.pending === 0 ? 'All sent' : `${sync.pending} to send`}</span>
        {sync.refused > 0 && (
          <Link to="/" className="sync-refused">
            {sync.refused} not saved
          </Link>
        )}
      </p>
      <Link to="/settings" className="button button-ghost">
        Settings
      </Link>
    </header>
  );
}
