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
  /** Injected for tests; defaults to window's online events and timers. */
  waitForRetry?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const backoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/** Resolves after `ms`, or as soon as the browser reports it is back online. */
export function waitForOnlineOrDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      done();
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
    try {
      return await send();
    } catch (error) {
      if (!options.retryable(error) || options.signal?.aborted) throw error;
      if (attempt === 0) options.onQueued(error);
      await wait(delay(attempt, error), options.signal);
    }
  }
}
