import { Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { Toasts } from '../components/toasts';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';

function AppShell() {
  return (
    <div className="app-shell">
      <p>Closient Scanner</p>
    </div>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      {/* While a first screen waits for its code (the outbox's, say), the same shell as
          index.html's stays on screen. */}
      <Suspense fallback={<AppShell />}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Suspense>
      <Toasts />
    </AppProviders>
  );
}
