import { useIsMutating } from '@tanstack/react-query';
import { useOnline } from '../../lib/use-online';
import { unsavedJobCount, usePhotoJobsStore } from '../photos/photo-jobs-store';

/** The mutation key of a capture on its way, so that the session's pending ones can be counted. */
export const captureSendKey = (sessionId: string) => ['send-capture', sessionId] as const;

/**
 * The top bar's sync state: whether the device is online, and how many of this session's scans
 * and photos are not on the server yet (sending, queued, or waiting for the operator).
 */
export function useSyncState(sessionId: string) {
  const online = useOnline();
  const captures = useIsMutating({ mutationKey: captureSendKey(sessionId) });
  const photos = usePhotoJobsStore((s) => unsavedJobCount(s, sessionId));
  return { online, pending: captures + photos };
}
