import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Health, LanInfo, parseErrorBody } from '#contract';
import { createApp } from './app';
import { openSqlite } from './store/sqlite';
import { createTestApp } from './test/harness';

const base = () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanner-app-'));
  return { sql: openSqlite(':memory:'), dataDir };
};

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function builtApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanner-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Scanner</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dir;
}

describe('createApp', () => {
  it('answers the health check with the contract shape', async () => {
    app = await createApp({ ...base(), version: '1.2.3' });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(Health.parse(res.json())).toEqual({ status: 'ok', version: '1.2.3' });
  });

  it('says it is not on the LAN when started without --lan, instead of a 404', async () => {
    app = await createApp({ ...base(), version: '1.2.3' });
    const res = await app.inject({ method: 'GET', url: '/trust/info.json' });
    expect(res.statusCode).toBe(200);
    expect(LanInfo.parse(res.json())).toEqual({ lan: false });
  });

  it('serves the shell for deep links and caches hashed assets for a year', async () => {
    app = await createApp({ ...base(), version: 't', staticDir: builtApp() });
    const page = await app.inject({ url: '/sessions/abc/scan', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Scanner</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('answers unknown API paths with the error envelope, never the shell', async () => {
    const t = await createTestApp({ staticDir: builtApp() });
    const res = await t.call({
      url: '/scanner/api/v1/nope',
      headers: { accept: 'text/html,application/json' },
    });
    expect(res.statusCode).toBe(404);
    expect(parseErrorBody(res.json(), 404).code).toBe('NOT_FOUND');
    const anonymous = await t.app.inject({
      url: '/scanner/api/v1/nope',
      headers: { accept: 'text/html' },
    });
    // No route matched, so there is nothing to authenticate for: the envelope, not the shell.
    expect(anonymous.statusCode).toBe(404);
    expect(parseErrorBody(anonymous.json(), 404).code).toBe('NOT_FOUND');
    await t.close();
  });

  it('says how to build when the app has not been built', async () => {
    app = await createApp({
      ...base(),
      version: 't',
      staticDir: path.join(os.tmpdir(), 'missing-dist'),
    });
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/npm run build/);
  });

  it('sends security headers that still allow the wasm decoder and the camera', async () => {
    app = await createApp({ ...base(), version: 't' });
    const res = await app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers['permissions-policy']).toContain('camera=(self)');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
