import { useIsMutating } from '@tanstack/react-query';
import { useOnline } from '../../lib/use-online';
import { unsavedJobCount, usePhotoJobsStore } from '../photos/photo-jobs-store';
import { CAPTURE_SEND_KEY, type CaptureToDeliver } from './deliver-capture';

/**
 * The top bar's sync state: whether the device is online, and how many of this session's scans
 * and photos are not on the server yet (sending, queued, or waiting for the operator).
 */
export function useSyncState(sessionId: string) {
  const online = useOnline();
  // Captures of this session on their way, from this screen or taken over from an earlier page.
  const captures = useIsMutating({
    mutationKey: CAPTURE_SEND_KEY,
    predicate: (m) =>
      (m.state.variables as CaptureToDeliver | undefined)?.scan.sessionId === sessionId,
  });
  const photos = usePhotoJobsStore((s) => unsavedJobCount(s, sessionId));
  return { online, pending: captures + photos };
}
