import { queryOptions } from '@tanstack/react-query';
import { Health } from '#contract';
import type { ApiClient } from '../../lib/api-client';

/** Query keys and options for the connection, general to specific. */
export const connectionQueries = {
  all: () => ['connection'] as const,
  health: (client: ApiClient, baseUrl: string) =>
    queryOptions({
      queryKey: [...connectionQueries.all(), 'health', baseUrl] as const,
      queryFn: ({ signal }) => client.request(Health, '/healthz', { signal }),
      refetchInterval: 30_000,
      retry: false,
    }),
};
