import { useShallow } from 'zustand/react/shallow';
import { useOnline } from '../../lib/use-online';
import { unsent, useOutboxStore } from '../../features/outbox/outbox-store';
import { usePhotoJobsStore } from '../../features/photos/photo-jobs-store';

/**
 * The top bar's sync state: whether the device is online, how many of this session's scans and
 * photos are not on the server yet (being processed, queued, or waiting for the operator), and
 * how many the server refused.
 */
export function useSyncState(sessionId: string) {
  const online = useOnline();
  const [queued, refused] = useOutboxStore(
    useShallow((s) => {
      const mine = Object.values(s.items).filter((i) => i.sessionId === sessionId);
      return [mine.filter(unsent).length, mine.filter((i) => i.state === 'refused').length];
    }),
  );
  // Photos still in the worker are not in the outbox yet.
  const processing = usePhotoJobsStore(
    (s) => s.jobs.filter((j) => j.sessionId === sessionId && j.stage === 'processing').length,
  );
  return { online, pending: queued + processing, refused };
}
