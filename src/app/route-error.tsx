import { Link } from 'react-router';

/**
 * A screen that failed to load (a chunk missing after an update, a crash outside any section)
 * says so with a way on, instead of a blank page.
 */
export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="stack route-error">
      <h1>This screen could not be shown</h1>
      <p role="alert">{message}</p>
      <p>Scans and photos already taken are kept on this device and sent by themselves.</p>
      <div className="row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link className="button button-ghost" to="/">
          Home
        </Link>
      </div>
    </main>
  );
}
