import { create } from 'zustand';
import type { OutboxEvent, OutboxView, Waiting, WaitReason } from './outbox-types';

interface OutboxState {
  /** This server's items by id, in every state: what this device knows of its own work. */
  items: Record<string, OutboxView>;
  waiting: Waiting | null;
  loaded: (items: OutboxView[], waiting: Waiting | null) => void;
  happened: (event: OutboxEvent) => void;
}

/**
 * A mirror of the outbox for screens, fed by the outbox's events from this tab and the others.
 * Its items are client state (this device's own work), not server data.
 */
export const useOutboxStore = create<OutboxState>()((set) => ({
  items: {},
  waiting: null,
  loaded: (items, waiting) =>
    set({ items: Object.fromEntries(items.map((item) => [item.id, item])), waiting }),
  happened: (event) =>
    set((state) => {
      switch (event.type) {
        case 'changed':
        case 'delivered':
          return { items: { ...state.items, [event.item.id]: event.item } };
        case 'removed': {
          const { [event.id]: _gone, ...items } = state.items;
          return { items };
        }
        case 'waiting':
          return { waiting: event.waiting };
      }
    }),
}));

const byNewest = (a: OutboxView, b: OutboxView) => b.createdAt - a.createdAt;

/** One session's items of a kind, newest first (select `items`, then call this). */
export function itemsOf(
  items: Record<string, OutboxView>,
  sessionId: string,
  kind?: string,
): OutboxView[] {
  return Object.values(items)
    .filter((i) => i.sessionId === sessionId && (kind === undefined || i.kind === kind))
    .sort(byNewest);
}

/** Not yet on the server: waiting to be sent, or for the operator. */
export const unsent = (item: OutboxView) => item.state === 'pending' || item.state === 'held';

/**
 * Why an unsent item is waiting rather than on its way: the queue is paused (and says why), or
 * its last try failed with no pause left (the answer never came). Null while it is being sent.
 * The one rule every screen follows for "Sending" against "Queued".
 */
export function waitingReason(item: OutboxView, waiting: Waiting | null): WaitReason | null {
  if (!waiting && !item.error) return null;
  return waiting?.reason ?? 'unconfirmed';
}
