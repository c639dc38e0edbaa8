import { useState } from 'react';
import { Link } from 'react-router';
import { RefusedItems } from '../outbox/refused-items';
import { SessionHistoryList } from '../../features/session/session-history-list';
import { ConnectionStatus } from '../../features/settings/connection-status';
import { needsConnecting, useConnectionState } from '../../features/settings/use-connection-state';
import { PhoneTrust } from '../../features/settings/phone-trust';
import { AppUpdates } from '../app-updates';

const MODES = [
  { mode: 'barcode_scan', label: 'Barcode', hint: 'Scan barcodes and QR codes' },
  { mode: 'product_photography', label: 'Photos', hint: 'Photograph product faces' },
  { mode: 'both', label: 'Both', hint: 'Scan a product, then photograph it' },
] as const;

/** Home: where an operator starts, resumes or reviews a session. */
export function HomeRoute() {
  // Without a key the server takes, a start button leads to "Connect this device" first and
  // then on to the session, instead of to a 401.
  const connect = needsConnecting(useConnectionState());
  const [count, setCount] = useState(false);
  const startPath = (mode: string) => {
    const counting = count && mode !== 'product_photography' ? '&count=1' : '';
    const start = `/scan/new?mode=${mode}${counting}`;
    return connect ? `/connect?next=${encodeURIComponent(start)}` : start;
  };
  return (
    <div className="stack">
      <h1>Scan products for Closient</h1>
      <p className="lede">
        Scan barcodes and photograph products in the aisle. Every scan is saved to your Closient
        session as soon as the server confirms it.
      </p>
      <nav aria-label="Start a session" className="start-grid">
        {MODES.map((m) => (
          <Link key={m.mode} to={startPath(m.mode)} className="start-button">
            <span className="start-label">{m.label}</span>
            <span className="muted">{m.hint}</span>
          </Link>
        ))}
      </nav>
      <label className="check">
        <input type="checkbox" checked={count} onChange={(e) => setCount(e.target.checked)} />
        <span>
          Count quantities <span className="muted">(scanning a product again adds one)</span>
        </span>
      </label>
      <RefusedItems />
      <SessionHistoryList />
      <ConnectionStatus />
      <PhoneTrust />
      <AppUpdates />
    </div>
  );
}
