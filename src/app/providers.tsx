import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { createApiClient } from '../lib/api-client';
import { ApiClientProvider } from '../lib/api-context';
import { useSettingsStore } from '../features/settings/settings-store';
import { OutboxRunner } from './outbox/outbox-runner';

/** The real providers (with the outbox), shared by the app and by component tests. */
export function AppProviders({
  queryClient,
  fetchImpl,
  children,
}: {
  queryClient: QueryClient;
  /** The network, swappable at the root; tests pass a fake. */
  fetchImpl?: typeof fetch;
  children: ReactNode;
}) {
  const apiBaseUrl = useSettingsStore((s) => s.apiBaseUrl);
  const apiKey = useSettingsStore((s) => s.apiKey);
  const client = useMemo(
    () =>
      createApiClient({ baseUrl: apiBaseUrl, apiKey, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    [apiBaseUrl, apiKey, fetchImpl],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <OutboxRunner>{children}</OutboxRunner>
      </ApiClientProvider>
    </QueryClientProvider>
  );
}
