import { usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from '../../lib/api-context';
import { captureStates } from './poll-policy';
import { sessionQueries } from './session-queries';
import { useRecordSession } from './session-history';

/**
 * Asks for the session as its route renders. The screen below may suspend (until the outbox's
 * code is in, on a cold start), and a suspended screen's own queries start only once it
 * renders in full, which can put the session's fetch behind an IndexedDB open.
 */
export function usePrefetchSession(id: string) {
  const client = useApiClient();
  usePrefetchQuery(sessionQueries.status(client, id));
  usePrefetchQuery(sessionQueries.detail(client, id));
}

/**
 * A session kept live: the status poll runs on its adaptive interval, and the detail is fetched
 * again only when the poll reports a capture or session state the detail does not show yet.
 */
export function useLiveSession(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const status = useQuery(sessionQueries.status(client, id));
  const detail = useQuery(sessionQueries.detail(client, id));
  const poll = status.data;
  const data = detail.data;
  // Only a poll newer than the detail can make it stale: a detail fetched after the poll may
  // already hold captures the poll has not seen, and must not trigger another fetch.
  const stale =
    !!poll &&
    !!data &&
    status.dataUpdatedAt > detail.dataUpdatedAt &&
    captureStates(poll.session_status, poll.captures) !== captureStates(data.status, data.captures);

  const record = useRecordSession();
  // Whichever answer is newer: a capture this device just sent shows in the detail first.
  const newest = status.dataUpdatedAt >= detail.dataUpdatedAt ? poll : data;
  const captureCount = (newest ?? poll ?? data)?.captures.length ?? null;
  const photoCount = data?.product_photos.length ?? null;
  const sessionStatus = poll?.session_status ?? data?.status ?? null;
  // Keep this device's history in step with what the server says.
  useEffect(() => {
    if (!data) return;
    void record(id, {
      mode: data.capture_mode,
      createdAt: Date.parse(data.created),
      status: sessionStatus ?? undefined,
      captureCount: captureCount ?? undefined,
      photoCount: photoCount ?? undefined,
    });
  }, [record, id, data, sessionStatus, captureCount, photoCount]);

  useEffect(() => {
    if (stale && !detail.isFetching)
      void queryClient.invalidateQueries({ queryKey: sessionQueries.detail(client, id).queryKey });
  }, [stale, detail.isFetching, queryClient, client, id]);

  return {
    status,
    detail,
    captureCount,
    photoCount,
    sessionStatus,
    extractionStatus: poll?.extraction_status ?? null,
  };
}
