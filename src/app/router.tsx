import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout';
import { ConnectRoute } from './routes/connect-route';
import { ScanNewRoute } from './routes/scan-new-route';
import { ScannerRoute } from './routes/scanner-route';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';

export function createRouter() {
  return createBrowserRouter([
    // The scanner owns the whole screen, outside the shared layout.
    { path: '/sessions/:id/scan', element: <ScannerRoute /> },
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <HomeRoute /> },
        { path: 'connect', element: <ConnectRoute /> },
        { path: 'scan/new', element: <ScanNewRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
