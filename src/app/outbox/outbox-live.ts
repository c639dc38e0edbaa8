import type { QueryClient } from '@tanstack/react-query';
import { toast } from '../../components/toasts';
import type { ApiClient } from '../../lib/api-client';
import { outboxItems } from '../../lib/idb';
import { createOutbox, viewOf } from '../../features/outbox/outbox';
import type { OutboxEvent } from '../../features/outbox/outbox-types';
import { useOutboxStore } from '../../features/outbox/outbox-store';
import { localStoragePause, originLock } from '../../features/outbox/origin-lock';
import { usePhotoJobsStore } from '../../features/photos/photo-jobs-store';
import { useDiagnosticsStore } from '../../features/scanner/diagnostics-store';
import { sessionChanged } from '../../features/session/session-queries';
import { CAPTURE_KIND, registerHandlers } from './outbox-handlers';
import { PHOTO_KIND, photoChanged, photosWaiting, restorePhoto } from './photo-outbox';

/** How often an idle tab looks for work another tab left behind (it closed mid-pass). */
const HEARTBEAT_MS = 20_000;
/** Sent items are this device's record for this long; then they go. */
const KEEP_SENT_MS = 14 * 24 * 3600_000;
/** ...and at most this many: a few days of a busy store, about 3 MB in memory. */
const KEEP_SENT = 10_000;

/** Between two refreshes of a session's screens while its queue drains. */
const REFRESH_MS = 1_000;

/**
 * Refreshes a session's queries when its items arrive: the first at once, then at most once a
 * second (with one at the end). Every refresh is a request against the same rate limit as the
 * queue; a queue of 100 draining must not ask for the session 100 times.
 */
function sessionRefresher(queryClient: QueryClient) {
  const last = new Map<string, number>();
  const pending = new Set<string>();
  return (id: string) => {
    if (pending.has(id)) return;
    const wait = (last.get(id) ?? -Infinity) + REFRESH_MS - Date.now();
    const run = () => {
      pending.delete(id);
      last.set(id, Date.now());
      void sessionChanged(queryClient, id);
    };
    if (wait <= 0) return run();
    pending.add(id);
    setTimeout(run, wait);
  };
}

/**
 * The outbox for one server, with its devices and handlers, and how its events reach this tab's
 * screens (`show`, also fed with the other tabs' events) and the other tabs (`channel`).
 */
export function makeOutbox(
  client: ApiClient,
  queryClient: QueryClient,
  channel: BroadcastChannel | null,
) {
  const server = client.baseUrl;
  const { happened } = useOutboxStore.getState();
  const refresh = sessionRefresher(queryClient);
  const show = (event: OutboxEvent) => {
    happened(event);
    if (event.type === 'waiting') photosWaiting(event.waiting);
    if (event.type === 'removed') usePhotoJobsStore.getState().dropped(event.id);
    if (event.type !== 'changed') return;
    if (event.item.kind === PHOTO_KIND) photoChanged(event.item, useOutboxStore.getState().waiting);
    if (event.item.state === 'sent') refresh(event.item.sessionId);
  };
  const made = createOutbox({
    server,
    storage: outboxItems,
    lock: originLock,
    pause: localStoragePause,
    now: Date.now,
    random: Math.random,
    online: () => navigator.onLine,
    budgetWaitMs: () => {
      const limit = client.lastRateLimit();
      if (limit?.remaining !== 0 || limit.resetAtMs === null) return 0;
      return Math.max(0, limit.resetAtMs - Date.now());
    },
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    publish: (event) => {
      show(event);
      if (event.type === 'delivered') {
        if (event.item.kind === CAPTURE_KIND)
          // Marks for measuring scan latency (the e2e latency spec reads them).
          performance.mark('scanner:capture-saved', {
            detail: { clientId: event.item.id, captureId: event.result.id },
          });
        return;
      }
      // A refusal on a later attempt happened in the background (the operator has moved on):
      // the toast says so. A first attempt's is shown where it was made (scanner, tray).
      const background = event.type === 'changed' && event.item.attempts > 1;
      if (background && event.item.state === 'refused' && event.item.error) {
        const what = `${event.item.summary.title} was not saved: ${event.item.error.message}`;
        toast(what);
        useDiagnosticsStore.getState().failed(what);
      }
      channel?.postMessage({ server, event });
    },
  });
  registerHandlers(made, client);
  return { outbox: made, show };
}

/**
 * Runs the outbox in this tab: drained on start, on `online`, when the page is shown again and on
 * a heartbeat; another tab's events are shown here too. Returns what stops it.
 */
export function runOutbox(
  { outbox, show }: ReturnType<typeof makeOutbox>,
  server: string,
  channel: BroadcastChannel | null,
): () => void {
  let live = true;
  outbox.start();
  // Another tab's event: this tab's screens show it too.
  const heard = ({ data }: MessageEvent<{ server: string; event: OutboxEvent }>) => {
    if (data.server === server) show(data.event);
  };
  channel?.addEventListener('message', heard);
  void outbox.forgetSent(Date.now() - KEEP_SENT_MS, KEEP_SENT).then(async () => {
    const items = await outbox.list().catch(() => []);
    if (!live) return;
    useOutboxStore.getState().loaded(items.map(viewOf), localStoragePause.get(server));
    for (const item of items)
      if (item.kind === PHOTO_KIND) restorePhoto(viewOf(item), item.payload);
    await outbox.drain();
  });
  const online = () => outbox.online();
  const shown = () => {
    if (document.visibilityState === 'visible') void outbox.drain();
  };
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', shown);
  const heartbeat = setInterval(() => void outbox.drain(), HEARTBEAT_MS);
  return () => {
    live = false;
    outbox.stop();
    channel?.removeEventListener('message', heard);
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', shown);
    clearInterval(heartbeat);
  };
}
