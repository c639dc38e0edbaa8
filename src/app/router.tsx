import { lazy, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './route-error';

// Home loads only Home: every other screen is its own chunk, loaded on arrival. React Router's
// declarative routes (not its data router, which is 17 kB gzip more and whose loaders the app
// does not use) with React.lazy: a navigation is a transition, so the screen being left stays
// until the next one's code is in.
const screen = <M,>(load: () => Promise<M>, pick: (m: M) => () => ReactNode) =>
  lazy(() => load().then((m) => ({ default: pick(m) })));
const ScannerRoute = screen(
  () => import('./routes/scanner-route'),
  (m) => m.ScannerRoute,
);
const PhotoRoute = screen(
  () => import('./routes/photo-route'),
  (m) => m.PhotoRoute,
);
const ConnectRoute = screen(
  () => import('./routes/connect-route'),
  (m) => m.ConnectRoute,
);
const ScanNewRoute = screen(
  () => import('./routes/scan-new-route'),
  (m) => m.ScanNewRoute,
);
const SessionRoute = screen(
  () => import('./routes/session-route'),
  (m) => m.SessionRoute,
);
const CaptureRoute = screen(
  () => import('./routes/capture-route'),
  (m) => m.CaptureRoute,
);
const DiagnosticsRoute = screen(
  () => import('./routes/diagnostics-route'),
  (m) => m.DiagnosticsRoute,
);
const SettingsRoute = screen(
  () => import('./routes/settings-route'),
  (m) => m.SettingsRoute,
);

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
      {/* The scanner and the photo screen own the whole screen, outside the shared layout. */}
      <Route
        path="/sessions/:id/scan"
        element={
          <Guarded>
            <ScannerRoute />
          </Guarded>
        }
      />
      <Route
        path="/sessions/:id/photos"
        element={
          <Guarded>
            <PhotoRoute />
          </Guarded>
        }
      />
      <Route
        element={
          <Guarded>
            <AppLayout />
          </Guarded>
        }
      >
        <Route index element={<HomeRoute />} />
        <Route path="connect" element={<ConnectRoute />} />
        <Route path="scan/new" element={<ScanNewRoute />} />
        <Route path="sessions/:id" element={<SessionRoute />} />
        <Route path="sessions/:id/captures/:captureId" element={<CaptureRoute />} />
        <Route path="diagnostics" element={<DiagnosticsRoute />} />
        <Route path="settings" element={<SettingsRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
