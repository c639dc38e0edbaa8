import { describe, expect, it } from 'vitest';
import { ApiError, ContractError, NetworkError } from '../../lib/api-client';
import { apiDelivery, queuedBecause } from './delivery-policy';

const api = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError(status, 'X', 'x', [], retryAfterSeconds, null);

const delay = (attempt: number, error: unknown) => {
  if (!apiDelivery.delayMs) throw new Error('apiDelivery has no delay rule');
  return apiDelivery.delayMs(attempt, error);
};

describe('apiDelivery', () => {
  it.each([
    ['the network', new NetworkError('offline'), true],
    ['a 429', api(429, 5), true],
    ['a 500', api(500), true],
    ['a 503', api(503), true],
    ['an in-flight 409 (Retry-After)', api(409, 1), true],
    ['a final 409 (closed session, key reused)', api(409), false],
    ['a 404', api(404), false],
    ['a 422', api(422), false],
    ['a 499', api(499), false],
  ])('retries %s: %s', (_name, error, expected) => {
    expect(apiDelivery.retryable(error)).toBe(expected);
  });

  it('waits out a 429 and an in-flight 409 for as long as they ask, and backs off to 30 s', () => {
    expect(delay(0, api(429, 7))).toBeGreaterThan(6_900);
    expect(delay(0, api(429, 7))).toBeLessThanOrEqual(7_000);
    expect(delay(3, api(409, 2))).toBe(2_000);
    expect(delay(0, api(500))).toBe(1_000);
    expect(delay(2, new NetworkError('x'))).toBe(4_000);
    expect(delay(5, api(500))).toBe(30_000);
    expect(delay(20, api(500))).toBe(30_000);
  });

  it('says why an item waits', () => {
    expect(queuedBecause(new NetworkError('x'))).toBe('offline');
    expect(queuedBecause(api(503))).toBe('busy');
    expect(queuedBecause(new ContractError('x', []))).toBe('busy');
  });
});
