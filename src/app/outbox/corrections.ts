import { useMemo } from 'react';
import { useOutbox } from '../../features/outbox/outbox-context';
import type { Outbox } from '../../features/outbox/outbox';
import { parseScan, type ScanToSend } from '../../features/scans/send-capture';
import { CAPTURE_CHANGE_KIND, CAPTURE_REMOVAL_KIND } from './outbox-handlers';

export type ScanChange = { quantity?: number; note?: string };

/** The metadata a change writes: the merge rules of §1.7 delete a key sent empty. */
const metadataOf = (change: ScanChange): Record<string, string> => ({
  ...(change.quantity !== undefined ? { quantity: String(change.quantity) } : {}),
  ...(change.note !== undefined ? { note: change.note } : {}),
});

/**
 * Undo, removal, counts and notes for this device's scans. A scan not yet sent is changed or
 * taken back in the queue; one the server has is changed there, through the same queue, so a
 * correction made offline reaches the server after the scan it corrects.
 */
export function createCorrections(outbox: Outbox) {
  const follow = (sessionId: string, kind: string, payload: unknown, title: string) =>
    outbox.enqueue({ id: crypto.randomUUID(), kind, sessionId, payload, summary: { title } });

  return {
    /** Removes a scan: from the queue if it was not sent, from the server if it was. */
    async remove(scanId: string): Promise<void> {
      if ((await outbox.withdraw(scanId)) !== 'sent') return;
      const sent = await outbox.get(scanId);
      if (!sent?.resultId) return;
      await follow(
        sent.sessionId,
        CAPTURE_REMOVAL_KIND,
        { captureId: sent.resultId },
        `Remove ${sent.summary.title}`,
      );
      await outbox.discard(scanId);
    },

    /** Sets a scan's quantity or note (`by`: a change to the quantity, as a count makes). */
    async change(scanId: string, change: ScanChange | ((scan: ScanToSend) => ScanChange)) {
      let applied: ScanChange = {};
      const verdict = await outbox.revise(scanId, (item) => {
        const scan = parseScan(item.payload);
        if (!scan) return item;
        applied = typeof change === 'function' ? change(scan) : change;
        const next: ScanToSend = { ...scan, ...applied };
        return {
          payload: next,
          summary: {
            ...item.summary,
            ...(next.quantity !== undefined ? { quantity: next.quantity } : {}),
          },
        };
      });
      if (verdict !== 'sent') return;
      const sent = await outbox.get(scanId);
      if (!sent?.resultId) return;
      await follow(
        sent.sessionId,
        CAPTURE_CHANGE_KIND,
        { captureId: sent.resultId, metadata: metadataOf(applied) },
        `Change ${sent.summary.title}`,
      );
    },

    /** A note or quantity for any capture of the session, by its server id (another device's). */
    changeOnServer: (sessionId: string, captureId: string, title: string, change: ScanChange) =>
      follow(
        sessionId,
        CAPTURE_CHANGE_KIND,
        { captureId, metadata: metadataOf(change) },
        `Change ${title}`,
      ),
  };
}

export type Corrections = ReturnType<typeof createCorrections>;

/** The corrections for the outbox of the current server. */
export function useCorrections(): Corrections {
  const outbox = useOutbox();
  return useMemo(() => createCorrections(outbox), [outbox]);
}
