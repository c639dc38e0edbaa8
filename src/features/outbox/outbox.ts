import { backoffMs, classify } from './classify';
import type {
  KindHandler,
  NewItem,
  OutboxDeps,
  OutboxItem,
  OutboxView,
  Waiting,
} from './outbox-types';
import { StorageFailedError, storageMessage } from './storage-failed';

const UNREADABLE = 'Saved by another version of the app in a form this one cannot read.';

export const viewOf = ({ payload: _payload, ...view }: OutboxItem): OutboxView => view;

/**
 * The generic durable outbox (STYLE.md rule 4). Every item is written to storage before it
 * counts as accepted, then sent oldest first, one at a time, by whichever tab holds the origin's
 * lock, so two tabs never send the same item and another tab takes over when one closes. The
 * first failure whose outcome is unknown stops the pass: the queue waits one backoff (or the
 * server's Retry-After), shared by every tab, then resumes from the same item, as Workbox
 * Background Sync replays. A refusal is kept with its reason and the queue goes on.
 */
export function createOutbox(deps: OutboxDeps) {
  const { server, storage, now } = deps;
  const handlers = new Map<string, KindHandler>();
  let lastCreated = 0;
  let running: Promise<void> | null = null;
  // Stryker disable next-line BooleanLiteral: starting true only runs one more (empty) pass.
  let again = false;
  let failures = 0;
  let cancelTimer: (() => void) | null = null;
  let stopped = false;
  let attemptStartedAt = Infinity;
  let onlineAt = -Infinity;

  const changed = (item: OutboxItem) => deps.publish({ type: 'changed', item: viewOf(item) });

  function schedule(ms: number) {
    cancelTimer?.();
    cancelTimer = deps.setTimer(
      () => {
        cancelTimer = null;
        void drain();
      },
      Math.max(0, ms),
    );
  }

  function wait(waiting: Waiting | null) {
    deps.pause.set(server, waiting);
    deps.publish({ type: 'waiting', waiting });
  }

  async function refuse(item: OutboxItem, message: string, status: number | null) {
    const refused: OutboxItem = {
      ...item,
      state: 'refused',
      error: { message, status, at: now() },
    };
    await storage.put(refused);
    changed(refused);
  }

  /** Sends one item; false when the queue must wait (the wait is then set and scheduled). */
  async function sendOne(item: OutboxItem): Promise<boolean> {
    const handler = handlers.get(item.kind);
    const payload = handler?.parse(item.payload) ?? null;
    if (!handler || payload === null) {
      await refuse(item, UNREADABLE, null);
      return true;
    }
    const attempt: OutboxItem = { ...item, attempts: item.attempts + 1 };
    // Counting is a courtesy: a storage failure here must not stop a send.
    await storage.put(attempt).catch(() => undefined);
    attemptStartedAt = now();
    try {
      const result = await handler.send(payload, {
        item: viewOf(attempt),
        save: async (next) => {
          const current = await storage.get(attempt.id);
          if (current) await storage.put({ ...current, payload: next });
        },
      });
      const latest = (await storage.get(attempt.id)) ?? attempt;
      const sent: OutboxItem = {
        ...latest,
        attempts: attempt.attempts,
        state: 'sent',
        resultId: result.id,
        sentAt: now(),
        payload: handler.keepAfterSent ? handler.keepAfterSent(payload) : latest.payload,
      };
      delete sent.error;
      await storage.put(sent).catch(() => undefined);
      failures = 0;
      if (deps.pause.get(server)) wait(null);
      changed(sent);
      deps.publish({ type: 'delivered', item: viewOf(sent), result });
      return true;
    } catch (error) {
      const failure = classify(error, deps.online());
      // What the send saved on the way (an upload already stored) stays with the item.
      const latest = (await storage.get(attempt.id).catch(() => undefined)) ?? attempt;
      if (failure.type === 'refused') {
        await refuse(latest, failure.message, failure.status);
        return true;
      }
      failures += 1;
      // Back online while this attempt was failing: the network that failed it is gone.
      const cameBack = failure.reason !== 'busy' && onlineAt >= attemptStartedAt;
      const delay = cameBack ? 0 : (failure.retryAfterMs ?? backoffMs(failures, deps.random));
      const noted: OutboxItem = {
        ...latest,
        error: { message: failure.message, status: null, at: now() },
      };
      await storage.put(noted).catch(() => undefined);
      changed(noted);
      wait({ reason: failure.reason, message: failure.message, until: now() + delay });
      schedule(delay);
      return false;
    }
  }

  async function pass(): Promise<void> {
    const paused = deps.pause.get(server);
    if (paused && paused.until > now()) {
      schedule(paused.until - now());
      return;
    }
    // Stryker disable next-line ArrayDeclaration: a listed non-item is skipped by the re-read.
    const listed = await storage.listIn(server, 'pending').catch(() => []);
    for (const { id } of listed) {
      if (stopped) return;
      // Read again under the lock: another tab may have sent it, or the operator discarded it.
      const item = await storage.get(id).catch(() => undefined);
      if (item?.state !== 'pending') continue;
      const budget = deps.budgetWaitMs?.() ?? 0;
      if (budget > 0) {
        wait({
          reason: 'busy',
          message: 'The rate limit allows more soon.',
          until: now() + budget,
        });
        schedule(budget);
        return;
      }
      if (!(await sendOne(item))) return;
    }
  }

  /** One pass at a time in this tab, and in the origin; a call during a pass runs one more. */
  function drain(): Promise<void> {
    if (stopped) return Promise.resolve();
    // Stryker disable next-line ConditionalExpression,BlockStatement: a second loop would take the lock after the first, sending the same items in the same order.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deps.lock(`closient-outbox:${server}`, pass);
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    register<P>(kind: string, handler: KindHandler<P>) {
      handlers.set(kind, handler as KindHandler);
    },

    /**
     * Keeps a new item; resolves once it is stored, and only then is it accepted. Rejects with
     * StorageFailedError when this device cannot keep it (quota, no IndexedDB).
     */
    async enqueue(input: NewItem): Promise<OutboxView> {
      // Strictly increasing, so two items in one millisecond keep their order.
      lastCreated = Math.max(now(), lastCreated + 0.001);
      const { held, ...rest } = input;
      const item: OutboxItem = {
        ...rest,
        server,
        attempts: 0,
        createdAt: lastCreated,
        state: held ? 'held' : 'pending',
      };
      try {
        await storage.put(item);
      } catch (error) {
        throw new StorageFailedError(storageMessage(error));
      }
      changed(item);
      if (!held) void drain();
      return viewOf(item);
    },

    /** Changes a kept item's payload (a smaller copy of a photo), and optionally releases it. */
    async update(id: string, payload: unknown, release = false): Promise<void> {
      const item = await storage.get(id);
      if (!item) return;
      const next: OutboxItem = {
        ...item,
        payload,
        ...(release ? { state: 'pending' } : {}),
      };
      if (release) delete next.error;
      await storage.put(next);
      changed(next);
      if (release) void drain();
    },

    /** A refused or held item goes back in the queue, in its place by time. */
    async retry(id: string): Promise<void> {
      const item = await storage.get(id);
      if (!item || item.state === 'sent') return;
      const next: OutboxItem = { ...item, state: 'pending' };
      delete next.error;
      await storage.put(next);
      changed(next);
      void drain();
    },

    /**
     * Takes an item back before it is sent (an undo, a removal). Under the origin's lock, so never
     * while a tab is sending it: 'withdrawn' when it was unsent and is gone, 'sent' when the server
     * has it already (the caller must then undo it there), 'missing' when there is no such item.
     */
    withdraw: (id: string) =>
      deps.lock(`closient-outbox:${server}`, async () => {
        const item = await storage.get(id);
        if (!item) return 'missing' as const;
        if (item.state === 'sent') return 'sent' as const;
        await storage.delete(id);
        deps.publish({ type: 'removed', id });
        return 'withdrawn' as const;
      }),

    /**
     * Rewrites an item's payload (a new quantity, a note), under the lock like `withdraw`. An
     * unsent item goes with the new payload; a sent one keeps it as this device's record, and its
     * previous state 'sent' tells the caller to send the change itself.
     */
    revise: (id: string, change: (item: OutboxItem) => Pick<OutboxItem, 'payload' | 'summary'>) =>
      deps.lock(`closient-outbox:${server}`, async () => {
        const item = await storage.get(id);
        if (!item) return 'missing' as const;
        // Applied to the item as it is under the lock: two quick changes both count.
        const next: OutboxItem = { ...item, ...change(item) };
        await storage.put(next);
        changed(next);
        return item.state === 'sent' ? ('sent' as const) : ('unsent' as const);
      }),

    /** The operator lets an unsent item go (or an undo). */
    async discard(id: string): Promise<void> {
      await storage.delete(id);
      deps.publish({ type: 'removed', id });
    },

    /** One item with its payload, as stored. */
    get: (id: string) => storage.get(id),

    /** This server's items, oldest first. */
    list: () => storage.list(server),

    /**
     * Lets go of the record of items sent before `before` (ms since epoch), and of the oldest
     * beyond `keep`: the record is for this device's recent work, not an archive.
     */
    async forgetSent(before: number, keep: number): Promise<void> {
      // Stryker disable next-line ArrayDeclaration: a listed non-item has no id to delete.
      const sent = await storage.listIn(server, 'sent').catch(() => []);
      const excess = sent.length - keep;
      for (const [i, item] of sent.entries())
        if (i < excess || (item.sentAt ?? 0) < before)
          await storage.delete(item.id).catch(() => undefined);
    },

    drain,

    /** Resolves when no pass is running (the queue is empty, or waiting for its timer). */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },

    /** The browser is back online: a wait for the network ends now; a server's wait does not. */
    online() {
      onlineAt = now();
      if (deps.pause.get(server)?.reason === 'offline') wait(null);
      void drain();
    },

    /** Stops sending (the page is going, or the server changed); `start` goes on again. */
    stop() {
      stopped = true;
      cancelTimer?.();
    },
    start() {
      stopped = false;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
