import { ApiError, NetworkError } from '../../lib/api-client';
import { throttleFrom } from '../../lib/throttle';
import type { DeliveryOptions } from './send-until-delivered';

/**
 * When a request to the API is worth sending again: the network, a 429 or a 5xx. A 4xx the
 * server will repeat is not. A 429 waits for its Retry-After; the rest back off to 30 s.
 */
export const apiDelivery: Pick<DeliveryOptions, 'retryable' | 'delayMs'> = {
  retryable: (error) =>
    error instanceof NetworkError ||
    (error instanceof ApiError && (error.status === 429 || error.status >= 500)),
  delayMs: (attempt, error) => {
    const throttle = throttleFrom(error, Date.now());
    return throttle ? throttle.until - Date.now() : Math.min(30_000, 1_000 * 2 ** attempt);
  },
};

/** Why an item is waiting: no network, or a server that asked to slow down or failed. */
export const queuedBecause = (error: unknown): 'offline' | 'busy' =>
  error instanceof NetworkError ? 'offline' : 'busy';
