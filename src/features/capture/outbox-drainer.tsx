import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useApiClient } from '../../lib/api-context';
import { durableOutbox } from '../outbox/durable-outbox';
import { sessionChanged } from '../session/session-queries';
import { useSettingsStore } from '../settings/settings-store';
import { restorePhoto } from './photo-delivery';
import {
  CAPTURE_SEND_KEY,
  type CaptureToDeliver,
  deliverCapture,
  readStoredScan,
} from './deliver-capture';

const UNREADABLE = 'Saved by another version of the app in a form this one cannot read.';

/**
 * Sends what an earlier page of this app left in the durable outbox (a reload or a closed tab
 * while offline), whatever screen the operator is on, through the same delivery as a fresh scan
 * or photo: the top bar counts them, and the session's counters move when they arrive. Photos
 * go back into the tray (flagged ones wait for the operator's answer again).
 */
export function OutboxDrainer() {
  const client = useApiClient();
  const server = useSettingsStore((s) => s.apiBaseUrl);
  const queryClient = useQueryClient();
  const arrived = useCallback(
    (sessionId: string) => sessionChanged(queryClient, sessionId),
    [queryClient],
  );
  const { mutateAsync } = useMutation({
    mutationKey: CAPTURE_SEND_KEY,
    networkMode: 'always',
    mutationFn: (capture: CaptureToDeliver) => deliverCapture(client, capture, () => undefined),
    onSettled: (_data, _error, { scan }) => arrived(scan.sessionId),
  });

  useEffect(() => {
    void durableOutbox.claimOrphans(server).then((items) => {
      for (const item of items) {
        if (item.kind === 'photo') {
          if (!restorePhoto(client, item, arrived))
            void durableOutbox.refused(item.id, new Error(UNREADABLE));
          continue;
        }
        const scan = readStoredScan(item.payload);
        if (!scan) {
          void durableOutbox.refused(item.id, new Error(UNREADABLE));
          continue;
        }
        // Failures are kept in the outbox, marked, and shown on Home; nothing to do here.
        mutateAsync({ scan, clientCaptureId: item.id }).catch(() => undefined);
      }
    });
  }, [server, client, arrived, mutateAsync]);
  return null;
}
