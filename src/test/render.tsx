import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../app/query-client';

/** Renders a screen inside the real providers and a memory router, as the app does. */
export function renderWithApp(
  element: ReactElement,
  { path = '/', fetchImpl }: { path?: string; fetchImpl?: typeof fetch } = {},
) {
  const queryClient = createQueryClient();
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} {...(fetchImpl ? { fetchImpl } : {})}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="*" element={element} />
          </Routes>
        </MemoryRouter>
      </AppProviders>,
    ),
  };
}
