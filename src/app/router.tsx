import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <HomeRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
