import type { StoredOutboxItem } from '../../lib/idb';

/**
 * Something on its way to the server, kept from the moment it was accepted until the server has
 * it, and afterwards as this device's record of it (its state, without heavy bytes):
 * - `id` is the client's id, and the request's Idempotency-Key;
 * - `kind` names the registered handler that sends it ('capture', 'photo', ...);
 * - `server` is the API base URL ('' for the embedded server): each server has its own queue;
 * - `payload` is the kind's own, checked by its handler when read back (an older app may have
 *   written it); `summary` is what the operator sees of it while it is only on this device;
 * - `createdAt` is the device's time when it was accepted (strictly increasing): the send order;
 * - `state`: pending (to be sent, in order), held (kept, not sent until the operator decides),
 *   refused (the server will not take it; kept with `error` until retried or discarded), sent.
 */
export type OutboxItem = StoredOutboxItem;

/** The item without its payload: what screens and other tabs are told about. */
export type OutboxView = Omit<OutboxItem, 'payload'>;

/** Where items are kept: IndexedDB in the app, a fake in unit tests. */
export interface OutboxStorage {
  /** This server's items, oldest first. */
  list(server: string): Promise<OutboxItem[]>;
  /** This server's items in one state, oldest first (the queue reads only what is pending). */
  listIn(server: string, state: OutboxItem['state']): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface SendContext<P> {
  item: OutboxView;
  /** Writes a changed payload (where an upload got to), so that a reload resumes from there. */
  save: (payload: P) => Promise<void>;
}

/**
 * How one kind is sent, registered by `src/app` (TanStack's offline example registers mutation
 * defaults the same way). `send` must be idempotent under the item's id: it may be called again
 * for an item the server already has, when its answer was lost.
 */
export interface KindHandler<P = unknown> {
  /** The stored payload, checked; null when this version cannot read it. */
  parse: (payload: unknown) => P | null;
  send: (payload: P, context: SendContext<P>) => Promise<{ id: string }>;
  /** What to keep of the payload once sent (a photo drops its bytes); the whole payload if absent. */
  keepAfterSent?: (payload: P) => unknown;
}

/** Why the queue is waiting. */
export type WaitReason = 'offline' | 'busy' | 'unconfirmed';

export interface Waiting {
  reason: WaitReason;
  message: string;
  /** When the next attempt may go (ms since epoch). */
  until: number;
}

/** Runs `task` while no other tab of this origin runs a task under the same name. */
export type OriginLock = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** The queue's shared pause, seen by every tab (a 429 for one tab is a 429 for all). */
export interface SharedPause {
  get(server: string): Waiting | null;
  set(server: string, waiting: Waiting | null): void;
}

export type OutboxEvent =
  | { type: 'changed'; item: OutboxView }
  | { type: 'removed'; id: string }
  | { type: 'waiting'; waiting: Waiting | null }
  /** Only in the tab that sent it, with the server's answer. */
  | { type: 'delivered'; item: OutboxView; result: { id: string } };

export interface OutboxDeps {
  server: string;
  storage: OutboxStorage;
  lock: OriginLock;
  pause: SharedPause;
  now: () => number;
  random: () => number;
  online: () => boolean;
  /** Called with every event of this tab (other tabs hear them through `publish`). */
  publish: (event: OutboxEvent) => void;
  setTimer: (run: () => void, ms: number) => () => void;
  /**
   * How long the server's rate limit says to hold off before the next request (its
   * RateLimit-Remaining is 0 until the window resets): waiting costs nothing, a 429 costs a
   * request. 0 when free to send.
   */
  budgetWaitMs?: () => number;
}

export interface NewItem {
  id: string;
  kind: string;
  sessionId: string;
  payload: unknown;
  summary: OutboxItem['summary'];
  /** Kept but not sent until released (a photo the operator has to look at first). */
  held?: boolean;
}
