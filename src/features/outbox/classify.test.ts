import { describe, expect, it } from 'vitest';
import { errorEnvelope } from '#contract';
import { apiErrorFrom, ContractError, NetworkError } from '../../lib/api-client';
import { backoffMs, classify } from './classify';

const api = (status: number, retryAfter?: number) =>
  apiErrorFrom(
    errorEnvelope(status, `HTTP ${status} from the API.`, null, retryAfter),
    status,
    null,
    0,
  );
const page = (status: number) => apiErrorFrom('<html>…</html>', status, null, 0);

describe('classify', () => {
  it('calls no answer offline only when the browser says so; otherwise unconfirmed', () => {
    expect(classify(new NetworkError('Failed to fetch'), false)).toEqual({
      type: 'unknown',
      reason: 'offline',
      message: 'This device is offline.',
      retryAfterMs: null,
    });
    expect(classify(new NetworkError('Failed to fetch'), true)).toMatchObject({
      type: 'unknown',
      reason: 'unconfirmed',
      retryAfterMs: null,
    });
  });

  it('never takes an answer it cannot read as final: a cut 2xx, a portal page, a proxy error', () => {
    expect(classify(new ContractError('Unexpected response', []), true)).toMatchObject({
      type: 'unknown',
      reason: 'unconfirmed',
    });
    for (const status of [200, 302, 403, 404, 409, 422, 502]) {
      expect(classify(page(status), true)).toMatchObject({
        type: 'unknown',
        reason: 'unconfirmed',
        message: `HTTP ${status} came from something other than the API.`,
        retryAfterMs: null,
      });
    }
  });

  it('waits as long as a 429 or an in-flight 409 asks, and 30 s for a 429 that does not say', () => {
    expect(classify(api(429, 7), true)).toEqual({
      type: 'unknown',
      reason: 'busy',
      message: 'The server asked to slow down.',
      retryAfterMs: 7_000,
    });
    expect(classify(api(429), true)).toMatchObject({ retryAfterMs: 30_000 });
    expect(classify(api(409, 2), true)).toEqual({
      type: 'unknown',
      reason: 'unconfirmed',
      message: 'The server is still processing it.',
      retryAfterMs: 2_000,
    });
  });

  it('retries the API failing (5xx, 408), with its Retry-After when it gives one', () => {
    expect(classify(api(503, 4), true)).toEqual({
      type: 'unknown',
      reason: 'busy',
      message: 'The server failed (HTTP 503).',
      retryAfterMs: 4_000,
    });
    expect(classify(api(500), true)).toMatchObject({ reason: 'busy', retryAfterMs: null });
    expect(classify(api(408), true)).toMatchObject({ type: 'unknown', reason: 'busy' });
  });

  it("refuses only on the API's own error with a status it will repeat, keeping its words", () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      expect(classify(api(status), true)).toEqual({
        type: 'refused',
        message: `HTTP ${status} from the API.`,
        status,
      });
    }
    expect(classify(new TypeError('payload.map is not a function'), true)).toEqual({
      type: 'refused',
      message: 'payload.map is not a function',
      status: null,
    });
    expect(classify('odd', true)).toEqual({ type: 'refused', message: 'odd', status: null });
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s to a 30 s ceiling, jittered over its upper half', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => backoffMs(n, high))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect([1, 2, 6].map((n) => backoffMs(n, low))).toEqual([500, 1_000, 15_000]);
    expect(backoffMs(0, high)).toBe(1_000);
  });
});
