import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <div className="stack">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the home screen</Link>.
      </p>
    </div>
  );
}
