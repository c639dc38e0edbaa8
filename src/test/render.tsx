import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../app/query-client';

/** Renders a screen inside the real providers and a memory router, as the app does. */
export function renderWithApp(
  element: ReactElement,
  { path = '/', fetchImpl }: { path?: string; fetchImpl?: typeof fetch } = {},
) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [path] });
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} {...(fetchImpl ? { fetchImpl } : {})}>
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  };
}
