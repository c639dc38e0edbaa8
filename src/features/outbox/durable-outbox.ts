import { create } from 'zustand';
import { ApiError } from '../../lib/api-client';
import { outboxItems, type StoredOutboxItem } from '../../lib/idb';

/** Items this page is sending: its own, and those it took over from an earlier page. */
const owned = new Map<string, StoredOutboxItem>();
/** Each item's write, so that forgetting it never races ahead of keeping it. */
const writes = new Map<string, Promise<void>>();
let claiming: Promise<unknown> = Promise.resolve();

/** Items the server refused for good, for the screen that lets the operator see and drop them. */
export const useRefusedStore = create<{ refused: StoredOutboxItem[] }>()(() => ({ refused: [] }));

const showRefused = (items: StoredOutboxItem[]) =>
  useRefusedStore.setState({ refused: items.filter((i) => i.refused) });

/**
 * The durable side of the outbox: an item is written to IndexedDB before its first send and
 * forgotten once the server has it, so a reload, a crash or a closed tab while offline loses
 * nothing. The next page takes over what an earlier one left (sends are idempotent, so an item
 * that did arrive just before the reload is not doubled). Storage failing (quota, a private
 * window) never stops a send: the item is then only as durable as the page.
 */
export const durableOutbox = {
  keep(item: Omit<StoredOutboxItem, 'createdAt'>): Promise<void> {
    const stored = { ...item, createdAt: Date.now() };
    owned.set(item.id, stored);
    const write = outboxItems.put(stored).catch(() => undefined);
    writes.set(item.id, write);
    return write;
  },

  async delivered(id: string): Promise<void> {
    await writes.get(id);
    writes.delete(id);
    owned.delete(id);
    await outboxItems.delete(id).catch(() => undefined);
  },

  /** The server will not take it (a 4xx, or a payload this version cannot read): kept, shown. */
  async refused(id: string, error: unknown): Promise<void> {
    await writes.get(id);
    const item = owned.get(id);
    owned.delete(id);
    if (!item) return;
    const refused = {
      message: error instanceof Error ? error.message : String(error),
      status: error instanceof ApiError ? error.status : null,
      at: Date.now(),
    };
    const kept = { ...item, refused };
    await outboxItems.put(kept).catch(() => undefined);
    useRefusedStore.setState((s) => ({ refused: [...s.refused.filter((i) => i.id !== id), kept] }));
  },

  /** The operator lets an item go (seen refused, or a photo discarded). */
  async discard(id: string): Promise<void> {
    await writes.get(id);
    writes.delete(id);
    owned.delete(id);
    await outboxItems.delete(id).catch(() => undefined);
    useRefusedStore.setState((s) => ({ refused: s.refused.filter((i) => i.id !== id) }));
  },

  /**
   * Items an earlier page left for this server, now this page's to send; each is handed out
   * once (calls are serialised, so two callers never take the same item).
   */
  claimOrphans(server: string): Promise<StoredOutboxItem[]> {
    const claim = claiming.then(async () => {
      const items = await outboxItems.list(server).catch(() => []);
      showRefused(items);
      const orphans = items.filter((i) => !i.refused && !owned.has(i.id));
      for (const item of orphans) owned.set(item.id, item);
      return orphans;
    });
    claiming = claim;
    return claim;
  },
};
