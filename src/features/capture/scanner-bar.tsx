import { Link } from 'react-router';

/** The scanner's top bar: leave, the two counters (this device, saved on the server), settings. */
export function ScannerBar({ local, saved }: { local: number; saved: number | null }) {
  return (
    <header className="scanner-bar">
      <Link to="/" className="button button-ghost">
        Leave
      </Link>
      {/* Polite: counter changes are read out after the scan announcement, not over it. */}
      <dl className="counters" aria-live="polite">
        <div>
          <dt>Scanned here</dt>
          <dd data-testid="local-count">{local}</dd>
        </div>
        <div>
          <dt>Saved</dt>
          <dd data-testid="server-count">{saved ?? '…'}</dd>
        </div>
      </dl>
      <Link to="/settings" className="button button-ghost">
        Settings
      </Link>
    </header>
  );
}
