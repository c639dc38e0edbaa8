import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';
import { throttleFrom } from '../lib/throttle';

/**
 * Retries follow the contract's guidance: retry network failures, 429 and 5xx with backoff;
 * never other 4xx, which will not get better by asking again. A 429 waits its Retry-After, and
 * a spent daily allowance is not retried at all: it is shown, and the polls wait it out.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => {
          const throttle = throttleFrom(error, Date.now());
          if (throttle) return !throttle.daily && failureCount < 3;
          if (error instanceof ApiError && error.status < 500) return false;
          return failureCount < 3;
        },
        retryDelay: (failureCount, error) => {
          const throttle = throttleFrom(error, Date.now());
          return throttle
            ? throttle.until - Date.now()
            : Math.min(30_000, 1_000 * 2 ** failureCount);
        },
        staleTime: 5_000,
      },
    },
  });
}
