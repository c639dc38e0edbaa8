import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

/** A loopback site: /hop/N redirects down to /hop/0, which answers 200; /loop redirects forever. */
let site: http.Server;
let base: string;
beforeAll(async () => {
  site = http.createServer((req, res) => {
    const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
    if (hop && Number(hop[1]) > 0) {
      res.writeHead(302, { Location: `/hop/${Number(hop[1]) - 1}` }).end();
    } else if (req.url === '/loop') {
      res.writeHead(301, { Location: '/loop' }).end();
    } else if (req.url === '/dl') {
      res.writeHead(307, { Location: `${base}/01/09506000134352` }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>product</h1>');
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

let t: TestApp;
afterEach(() => t.close());

const resolve = (url: string) =>
  t.call({ method: 'POST', url: '/scanner/api/v1/resolve-url', body: { url } });

describe('resolve-url', () => {
  it('follows a redirect chain and reports every hop', async () => {
    t = await createTestApp({ allowPrivateUrls: true });
    const res = await resolve(`${base}/hop/3`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      initial_url: `${base}/hop/3`,
      final_url: `${base}/hop/0`,
      hops: 3,
      error_message: '',
      succeeded: true,
      chain: [`${base}/hop/3`, `${base}/hop/2`, `${base}/hop/1`, `${base}/hop/0`],
    });
  });

  it('stops after 10 redirects with a reason, and refuses private addresses unless allowed', async () => {
    t = await createTestApp({ allowPrivateUrls: true });
    const loop = (await resolve(`${base}/loop`)).json();
    expect(loop).toMatchObject({
      succeeded: false,
      final_url: `${base}/loop`,
      error_message: 'Too many redirects (more than 10).',
    });
    expect((await resolve(`${base}/hop/10`)).json().succeeded).toBe(true);
    await t.close();
    t = await createTestApp();
    expect((await resolve(`${base}/hop/1`)).json()).toMatchObject({
      succeeded: false,
      error_message: 'Refused: the address is private or local.',
      chain: [],
    });
  });

  it('answers 200 with a reason for non-HTTP schemes and unreachable hosts', async () => {
    t = await createTestApp({ allowPrivateUrls: true });
    expect((await resolve('ftp://example.com/x')).json()).toMatchObject({
      succeeded: false,
      hops: 0,
    });
    expect((await resolve('http://127.0.0.1:1/')).json()).toMatchObject({
      succeeded: false,
      error_message: 'Connection refused.',
    });
    expect((await resolve('')).statusCode).toBe(422);
  });

  it('fills qr_analysis for a URL capture and finds the product behind a Digital Link', async () => {
    t = await createTestApp({ allowPrivateUrls: true });
    const id = await t.scan(await t.createSession(), `${base}/dl`);
    const capture = (await t.call({ url: `/scanner/api/v1/captures/${id}` })).json();
    expect(capture).toMatchObject({
      status: 'COMPLETED',
      gtin: '09506000134352',
      product_name: 'GS1 Example Product',
    });
    expect(capture.qr_analysis).toMatchObject({
      initial_url: `${base}/dl`,
      final_url: `${base}/01/09506000134352`,
      hop_count: 1,
      resolver_type: 'GS1_DL',
      extracted_gtin: '09506000134352',
      error_message: '',
    });
    expect(capture.qr_analysis.hops[0]).toMatchObject({ status_code: 307 });

    const saved = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/captures/${id}/save-redirect`,
      body: { url: capture.qr_analysis.final_url },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      scope_type: 'PRODUCT',
      order_index: 0,
      destination_type: 'CUSTOM_URL',
      is_active: true,
    });
    const second = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/captures/${id}/save-redirect`,
      body: { url: 'https://example.com/p' },
    });
    expect(second.json().order_index).toBe(1);
  });

  it('refuses save-redirect before the capture has a product', async () => {
    t = await createTestApp({ allowPrivateUrls: true });
    const id = await t.scan(await t.createSession(), `${base}/hop/0`);
    const res = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/captures/${id}/save-redirect`,
      body: { url: 'https://example.com' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('digital-link parse', () => {
  it('parses through the Products API path', async () => {
    t = await createTestApp();
    const res = await t.call({
      method: 'POST',
      url: '/products/api/v1/digital-link/parse',
      body: { url: 'https://gtin1.com/01/00614141123452/10/LOT1' },
    });
    expect(res.json()).toMatchObject({ is_valid: true, gtin: '00614141123452', lot: 'LOT1' });
  });
});
