import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { throttleFrom } from './throttle';

const limited = (retryAfter: number | null) =>
  new ApiError(429, 'RATE_LIMITED', 'slow down', [], retryAfter, null);

describe('throttleFrom', () => {
  it('reads a minute-window 429 as slowing down, for its Retry-After', () => {
    expect(throttleFrom(limited(12), 1_000)).toEqual({ until: 13_000, daily: false });
  });

  it('reads a wait of more than five minutes as the daily allowance spent', () => {
    expect(throttleFrom(limited(3_600), 0)).toEqual({ until: 3_600_000, daily: true });
  });

  it('ignores every other error, and assumes 30 s when no Retry-After came', () => {
    expect(throttleFrom(new ApiError(500, 'INTERNAL', 'x', [], null, null), 0)).toBeNull();
    expect(throttleFrom(new Error('x'), 0)).toBeNull();
    expect(throttleFrom(limited(null), 0)).toEqual({ until: 30_000, daily: false });
  });
});
