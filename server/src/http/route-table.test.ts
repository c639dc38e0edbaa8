import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '#contract';
import { createTestApp, type TestApp } from '../test/harness';
import { onlyTableRoutes } from './route';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe("the contract's table of endpoints", () => {
  it('is what the server registers: every endpoint, with its access', async () => {
    t = await createTestApp();
    for (const e of Object.values(ENDPOINTS)) {
      expect(t.app.hasRoute({ method: e.method, url: e.path }), `${e.method} ${e.path}`).toBe(true);
      // A key endpoint refuses a request without one; a public one answers it.
      const res = await t.app.inject({ method: e.method, url: e.path.replace(/:\w+/g, 'x') });
      if (e.access === 'key') expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
      else expect(res.statusCode).not.toBe(401);
    }
  });

  it('stops start-up at an API route the table does not name', async () => {
    const app = Fastify();
    onlyTableRoutes(app, ['/scanner/api/'], ['/scanner/api/v1/docs']);
    app.get('/scanner/api/v1/docs', () => 'allowed');
    app.get(ENDPOINTS.getSession.path, () => 'tabled');
    app.get('/elsewhere', () => 'not the API');
    expect(() => app.post('/scanner/api/v1/sessions/:id/clone', () => 'x')).toThrow(
      /POST \/scanner\/api\/v1\/sessions\/:id\/clone is not in the contract's table/,
    );
    await app.close();
  });
});
