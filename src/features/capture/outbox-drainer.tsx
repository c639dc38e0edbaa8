import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from '../../lib/api-context';
import { durableOutbox } from '../outbox/durable-outbox';
import { sessionQueries, sessionTouched } from '../session/session-queries';
import { useSettingsStore } from '../settings/settings-store';
import {
  CAPTURE_SEND_KEY,
  type CaptureToDeliver,
  deliverCapture,
  readStoredScan,
} from './deliver-capture';

/**
 * Sends what an earlier page of this app left in the durable outbox (a reload or a closed tab
 * while offline), whatever screen the operator is on, through the same delivery as a fresh scan:
 * the top bar counts them, and the session's counters move when they arrive.
 */
export function OutboxDrainer() {
  const client = useApiClient();
  const server = useSettingsStore((s) => s.apiBaseUrl);
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationKey: CAPTURE_SEND_KEY,
    networkMode: 'always',
    mutationFn: (capture: CaptureToDeliver) => deliverCapture(client, capture, () => undefined),
    onSettled: (_data, _error, { scan }) => {
      sessionTouched(scan.sessionId);
      return queryClient.invalidateQueries({ queryKey: sessionQueries.one(scan.sessionId) });
    },
  });

  useEffect(() => {
    void durableOutbox.claimOrphans(server).then((items) => {
      for (const item of items) {
        const scan = readStoredScan(item.payload);
        if (!scan) {
          void durableOutbox.refused(
            item.id,
            new Error('Saved by another version of the app in a form this one cannot read.'),
          );
          continue;
        }
        // Failures are kept in the outbox, marked, and shown on Home; nothing to do here.
        mutateAsync({ scan, clientCaptureId: item.id }).catch(() => undefined);
      }
    });
  }, [server, mutateAsync]);
  return null;
}
