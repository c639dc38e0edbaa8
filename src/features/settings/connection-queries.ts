import { queryOptions } from '@tanstack/react-query';
import { ENDPOINTS, LanInfo } from '#contract';
import type { ApiClient } from '../../lib/api-client';
import { checkConnection } from './connection-check';

/** Query keys and options for the connection, general to specific. */
export const connectionQueries = {
  all: () => ['connection'] as const,
  health: (client: ApiClient, baseUrl: string) =>
    queryOptions({
      queryKey: [...connectionQueries.all(), 'health', baseUrl] as const,
      queryFn: ({ signal }) => client.call(ENDPOINTS.health, {}, { signal }),
      refetchInterval: 30_000,
      retry: false,
    }),
  /**
   * Whether the server takes this device's key: asked once a minute at most, so Home's start
   * buttons know whether they lead to a session or to "Connect this device".
   */
  verified: (client: ApiClient, baseUrl: string, apiKey: string) =>
    // The client lends only its network; the answer depends on the address and key alone.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...connectionQueries.all(), 'verified', baseUrl, apiKey] as const,
      queryFn: ({ signal }) => checkConnection(client, { apiBaseUrl: baseUrl, apiKey }, signal),
      enabled: apiKey !== '',
      staleTime: 60_000,
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
