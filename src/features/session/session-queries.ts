import { type QueryClient, queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ENDPOINTS } from '#contract';
import type { ApiClient } from '../../lib/api-client';
import { throttleWait } from '../../lib/throttle';
import { nextPollDelay, pollSettled, pollSignature } from './poll-policy';

/** When each session's poll last changed, for the idle backoff (module state: one per tab). */
const lastChange = new Map<string, { signature: string; at: number }>();

/** Query keys and options for sessions, general to specific; no key literal lives elsewhere. */
export const sessionQueries = {
  all: () => ['sessions'] as const,
  one: (id: string) => [...sessionQueries.all(), id] as const,
  /**
   * Every capture and photo of the session. Not polled: it can be megabytes for a big session,
   * so it is refetched only when the status poll shows a change (see useLiveSession) or after
   * this device changed something.
   */
  detail: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.one(id), 'detail'] as const,
      queryFn: ({ signal }) =>
        // A refetch of an unchanged session is a 304: no megabytes, and the same object.
        client.call(ENDPOINTS.getSession, { params: { id } }, { signal, revalidate: true }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /**
   * The lightweight poll: fast after a change, slower while idle, paused while the page is
   * hidden, stopped once nothing can change, and never before a 429's Retry-After.
   */
  status: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.one(id), 'status'] as const,
      queryFn: async ({ signal }) => {
        const poll = await client.call(
          ENDPOINTS.sessionStatus,
          { params: { id } },
          // An unchanged session answers 304: no body, and the same object, so nothing renders.
          { signal, revalidate: true },
        );
        const signature = pollSignature(poll);
        if (lastChange.get(id)?.signature !== signature)
          lastChange.set(id, { signature, at: Date.now() });
        return poll;
      },
      refetchInterval: (query) => {
        const poll = query.state.data;
        if (poll && pollSettled(poll)) return false;
        const changedAt = lastChange.get(id)?.at ?? Date.now();
        return nextPollDelay({
          idleMs: Date.now() - changedAt,
          throttleWaitMs: throttleWait(Date.now()),
        });
      },
      refetchIntervalInBackground: false,
      // An answer under a second old is current: the screen that mounts just after its route
      // asked (usePrefetchSession) takes that answer instead of asking again. Below the
      // fastest poll (2 s), so the poll's own rhythm is unchanged.
      staleTime: 1_000,
    }),
};

/** Something on this device changed the session: poll fast again from now. */
function sessionTouched(id: string): void {
  const entry = lastChange.get(id);
  if (entry) entry.at = Date.now();
}

/**
 * This device changed something in the session: poll fast again, and fetch the poll and the
 * detail now (which also restarts the poll's timer at the fast rate).
 */
export function sessionChanged(queryClient: QueryClient, id: string): Promise<void> {
  sessionTouched(id);
  return queryClient.invalidateQueries({ queryKey: sessionQueries.one(id) });
}

/** `sessionChanged` for one session, from a component. */
export function useSessionChanged(id: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => sessionChanged(queryClient, id), [queryClient, id]);
}
