import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ENDPOINTS, TERMINAL_CAPTURE_STATUSES } from '#contract';
import type { ApiClient } from '../../lib/api-client';
import { useApiClient } from '../../lib/api-context';

/** Query keys and options for captures, general to specific. */
export const captureQueries = {
  all: () => ['captures'] as const,
  one: (id: string) => [...captureQueries.all(), id] as const,
  detail: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...captureQueries.one(id), 'detail'] as const,
      queryFn: ({ signal }) => client.call(ENDPOINTS.getCapture, { params: { id } }, { signal }),
      // A capture still in the pipeline changes on its own; a settled one only when asked.
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status && TERMINAL_CAPTURE_STATUSES.includes(status) ? false : 2_000;
      },
    }),
  proposals: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...captureQueries.one(id), 'proposals'] as const,
      queryFn: ({ signal }) => client.call(ENDPOINTS.listProposals, { params: { id } }, { signal }),
    }),
  /** The redirect chain of a URL, followed by the server; the app never opens it itself. */
  resolution: (client: ApiClient, url: string) =>
    queryOptions({
      queryKey: ['resolve-url', url] as const,
      queryFn: ({ signal }) => client.call(ENDPOINTS.resolveUrl, { body: { url } }, { signal }),
      staleTime: 5 * 60_000,
    }),
};

/**
 * Every mutation of a capture refreshes that capture and, through `onChanged`, whatever else
 * shows it (the session's list, its counters).
 */
export function useCaptureActions(captureId: string, onChanged: () => void) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const settled = async () => {
    onChanged();
    await queryClient.invalidateQueries({ queryKey: captureQueries.one(captureId) });
  };
  // POSTs carry an Idempotency-Key, so a retried tap never acts twice.
  const once = () => ({ headers: { 'Idempotency-Key': crypto.randomUUID() } });
  return {
    retry: useMutation({
      mutationFn: () => client.call(ENDPOINTS.retryCapture, { params: { id: captureId } }, once()),
      onSettled: settled,
    }),
    review: useMutation({
      mutationFn: ({ id, status }: { id: string; status: 'ACCEPTED' | 'REJECTED' }) =>
        client.call(ENDPOINTS.reviewProposal, { params: { proposal_id: id }, body: { status } }),
      onSettled: settled,
    }),
    apply: useMutation({
      mutationFn: () =>
        client.call(ENDPOINTS.applyProposals, { params: { id: captureId } }, once()),
      onSettled: settled,
    }),
    saveRedirect: useMutation({
      mutationFn: (url: string) =>
        client.call(ENDPOINTS.saveRedirect, { params: { id: captureId }, body: { url } }, once()),
      onSettled: settled,
    }),
  };
}
