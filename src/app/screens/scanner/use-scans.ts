import { useCallback, useMemo } from 'react';
import { StorageFailedError } from '../../../features/outbox/storage-failed';
import { useOutbox } from '../../../features/outbox/outbox-context';
import { itemsOf, useOutboxStore, waitingReason } from '../../../features/outbox/outbox-store';
import type { OutboxView, Waiting } from '../../../features/outbox/outbox-types';
import type { LocalScan } from '../../../features/scans/recent-scans';
import type { ScanToSend } from '../../../features/scans/send-capture';
import { CAPTURE_KIND } from '../../outbox/outbox-handlers';

export type Kept = { ok: true; id: string } | { ok: false; message: string };

/** A kept scan as the screen shows it: sending, queued (and why), sent, or refused. */
export function localScan(item: OutboxView, waiting: Waiting | null): LocalScan {
  const base = {
    clientId: item.id,
    value: item.summary.title,
    format: item.summary.detail ?? '',
    scannedAt: item.createdAt,
    ...(item.summary.key !== undefined ? { key: item.summary.key } : {}),
    ...(item.summary.quantity !== undefined ? { quantity: item.summary.quantity } : {}),
  };
  switch (item.state) {
    case 'sent':
      return { ...base, state: 'sent', ...(item.resultId ? { captureId: item.resultId } : {}) };
    case 'refused':
      return { ...base, state: 'failed', error: item.error?.message ?? 'Refused.' };
    case 'pending':
    case 'held': {
      const reason = waitingReason(item, waiting);
      return reason
        ? { ...base, state: 'queued', queuedBecause: reason }
        : { ...base, state: 'sending' };
    }
  }
}

/**
 * This device's scans in a session, across visits and reloads (the outbox keeps them), and the
 * one way a scan is kept: it counts as accepted only once it is stored on this device.
 */
export function useScans(sessionId: string) {
  const outbox = useOutbox();
  const items = useOutboxStore((s) => s.items);
  const waiting = useOutboxStore((s) => s.waiting);
  const scans = useMemo(
    () => itemsOf(items, sessionId, CAPTURE_KIND).map((item) => localScan(item, waiting)),
    [items, sessionId, waiting],
  );

  const keep = useCallback(
    async (scan: ScanToSend): Promise<Kept> => {
      const id = crypto.randomUUID();
      try {
        await outbox.enqueue({
          id,
          kind: CAPTURE_KIND,
          sessionId: scan.sessionId,
          payload: scan,
          summary: {
            title: scan.rawValue,
            detail: scan.format,
            key: scan.gtin || scan.rawValue,
            ...(scan.quantity !== undefined ? { quantity: scan.quantity } : {}),
          },
        });
        return { ok: true, id };
      } catch (error) {
        if (error instanceof StorageFailedError) return { ok: false, message: error.message };
        throw error;
      }
    },
    [outbox],
  );
  /** This device's scan of a product (GTIN, or the raw text) in the session, unless it failed. */
  const scanOf = useCallback(
    (key: string) => scans.find((scan) => scan.key === key && scan.state !== 'failed'),
    [scans],
  );
  return { scans, keep, scanOf };
}
