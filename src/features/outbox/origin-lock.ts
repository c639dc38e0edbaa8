import type { OriginLock, SharedPause, Waiting } from './outbox-types';

/**
 * The Web Locks API: one holder per name across every tab and worker of the origin, released
 * when the holder's task ends or its tab closes. Without it (an old browser, an insecure
 * context) each tab is on its own: sends stay idempotent, so the worst case is a repeat.
 */
export const originLock: OriginLock = (name, task) => {
  // Typed as always there, but absent outside secure contexts (and null in happy-dom).
  const locks = (navigator as { locks?: LockManager | null }).locks;
  return locks ? locks.request(name, task) : task();
};

const pauseKey = (server: string) => `closient-outbox-pause:${server}`;

/**
 * The queue's pause in localStorage, which every tab reads synchronously: a 429 or an outage
 * seen by one tab holds back the others too, instead of each finding out with its own request.
 */
export const localStoragePause: SharedPause = {
  get(server) {
    try {
      const raw = localStorage.getItem(pauseKey(server));
      return raw ? (JSON.parse(raw) as Waiting) : null;
    } catch {
      return null;
    }
  },
  set(server, waiting) {
    try {
      if (waiting) localStorage.setItem(pauseKey(server), JSON.stringify(waiting));
      else localStorage.removeItem(pauseKey(server));
    } catch {
      // Storage refused: the pause is then this tab's alone, which is still correct.
    }
  },
};
