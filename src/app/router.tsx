import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './layout';
import { lazyScreen } from './lazy-screen';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './route-error';

// Home loads only Home: every other screen is its own chunk (lazyScreen). React Router's
// declarative routes (not its data router, which is 17 kB gzip more and whose loaders the app
// does not use): a navigation is a transition, so the screen being left stays until the next
// one's code is in.
const SCREENS = [
  // The scanner and the photo screen own the whole screen, outside the shared layout.
  {
    path: '/sessions/:id/scan',
    layout: false,
    Screen: lazyScreen(
      () => import('./routes/scanner-route'),
      (m) => m.ScannerRoute,
    ),
  },
  {
    path: '/sessions/:id/photos',
    layout: false,
    Screen: lazyScreen(
      () => import('./routes/photo-route'),
      (m) => m.PhotoRoute,
    ),
  },
  {
    path: '/connect',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/connect-route'),
      (m) => m.ConnectRoute,
    ),
  },
  {
    path: '/scan/new',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/scan-new-route'),
      (m) => m.ScanNewRoute,
    ),
  },
  {
    path: '/sessions/:id',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/session-route'),
      (m) => m.SessionRoute,
    ),
  },
  {
    path: '/sessions/:id/captures/:captureId',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/capture-route'),
      (m) => m.CaptureRoute,
    ),
  },
  {
    path: '/diagnostics',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/diagnostics-route'),
      (m) => m.DiagnosticsRoute,
    ),
  },
  {
    path: '/settings',
    layout: true,
    Screen: lazyScreen(
      () => import('./routes/settings-route'),
      (m) => m.SettingsRoute,
    ),
  },
] as const;

/**
 * Loads the code of the screen a path opens (none for Home or an unknown path). A chunk that
 * fails to load is left to the screen itself, which then shows RouteError.
 */
export function preloadScreen(pathname: string): Promise<unknown> {
  const hit = SCREENS.find((s) => matchPath(s.path, pathname));
  return hit ? hit.Screen.preload().catch(() => undefined) : Promise.resolve();
}

/** A screen's crash (or its chunk failing to load) ends at RouteError; a new path clears it. */
function Guarded({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      resetKeys={[pathname]}
      fallbackRender={({ error }) => <RouteError error={error} />}
    >
      {children}
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      {SCREENS.filter((s) => !s.layout).map(({ path, Screen }) => (
        <Route
          key={path}
          path={path}
          element={
            <Guarded>
              <Screen />
            </Guarded>
          }
        />
      ))}
      <Route
        element={
          <Guarded>
            <AppLayout />
          </Guarded>
        }
      >
        <Route index element={<HomeRoute />} />
        {SCREENS.filter((s) => s.layout).map(({ path, Screen }) => (
          <Route key={path} path={path} element={<Screen />} />
        ))}
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
