import { useMemo } from 'react';
import { itemsOf, useOutboxStore, waitingReason } from '../../../features/outbox/outbox-store';
import type { OutboxView, Waiting } from '../../../features/outbox/outbox-types';
import { ScanRow } from '../../../features/scans/recent-scans';
import { QUEUED_STATE, STATES, type StateLook } from '../../../components/states';

function stateOf(item: OutboxView, waiting: Waiting | null): StateLook {
  switch (item.state) {
    case 'sent':
      return STATES.sent;
    case 'refused':
      return STATES.notSaved;
    case 'held':
      return STATES.held;
    case 'pending': {
      const reason = waitingReason(item, waiting);
      return reason ? QUEUED_STATE[reason] : STATES.sending;
    }
  }
}

/**
 * What this device knows of a session when the server cannot be asked: its own scans and photos
 * (queued, sent, refused), newest first. None of it is confirmed until the server answers.
 */
export function DeviceItems({ sessionId }: { sessionId: string }) {
  const items = useOutboxStore((s) => s.items);
  const waiting = useOutboxStore((s) => s.waiting);
  const mine = useMemo(() => itemsOf(items, sessionId), [items, sessionId]);
  return (
    <section className="stack" aria-labelledby="device-items-heading">
      <h2 id="device-items-heading">On this device</h2>
      <p className="muted">
        Not yet confirmed by the server: this is what this device sent or has still to send.
      </p>
      {mine.length === 0 ? (
        <p className="muted">This device has made no scans or photos in this session.</p>
      ) : (
        <ol className="recent-scans" aria-label="Scans and photos on this device">
          {mine.map((item) => (
            <ScanRow
              key={item.id}
              testId="device-item"
              title={item.summary.title}
              detail={item.summary.detail}
              at={item.createdAt}
              state={stateOf(item, waiting)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
