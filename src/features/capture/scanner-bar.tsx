import { Link } from 'react-router';

export interface BarCounter {
  label: string;
  value: number | null;
  testId: string;
}

/** The top bar of the full-screen screens: leave, the counters, settings. */
export function ScannerBar({ counters }: { counters: BarCounter[] }) {
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
      <Link to="/settings" className="button button-ghost">
        Settings
      </Link>
    </header>
  );
}
