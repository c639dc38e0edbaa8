export interface DeliveryOptions {
  /** Errors worth retrying: the network, not a 4xx the server will repeat. */
  retryable: (error: unknown) => boolean;
  /** Called once, when the first attempt fails retryably (with why): the item is now queued. */
  onQueued: (error: unknown) => void;
  signal?: AbortSignal;
  /**
   * Backoff before attempt n+1 (ms), given the error (a 429 says how long to wait); the
   * `online` event cuts any wait short.
   */
  delayMs?: (attempt: number, error: unknown) => number;
  /**
   * Injected for tests; defaults to window's online events and timers. `since` is when the
   * failed attempt started: coming back online after that is reason enough to try again now.
   */
  waitForRetry?: (ms: number, signal?: AbortSignal, since?: number) => Promise<void>;
}

const backoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/**
 * When the browser last reported that it came back online. An `online` event that fires while
 * an attempt is still failing (the request was cut before the network returned) happens before
 * the wait begins, so the wait must know about it or it sleeps out a whole backoff.
 */
let lastOnlineAt = -Infinity;
// Stryker disable next-line ConditionalExpression,StringLiteral: tests always run with a window.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (lastOnlineAt = Date.now()));
}

/**
 * Resolves after `ms`, or as soon as the browser reports it is back online, including an
 * `online` that came after `since` (the failed attempt's start) but before this wait.
 */
export function waitForOnlineOrDelay(
  ms: number,
  signal?: AbortSignal,
  since = Infinity,
): Promise<void> {
  if (lastOnlineAt >= since) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal?.removeEventListener('abort', abort);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    // An abort rejects: it used to resolve first (the reject then did nothing), so an aborted
    // delivery went on to send once more.
    const abort = () => {
      cleanup();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal?.addEventListener('abort', abort);
  });
}

/**
 * The outbox's delivery rule: an item that cannot reach the server is kept and sent again, with
 * backoff, until it arrives; the send must be idempotent (captures carry an Idempotency-Key).
 * Other errors end the attempt and reach the caller. Items live in memory: a reload before
 * delivery loses them, which the durable IndexedDB outbox will close.
 */
export async function sendUntilDelivered<T>(
  send: () => Promise<T>,
  options: DeliveryOptions,
): Promise<T> {
  const delay = options.delayMs ?? backoff;
  const wait = options.waitForRetry ?? waitForOnlineOrDelay;
  for (let attempt = 0; ; attempt++) {
    const startedAt = Date.now();
    try {
      return await send();
    } catch (error) {
      if (!options.retryable(error) || options.signal?.aborted) throw error;
      if (attempt === 0) options.onQueued(error);
      await wait(delay(attempt, error), options.signal, startedAt);
    }
  }
}
