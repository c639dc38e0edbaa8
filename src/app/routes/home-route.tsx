import { ConnectionStatus } from '../../features/settings/connection-status';

/** Home: where an operator starts, resumes or reviews a session. */
export function HomeRoute() {
  return (
    <div className="stack">
      <h1>Scan products for Closient</h1>
      <p className="lede">
        Scan barcodes and photograph products in the aisle. Every scan is saved to your Closient
        session as soon as the server confirms it.
      </p>
      <ConnectionStatus />
    </div>
  );
}
