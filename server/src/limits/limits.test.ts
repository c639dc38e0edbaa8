import { afterEach, describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from '#contract';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
afterEach(() => t.close());

const createSession = (headers: Record<string, string> = {}, body: object = {}) =>
  t.call({ method: 'POST', url: '/scanner/api/v1/sessions', body, headers });

describe('rate limits', () => {
  it('puts both header sets on every response and answers 429 with Retry-After when spent', async () => {
    t = await createTestApp({ rateLimits: { perMinute: 3, perDay: 100 } });
    t.clock.advance(15_000 - (t.clock.now() % 60_000)); // 15 s into a minute window
    for (let i = 0; i < 3; i++) {
      const res = await createSession();
      expect(res.statusCode).toBe(201);
      expect(res.headers['ratelimit-remaining']).toBe(String(2 - i));
      expect(res.headers['x-ratelimit-limit']).toBe('3');
    }
    const limited = await createSession();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', retry_after_seconds: 45 });
    const state = parseRateLimitHeaders(
      (n) => (limited.headers[n.toLowerCase()] as string | undefined) ?? null,
      t.clock.now(),
    );
    expect(state).toMatchObject({ limit: 3, remaining: 0, retryAfterSeconds: 45 });
    expect(limited.headers['ratelimit-policy']).toBe('3;w=60, 100;w=86400');
    // A 404 still counts and still carries the headers.
    t.clock.advance(45_000);
    const notFound = await t.call({ url: '/scanner/api/v1/sessions/2222222222222222222222' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['ratelimit-remaining']).toBe('2');
  });

  it('reports the day window once it is the more restrictive, and keys are counted apart', async () => {
    t = await createTestApp({ rateLimits: { perMinute: 100, perDay: 2 } });
    await createSession();
    const second = await createSession();
    expect(second.headers['ratelimit-limit']).toBe('2');
    const third = await createSession();
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/Daily/);
    expect((await createSession({ 'x-api-key': await t.otherKey() })).statusCode).toBe(201);
  });

  it('can run a shorter short window, and says so in the policy', async () => {
    t = await createTestApp({ rateLimits: { perMinute: 2, perDay: 100, shortWindowSeconds: 5 } });
    t.clock.advance(5_000 - (t.clock.now() % 5_000) + 1_000); // 1 s into a 5 s window
    await createSession();
    await createSession();
    const limited = await createSession();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('4');
    expect(limited.headers['ratelimit-policy']).toBe('2;w=5, 100;w=86400');
    t.clock.advance(4_000);
    expect((await createSession()).statusCode).toBe(201);
  });

  it('does not count refused requests: a client retrying in a blocked minute keeps its day', async () => {
    t = await createTestApp({ rateLimits: { perMinute: 2, perDay: 5 } });
    t.clock.advance(60_000 - (t.clock.now() % 60_000));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await createSession()).statusCode);
    expect(statuses).toEqual([201, 201, 429, 429, 429, 429]);
    t.clock.advance(60_000);
    expect((await createSession()).statusCode).toBe(201);
    const fourth = await createSession();
    expect(fourth.statusCode).toBe(201);
    expect(fourth.headers['ratelimit-remaining']).toBe('0'); // the minute's, 2 of 2
    t.clock.advance(60_000);
    const fifth = await createSession();
    expect(fifth.statusCode).toBe(201);
    expect((await createSession()).json().error.message).toMatch(/Daily/);
  });

  it('honours per-key overrides', async () => {
    t = await createTestApp();
    const { key, row } = await t.app.services.keys.create(t.orgId, { prefix: 'cpk' });
    await t.sql.run('UPDATE api_keys SET rate_limit_per_minute = 1 WHERE id = ?', [row.id]);
    expect((await createSession({ 'x-api-key': key })).statusCode).toBe(201);
    expect((await createSession({ 'x-api-key': key })).statusCode).toBe(429);
  });
});

describe('idempotency', () => {
  it('replays the stored response for the same key and body', async () => {
    t = await createTestApp();
    const first = await createSession({ 'idempotency-key': 'k1' }, { capture_mode: 'both' });
    const again = await createSession({ 'idempotency-key': 'k1' }, { capture_mode: 'both' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await t.sql.get('SELECT COUNT(*) AS n FROM sessions')).toEqual({ n: 1 });
  });

  it('answers 409 for the same key with a different body', async () => {
    t = await createTestApp();
    await createSession({ 'idempotency-key': 'k2' }, { capture_mode: 'both' });
    const other = await createSession(
      { 'idempotency-key': 'k2' },
      { capture_mode: 'barcode_scan' },
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/different request/);
  });

  it('makes one row from concurrent duplicates', async () => {
    t = await createTestApp();
    const session = (await createSession()).json().id as string;
    const body = { session_short_id: session, capture_type: 'BARCODE', raw_value: '96385074' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.call({
          method: 'POST',
          url: '/scanner/api/v1/captures',
          body,
          headers: { 'idempotency-key': 'scan-1' },
        }),
      ),
    );
    // The write and its key commit together, so no duplicate ever sees a half-done claim:
    // every one gets the one capture, all but the first as a replay.
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
    expect(await t.sql.get('SELECT COUNT(*) AS n FROM captures')).toEqual({ n: 1 });
  });

  it('keeps keys for 24 hours, then forgets them', async () => {
    t = await createTestApp();
    await createSession({ 'idempotency-key': 'k3' });
    t.clock.advance(24 * 3_600_000 + 1);
    expect((await t.app.maintenance()).purgedKeys).toBe(1);
    await createSession({ 'idempotency-key': 'k3' });
    expect(await t.sql.get('SELECT COUNT(*) AS n FROM sessions')).toEqual({ n: 2 });
  });
});
