import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseRetryAfter, rateLimitHeaders } from './rate-limit';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const minute = { limit: 300, windowSeconds: 60, remaining: 299, resetSeconds: 42 };
const day = { limit: 10_000, windowSeconds: 86_400, remaining: 9_000, resetSeconds: 3_600 };

describe('rateLimitHeaders', () => {
  it('reports the window with the fewest requests left, in both header sets', () => {
    expect(rateLimitHeaders([minute, day], NOW)).toEqual({
      'RateLimit-Policy': '300;w=60, 10000;w=86400',
      'RateLimit-Limit': '300',
      'RateLimit-Remaining': '299',
      'RateLimit-Reset': '42',
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '299',
      'X-RateLimit-Reset': String(NOW / 1000 + 42),
    });
  });

  it('switches to the day window when it is the more restrictive', () => {
    const h = rateLimitHeaders([minute, { ...day, remaining: 5 }], NOW);
    expect(h['RateLimit-Limit']).toBe('10000');
    expect(h['RateLimit-Remaining']).toBe('5');
    expect(h['RateLimit-Reset']).toBe('3600');
  });
});

describe('parseRateLimitHeaders', () => {
  it('round-trips what the server sends', () => {
    const headers = new Headers(rateLimitHeaders([minute, day], NOW));
    expect(parseRateLimitHeaders((n) => headers.get(n), NOW)).toEqual({
      limit: 300,
      remaining: 299,
      resetAtMs: NOW + 42_000,
      policy: [
        { limit: 300, windowSeconds: 60 },
        { limit: 10_000, windowSeconds: 86_400 },
      ],
      retryAfterSeconds: null,
    });
  });

  it('falls back to the legacy headers, whose reset is absolute', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(NOW / 1000 + 30),
    });
    expect(parseRateLimitHeaders((n) => headers.get(n), NOW)).toMatchObject({
      limit: 100,
      remaining: 0,
      resetAtMs: NOW + 30_000,
    });
  });

  it('returns null when a response has no rate-limit headers', () => {
    expect(parseRateLimitHeaders(() => null, NOW)).toBeNull();
  });

  it('ignores garbage values rather than producing NaN', () => {
    const headers = new Headers({ 'RateLimit-Limit': 'lots', 'RateLimit-Remaining': '-3' });
    expect(parseRateLimitHeaders((n) => headers.get(n), NOW)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90);
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});
