import { queryOptions } from '@tanstack/react-query';
import {
  SessionDetail,
  SessionStatusPoll,
  SCANNER_API_PREFIX,
  TERMINAL_CAPTURE_STATUSES,
  withLegacyId,
} from '#contract';
import type { ApiClient } from '../../lib/api-client';

/** Query keys and options for sessions, general to specific; no key literal lives elsewhere. */
export const sessionQueries = {
  all: () => ['sessions'] as const,
  detail: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), id, 'detail'] as const,
      queryFn: ({ signal }) =>
        client.request(withLegacyId(SessionDetail), `${SCANNER_API_PREFIX}/sessions/${id}`, {
          signal,
        }),
      // Live while anything can still change; a finished session stops polling.
      refetchInterval: (query) => {
        const data = query.state.data;
        if (!data) return 2_000;
        const settled =
          data.status !== 'ACTIVE' &&
          data.captures.every((c) => TERMINAL_CAPTURE_STATUSES.includes(c.status));
        return settled ? false : 2_000;
      },
      refetchIntervalInBackground: false,
    }),
  status: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), id, 'status'] as const,
      queryFn: ({ signal }) =>
        client.request(SessionStatusPoll, `${SCANNER_API_PREFIX}/sessions/${id}/status`, {
          signal,
        }),
    }),
};
