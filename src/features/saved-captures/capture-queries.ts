import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ApplyProposalsResponse,
  Capture,
  Proposal,
  ProposalList,
  RedirectRule,
  ResolveUrlResponse,
  SCANNER_API_PREFIX,
  TERMINAL_CAPTURE_STATUSES,
  withLegacyId,
} from '#contract';
import type { ApiClient } from '../../lib/api-client';
import { useApiClient } from '../../lib/api-context';

const P = SCANNER_API_PREFIX;

/** Query keys and options for captures, general to specific. */
export const captureQueries = {
  all: () => ['captures'] as const,
  one: (id: string) => [...captureQueries.all(), id] as const,
  detail: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...captureQueries.one(id), 'detail'] as const,
      queryFn: ({ signal }) =>
        client.request(withLegacyId(Capture), `${P}/captures/${id}`, { signal }),
      // A capture still in the pipeline changes on its own; a settled one only when asked.
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status && TERMINAL_CAPTURE_STATUSES.includes(status) ? false : 2_000;
      },
    }),
  proposals: (client: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...captureQueries.one(id), 'proposals'] as const,
      queryFn: ({ signal }) =>
        client.request(ProposalList, `${P}/captures/${id}/proposals`, { signal }),
    }),
  /** The redirect chain of a URL, followed by the server; the app never opens it itself. */
  resolution: (client: ApiClient, url: string) =>
    queryOptions({
      queryKey: ['resolve-url', url] as const,
      queryFn: ({ signal }) =>
        client.request(ResolveUrlResponse, `${P}/resolve-url`, {
          method: 'POST',
          body: { url },
          signal,
        }),
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
  const once = () => ({
    method: 'POST' as const,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  return {
    retry: useMutation({
      mutationFn: () =>
        client.request(withLegacyId(Capture), `${P}/captures/${captureId}/retry`, once()),
      onSettled: settled,
    }),
    review: useMutation({
      mutationFn: ({ id, status }: { id: string; status: 'ACCEPTED' | 'REJECTED' }) =>
        client.request(Proposal, `${P}/proposals/${id}`, { method: 'PATCH', body: { status } }),
      onSettled: settled,
    }),
    apply: useMutation({
      mutationFn: () =>
        client.request(ApplyProposalsResponse, `${P}/captures/${captureId}/apply`, once()),
      onSettled: settled,
    }),
    saveRedirect: useMutation({
      mutationFn: (url: string) =>
        client.request(RedirectRule, `${P}/captures/${captureId}/save-redirect`, {
          ...once(),
          body: { url },
        }),
      onSettled: settled,
    }),
  };
}
