import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useApiClient } from '../../lib/api-context';
import { queuedBecause } from '../outbox/delivery-policy';
import { durableOutbox } from '../outbox/durable-outbox';
import { useDiagnosticsStore } from '../scanner/diagnostics-store';
import { useSessionChanged } from '../session/session-queries';
import { useSettingsStore } from '../settings/settings-store';
import { CAPTURE_SEND_KEY, type CaptureToDeliver, deliverCapture } from './deliver-capture';
import type { ScanToSend } from './enqueue-capture';
import type { LocalScan } from './recent-scans';

/** How many of this device's scans the screen keeps in memory for the recent list. */
const KEEP = 50;

/**
 * Sends accepted scans as captures and tracks each one's local state (sending, queued while the
 * network is away, sent, failed). A capture that cannot reach the server is kept and resent with
 * the same Idempotency-Key until it arrives, so going offline loses nothing and duplicates nothing;
 * it is kept in the durable outbox first, so a reload loses nothing either.
 */
export function useCaptureSender(
  sessionId: string,
  onQueued: (scan: ScanToSend, why: 'offline' | 'busy') => void,
) {
  const client = useApiClient();
  const server = useSettingsStore((s) => s.apiBaseUrl);
  const sessionChanged = useSessionChanged(sessionId);
  const [scans, setScans] = useState<LocalScan[]>([]);
  // A count, not scans.length: the list is capped, the count is not.
  const [sentHere, setSentHere] = useState(0);
  const mutation = useMutation({
    mutationKey: CAPTURE_SEND_KEY,
    // The outbox decides about retries; React Query pausing while offline would hide "queued".
    networkMode: 'always',
    mutationFn: (capture: CaptureToDeliver) =>
      deliverCapture(client, capture, (error) => {
        const why = queuedBecause(error);
        update(capture.clientCaptureId, { state: 'queued', queuedBecause: why });
        onQueued(capture.scan, why);
      }),
    // The new row needs the detail; the poll is fetched too, which restarts its timer at the
    // fast rate (React Query schedules the next poll from the last fetch).
    onSettled: sessionChanged,
  });
  const update = (clientId: string, change: Partial<LocalScan>) =>
    setScans((list) => list.map((s) => (s.clientId === clientId ? { ...s, ...change } : s)));

  const { mutateAsync } = mutation;
  const send = useCallback(
    (scan: ScanToSend) => {
      const clientId = crypto.randomUUID();
      setSentHere((n) => n + 1);
      setScans((list) =>
        [
          { clientId, value: scan.rawValue, format: scan.format, state: 'sending' as const },
          ...list,
        ].slice(0, KEEP),
      );
      void durableOutbox.keep({
        id: clientId,
        kind: 'capture',
        server,
        sessionId: scan.sessionId,
        payload: scan,
      });
      // mutateAsync, not mutate: per-call callbacks of mutate fire only for the latest call, and
      // scans arrive faster than captures are saved.
      mutateAsync({ scan, clientCaptureId: clientId }).then(
        (capture) => {
          // Marks for measuring scan latency (the e2e latency spec reads them).
          performance.mark('scanner:capture-saved', {
            detail: { clientId, captureId: capture.id },
          });
          update(clientId, { state: 'sent', captureId: capture.id });
        },
        (error: Error) => {
          update(clientId, { state: 'failed', error: error.message });
          useDiagnosticsStore.getState().failed(`capture not sent: ${error.message}`);
        },
      );
    },
    [mutateAsync, server],
  );
  return { scans, sentHere, send };
}
