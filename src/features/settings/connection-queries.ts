import { queryOptions } from '@tanstack/react-query';
import { Health, LanInfo } from '#contract';
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
  /** Set only when the local server runs with --lan: where phones go to trust it. */
  lan: (client: ApiClient, baseUrl: string) =>
    queryOptions({
      queryKey: [...connectionQueries.all(), 'lan', baseUrl] as const,
      queryFn: ({ signal }) => client.request(LanInfo, '/trust/info.json', { signal }),
      retry: false,
      staleTime: Infinity,
    }),
};
