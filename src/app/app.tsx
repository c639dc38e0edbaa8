import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { OutboxDrainer } from '../features/capture/outbox-drainer';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <AppProviders queryClient={queryClient}>
      <OutboxDrainer />
      <RouterProvider router={router} />
    </AppProviders>
  );
}
