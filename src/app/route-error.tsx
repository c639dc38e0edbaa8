import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/**
 * The router's errorElement: a screen that failed to load (a chunk missing after an update, a
 * crash outside any section) says so with a way on, instead of React Router's developer page.
 */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
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
