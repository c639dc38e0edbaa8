import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

/**
 * Retries follow the contract's guidance: retry network failures, 429 and 5xx with backoff;
 * never other 4xx, which will not get better by asking again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status < 500 && error.status !== 429) return false;
          return failureCount < 3;
        },
        staleTime: 5_000,
      },
    },
  });
}
