import { ApiError, NetworkError } from '../../lib/api-client';
import { throttleFrom } from '../../lib/throttle';
import type { DeliveryOptions } from './send-until-delivered';

/**
 * A 409 that asks to be sent again (Retry-After): another request with the same
 * Idempotency-Key is in flight, so this one's outcome is not known yet. A 409 without it (a
 * closed session, a key reused for another body) is the server's final word.
 */
const inFlight = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 409 && error.retryAfterSeconds !== null;

/**
 * When a request to the API is worth sending again: the network, a 429, a 5xx, or an
 * in-flight 409. A 4xx the server will repeat is not. A 429 waits for its Retry-After, an
 * in-flight 409 for its own; the rest back off to 30 s.
 */
export const apiDelivery: Pick<DeliveryOptions, 'retryable' | 'delayMs'> = {
  retryable: (error) =>
    error instanceof NetworkError ||
    inFlight(error) ||
    (error instanceof ApiError && (error.status === 429 || error.status >= 500)),
  delayMs: (attempt, error) => {
    const throttle = throttleFrom(error, Date.now());
    if (throttle) return throttle.until - Date.now();
    if (inFlight(error)) return (error.retryAfterSeconds ?? 1) * 1000;
    return Math.min(30_000, 1_000 * 2 ** attempt);
  },
};

/** Why an item is waiting: no network, or a server that asked to slow down or failed. */
export const queuedBecause = (error: unknown): 'offline' | 'busy' =>
  error instanceof NetworkError ? 'offline' : 'busy';
