import { NavLink, Outlet } from 'react-router';
import { ThrottleBanner } from '../components/throttle-banner';

/** The frame every screen shares: a header with the app name, and the screen below it. */
export function AppLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Closient Scanner, home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Closient Scanner</span>
        </NavLink>
        <nav aria-label="App" className="app-nav">
          <NavLink to="/diagnostics" className="button button-ghost">
            Diagnostics
          </NavLink>
          <NavLink to="/settings" className="button button-ghost">
            Settings
          </NavLink>
        </nav>
      </header>
      <main className="app-main" id="main">
        <ThrottleBanner />
        <Outlet />
      </main>
    </div>
  );
}
