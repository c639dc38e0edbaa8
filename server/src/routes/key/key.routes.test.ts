import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyInfo } from '#contract';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('GET /scanner/api/v1/key (Part A extension)', () => {
  it('describes the key the request came with, and refuses a missing or unknown one', async () => {
    const res = await t.call({ url: '/scanner/api/v1/key' });
    expect(res.statusCode).toBe(200);
    expect(KeyInfo.parse(res.json())).toEqual({ prefix: t.key.split('_')[0], expires_at: null });
    const none = await t.app.inject({ method: 'GET', url: '/scanner/api/v1/key' });
    expect(none.statusCode).toBe(401);
  });
});
