import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const withKey = (key: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url: '/scanner/api/v1/sessions',
    payload: {},
    headers: key === undefined ? {} : { 'x-api-key': key },
  });

describe('API key auth', () => {
  it('accepts a valid key and says what is wrong with the others, always 401', async () => {
    expect((await withKey(t.key)).statusCode).toBe(201);
    const cases: [string | undefined, RegExp][] = [
      [undefined, /X-API-Key header/],
      ['nonsense', /malformed/],
      [t.key.slice(0, -1) + (t.key.endsWith('0') ? '1' : '0'), /checksum/],
      [formatApiKey('cpk', 'A'.repeat(32)), /not known/],
    ];
    for (const [key, message] of cases) {
      const res = await withKey(key);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('stores only a SHA-256 of the key', async () => {
    const rows = await t.sql.all<Record<string, unknown>>('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(t.key);
    expect(rows[0]?.['key_hash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses revoked and expired keys', async () => {
    const { keys } = t.app.services;
    const revoked = await keys.create(t.orgId, { prefix: 'cpk' });
    await keys.revoke(revoked.row.id);
    expect((await withKey(revoked.key)).json().error.message).toMatch(/revoked/);
    const expiring = await keys.create(t.orgId, {
      prefix: 'cpk',
      expiresAt: new Date(t.clock.now() + 1000).toISOString(),
    });
    expect((await withKey(expiring.key)).statusCode).toBe(201);
    t.clock.advance(1000);
    expect((await withKey(expiring.key)).json().error.message).toMatch(/expired/);
  });

  it('leaves the health check, the docs and the OpenAPI document public', async () => {
    for (const url of ['/healthz', '/scanner/api/v1/openapi.json', '/scanner/api/v1/docs']) {
      expect((await t.app.inject({ url })).statusCode).toBe(200);
    }
  });
});
