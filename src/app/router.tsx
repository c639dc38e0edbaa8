import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './route-error';

export function createRouter() {
  return createBrowserRouter([
    // The scanner and the photo screen own the whole screen, outside the shared layout, and loads on arrival so the
    // shell paints without it.
    {
      path: '/sessions/:id/scan',
      errorElement: <RouteError />,
      lazy: () => import('./routes/scanner-route').then((m) => ({ Component: m.ScannerRoute })),
    },
    {
      path: '/sessions/:id/photos',
      errorElement: <RouteError />,
      lazy: () => import('./routes/photo-route').then((m) => ({ Component: m.PhotoRoute })),
    },
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomeRoute /> },
        // Home loads only Home: every other screen is its own chunk.
        {
          path: 'connect',
          lazy: () => import('./routes/connect-route').then((m) => ({ Component: m.ConnectRoute })),
        },
        {
          path: 'scan/new',
          lazy: () =>
            import('./routes/scan-new-route').then((m) => ({ Component: m.ScanNewRoute })),
        },
        {
          path: 'sessions/:id',
          lazy: () => import('./routes/session-route').then((m) => ({ Component: m.SessionRoute })),
        },
        {
          path: 'sessions/:id/captures/:captureId',
          lazy: () => import('./routes/capture-route').then((m) => ({ Component: m.CaptureRoute })),
        },
        {
          path: 'diagnostics',
          lazy: () =>
            import('./routes/diagnostics-route').then((m) => ({ Component: m.DiagnosticsRoute })),
        },
        {
          path: 'settings',
          lazy: () =>
            import('./routes/settings-route').then((m) => ({ Component: m.SettingsRoute })),
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
