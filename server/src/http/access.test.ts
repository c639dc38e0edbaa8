import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/**
 * Over a real socket: percent-encoded paths must reach the router exactly as a client sends
 * them, which `inject` does not promise.
 */
let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ ipRateLimits: { perMinute: 5, perDay: 1000 } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('access is decided from the matched route', () => {
  it.each([
    '/scanner/api/%761/resolve-url',
    '/%73canner/api/v1/resolve-url',
    '/scanner/%61pi/v1/resolve-url',
    '/scanner/api/v1/%72esolve-url',
    '/%70roducts/api/v1/digital-link/parse',
    '/scanner/api/v1/%73essions',
  ])('%s without a key is 401, not run', async (path) => {
    t.clock.advance(60_000); // a fresh per-address minute for each case
    const res = await post(path, { url: 'https://example.com', digital_link: 'x' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    // Counted against the address, with the headers Part A puts on every response.
    expect(res.headers.get('ratelimit-limit')).toBe('5');
  });

  it('runs an encoded path that names a real route with a key, like the plain one', async () => {
    const res = await post('/scanner/api/v1/%73essions', {}, { 'x-api-key': t.key });
    expect(res.status).toBe(201);
  });

  it('limits requests without a key per address, 401s included', async () => {
    t.clock.advance(60_000 - (t.clock.now() % 60_000));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/scanner/api/v1/sessions', {})).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(429);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
    // A valid key is counted apart, so a store's own traffic is not held up by a prober.
    expect((await post('/scanner/api/v1/sessions', {}, { 'x-api-key': t.key })).status).toBe(201);
  });

  it('puts rate-limit headers on the public paths', async () => {
    t.clock.advance(60_000);
    for (const path of ['/healthz', '/scanner/api/v1/openapi.json', '/scanner/api/v1/docs']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toBe('5;w=60, 1000;w=86400');
    }
  });

  it('refuses to register an API route that does not say who may call it', async () => {
    const other = await createTestApp();
    try {
      expect(() => other.app.post('/scanner/api/v1/oops', () => 'open')).toThrow(
        /must declare config.access/,
      );
    } finally {
      await other.close();
    }
  });
});
