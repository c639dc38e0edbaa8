import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from './app';
import { openSqlite } from './store/sqlite';

/** A build as Vite lays it out: the shell, its entry's chunks, and two lazy screens. */
function built({ manifest = true } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanner-preload-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, '.vite'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>Scanner</title></head><body></body></html>',
  );
  for (const f of [
    'index-a.js',
    'shared-b.js',
    'session-route-c.js',
    'list-d.js',
    'scan-e.js',
    'outbox-f.js',
  ])
    fs.writeFileSync(path.join(dir, 'assets', f), '');
  if (manifest)
    fs.writeFileSync(
      path.join(dir, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': {
          file: 'assets/index-a.js',
          isEntry: true,
          imports: ['_shared-b.js'],
          dynamicImports: ['src/app/outbox/outbox-live.ts'],
        },
        'src/app/outbox/outbox-live.ts': { file: 'assets/outbox-f.js', imports: ['_list-d.js'] },
        '_shared-b.js': { file: 'assets/shared-b.js' },
        '_list-d.js': {
          file: 'assets/list-d.js',
          imports: ['_shared-b.js'],
          css: ['assets/l.css'],
        },
        'src/app/routes/session-route.tsx': {
          file: 'assets/session-route-c.js',
          imports: ['index.html', '_shared-b.js', '_list-d.js'],
        },
        'src/app/routes/scanner-route.tsx': { file: 'assets/scan-e.js', imports: ['_list-d.js'] },
      }),
    );
  return dir;
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function page(staticDir: string, url: string) {
  app ??= await createApp({
    sql: openSqlite(':memory:'),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scanner-app-')),
    version: 't',
    staticDir,
  });
  const res = await app.inject({ url, headers: { accept: 'text/html' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  expect(res.headers['cache-control']).toBe('no-cache');
  return [...res.body.matchAll(/<link rel="(modulepreload|preload)"[^>]* href="([^"]+)"/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
}

describe('the shell of a deep link names its screen’s chunks', () => {
  it('hints the session screen’s chunks and the outbox, not what the shell loads', async () => {
    expect(await page(built(), '/sessions/abc')).toEqual([
      'modulepreload /assets/session-route-c.js',
      'modulepreload /assets/list-d.js',
      'preload /assets/l.css',
      'modulepreload /assets/outbox-f.js',
    ]);
  });

  it('matches percent-encoded ids, a trailing slash and a query', async () => {
    const dir = built();
    expect(await page(dir, '/sessions/a%2Fb%20c/scan/?x=1')).toEqual([
      'modulepreload /assets/scan-e.js',
      'modulepreload /assets/list-d.js',
      'preload /assets/l.css',
      'modulepreload /assets/outbox-f.js',
    ]);
  });

  it('names only the start-up chunks where no screen matches, Home included', async () => {
    const dir = built();
    const startUp = [
      'modulepreload /assets/outbox-f.js',
      'modulepreload /assets/list-d.js',
      'preload /assets/l.css',
    ];
    expect(await page(dir, '/')).toEqual(startUp);
    expect(await page(dir, '/?from=shortcut')).toEqual(startUp);
    expect(await page(dir, '/sessions/abc/unknown')).toEqual(startUp);
    expect(await page(dir, '/diagnostics')).toEqual(startUp); // a screen this build does not have
  });

  it('gives the plain shell when the build has no manifest', async () => {
    expect(await page(built({ manifest: false }), '/sessions/abc')).toEqual([]);
    // Home is the shell whatever the client accepts (curl, a health probe, a browser).
    const home = await app?.inject({ url: '/' });
    expect(home?.statusCode).toBe(200);
    expect(home?.body).toContain('<title>Scanner</title>');
  });

  it('does not serve the build manifest', async () => {
    const dir = built();
    await page(dir, '/');
    const res = await app?.inject({ url: '/.vite/manifest.json' });
    expect(res?.statusCode).toBe(404);
  });
});
