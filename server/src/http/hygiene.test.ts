import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PresignResponse } from '#contract';
import { createTestApp, type TestApp } from '../test/harness';
import { selfSignedLocalhost } from '../test/tls';

let t: TestApp;
afterEach(() => t.close());

function builtApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanner-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Scanner</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc.js'), `console.log("${'x'.repeat(20_000)}")`);
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc.js.map'), '{"sources":["secret.ts"]}');
  return dir;
}

describe('HTTP hygiene', () => {
  it('compresses the app and big API answers with brotli or gzip', async () => {
    t = await createTestApp({ staticDir: builtApp() });
    const br = await t.app.inject({
      url: '/assets/app-abc.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(1_000);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('console.log');
    const session = await t.createSession();
    for (let i = 0; i < 20; i++) await t.scan(session, '4006381333931');
    const detail = await t.call({
      url: `/scanner/api/v1/sessions/${session}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(detail.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(detail.rawPayload).toString()).captures).toHaveLength(20);
  });

  it('sends a build-time .br as it is, and never serves .br or .gz by their own names', async () => {
    const dir = builtApp();
    const source = `console.log("${'y'.repeat(5_000)}")`;
    fs.writeFileSync(path.join(dir, 'assets', 'pre-abc.js'), source);
    const br = brotliCompressSync(Buffer.from(source));
    fs.writeFileSync(path.join(dir, 'assets', 'pre-abc.js.br'), br);
    t = await createTestApp({ staticDir: dir });
    const res = await t.app.inject({
      url: '/assets/pre-abc.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload).toEqual(br);
    expect((await t.app.inject({ url: '/assets/pre-abc.js.br' })).statusCode).toBe(404);
  });

  it('keeps authenticated answers out of every cache', async () => {
    t = await createTestApp();
    const res = await t.call({ method: 'POST', url: '/scanner/api/v1/sessions', body: {} });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends no HSTS over plain HTTP, and frames nowhere, in both headers', async () => {
    t = await createTestApp();
    const plain = await t.app.inject({ url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS over HTTPS', async () => {
    const tls = await selfSignedLocalhost();
    t = await createTestApp({
      serverFactory: (handler) => https.createServer(tls, handler),
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      https
        .get(`https://localhost:${port}/healthz`, { ca: tls.cert }, (res) => {
          res.resume();
          resolve(res.headers);
        })
        .on('error', reject);
    });
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('allows CORS for its own origin and the configured ones only', async () => {
    t = await createTestApp({ origins: { corsOrigins: ['https://qa.example'] } });
    const from = (origin: string, host = 'localhost:8787') =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/scanner/api/v1/sessions',
        headers: { origin, host, 'access-control-request-method': 'POST' },
      });
    expect((await from('https://evil.example')).headers['access-control-allow-origin']).toBe(
      undefined,
    );
    expect((await from('https://qa.example')).headers['access-control-allow-origin']).toBe(
      'https://qa.example',
    );
    expect((await from('http://localhost:8787')).headers['access-control-allow-origin']).toBe(
      'http://localhost:8787',
    );
    // A Host that is not this machine's does not make its page "same origin".
    expect(
      (await from('http://evil.example:8787', 'evil.example:8787')).headers[
        'access-control-allow-origin'
      ],
    ).toBeUndefined();
  });

  it('builds upload URLs from the public origin, never from a forged Host', async () => {
    const presign = async (host: string) =>
      PresignResponse.parse(
        (
          await t.call({
            url: `/scanner/api/v1/sessions/${session}/presigned-upload-url?photo_type=front&original_filename=a.jpg`,
            headers: { host },
          })
        ).json(),
      ).upload_url;
    t = await createTestApp();
    let session = await t.createSession({ capture_mode: 'both' });
    expect(await presign('localhost:8787')).toBe('http://localhost:8787/scanner/uploads');
    expect(await presign('evil.example')).toMatch(/^http:\/\/localhost(:\d+)?\/scanner\/uploads$/);
    await t.close();
    t = await createTestApp({ origins: { publicOrigin: 'https://scanner.store.example' } });
    session = await t.createSession({ capture_mode: 'both' });
    expect(await presign('localhost:8787')).toBe('https://scanner.store.example/scanner/uploads');
  });

  it('serves no source maps', async () => {
    t = await createTestApp({ staticDir: builtApp() });
    const res = await t.app.inject({ url: '/assets/app-abc.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
  });
});
