import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../http/errors';
import { multipart, pngBytes } from '../test/multipart';
import { createTestApp, type TestApp } from '../test/harness';
import { CLAIM_LEASE_MS, IDEMPOTENCY_TTL_MS } from './idempotency';

let t: TestApp;
let session: string;
beforeEach(async () => {
  t = await createTestApp();
  session = await t.createSession();
});
afterEach(() => t.close());

const count = async (table: string) =>
  (await t.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n;

const capture = (key: string, body: object, apiKey = t.key) =>
  t.call({
    method: 'POST',
    url: '/scanner/api/v1/captures',
    body,
    headers: { 'idempotency-key': key, 'x-api-key': apiKey },
  });

const scanBody = () => ({
  session_short_id: session,
  capture_type: 'BARCODE',
  raw_value: '4006381333931',
  metadata: { a: '1', b: '2' },
});

describe('idempotency keys', () => {
  it('treats a body with its keys in another order as the same request', async () => {
    const first = await capture('order', scanBody());
    const { metadata, raw_value, capture_type, session_short_id } = scanBody();
    const reordered = await capture('order', {
      metadata: { b: metadata.b, a: metadata.a },
      raw_value,
      capture_type,
      session_short_id,
    });
    expect(reordered.statusCode).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.json().id).toBe(first.json().id);
    expect(await count('captures')).toBe(1);
  });

  it('belongs to the organization, so a rotated key still finds its requests', async () => {
    const first = await capture('rotate', scanBody());
    const { key: rotated } = await t.app.services.keys.create(t.orgId, { prefix: 'csb' });
    const again = await capture('rotate', scanBody(), rotated);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('captures')).toBe(1);
    // Another organization's request with the same key is its own (and here, a 404).
    expect((await capture('rotate', scanBody(), await t.otherKey())).statusCode).toBe(404);
  });

  it('is honoured for the whole 24 hours and forgotten after them', async () => {
    const first = await capture('day', scanBody());
    t.clock.advance(60 * 60 * 1000);
    expect((await capture('day', scanBody())).json().id).toBe(first.json().id);
    t.clock.advance(IDEMPOTENCY_TTL_MS - 60 * 60 * 1000 - 1);
    expect((await t.app.maintenance()).purgedKeys).toBe(0);
    expect((await capture('day', scanBody())).json().id).toBe(first.json().id);
    t.clock.advance(1);
    // Expired but not yet purged: not replayed either.
    const later = await capture('day', scanBody());
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);
  });

  it('purges only keys past the TTL', async () => {
    await capture('old', scanBody());
    t.clock.advance(IDEMPOTENCY_TTL_MS - 1000);
    await capture('fresh', scanBody());
    t.clock.advance(1000);
    expect((await t.app.maintenance()).purgedKeys).toBe(1);
    expect((await capture('fresh', scanBody())).headers['idempotent-replayed']).toBe('true');
  });

  it('commits the record with the write: a failed write leaves the key free', async () => {
    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${session}/end` });
    expect((await capture('ended', scanBody())).statusCode).toBe(409);
    const fresh = await t.createSession();
    const ok = await capture('ended', { ...scanBody(), session_short_id: fresh });
    expect(ok.statusCode).toBe(201);
  });

  it('answers 409 with Retry-After while a claim is held, and takes over an abandoned one', async () => {
    const req = { orgId: t.orgId, key: 'claim', hash: 'h' };
    expect(await t.app.services.idempotency.claim(req)).toBeNull();
    // A temporary conflict: the error handler answers 409 with Retry-After from it.
    await expect(t.app.services.idempotency.claim(req)).rejects.toMatchObject({
      name: 'ConflictError',
      retryAfterSeconds: 1,
    });
    t.clock.advance(CLAIM_LEASE_MS);
    // The owner never answered (a crash): the claim is free again.
    expect(await t.app.services.idempotency.claim(req)).toBeNull();
  });
});

describe('upload-image idempotency', () => {
  const upload = async (key: string, raw: string, bytes: Buffer) => {
    const body = await multipart(
      { session_short_id: session, capture_type: 'IMAGE', raw_value: raw },
      { image: { bytes, name: 'p.png', type: 'image/png' } },
    );
    return t.app.inject({
      method: 'POST',
      url: '/scanner/api/v1/captures/upload-image',
      payload: body.payload,
      headers: { ...body.headers, 'x-api-key': t.key, 'idempotency-key': key },
    });
  };

  it('replays the same form and file, and refuses another file under the same key', async () => {
    const first = await upload('img', 'front', pngBytes(8));
    expect(first.statusCode).toBe(201);
    const again = await upload('img', 'front', pngBytes(8));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect((await upload('img', 'front', pngBytes(9))).statusCode).toBe(409);
    expect((await upload('img', 'back', pngBytes(8))).statusCode).toBe(409);
    expect(await count('captures')).toBe(1);
    expect(await count('uploads')).toBe(1);
  });
});

describe('bounded JSON', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it.each([
    ['/scanner/api/v1/sessions', (d: string) => `{"device_context":{"x":${d}}}`],
    ['/scanner/api/v1/captures', (d: string) => `{"metadata":${d}}`],
    ['/scanner/api/v1/resolve-url', (d: string) => `{"url":${d}}`],
  ])('refuses 10,000-deep nesting on %s with 400, key or no key', async (url, body) => {
    for (const headers of [{}, { 'idempotency-key': `deep-${url}` }]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: body(deep(10_000)),
        headers: { 'content-type': 'application/json', 'x-api-key': t.key, ...headers },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/nests deeper than 32/);
    }
  });

  it('does not count brackets inside strings', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: { user_agent: '['.repeat(500), device_context: { note: '{\\"['.repeat(100) } },
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses a deep metadata field in a multipart form', async () => {
    const body = await multipart(
      {
        session_short_id: session,
        capture_type: 'IMAGE',
        raw_value: 'x',
        metadata: `{"a":${deep(5000)}}`,
      },
      { image: { bytes: pngBytes(), name: 'p.png', type: 'image/png' } },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/scanner/api/v1/captures/upload-image',
      payload: body.payload,
      headers: { ...body.headers, 'x-api-key': t.key, 'idempotency-key': 'deep-form' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/metadata nests deeper/);
  });
});

describe('what makes two requests the same', () => {
  const post = (url: string, key: string, body: object = {}) =>
    t.call({ method: 'POST', url, body, headers: { 'idempotency-key': key } });

  it('is the route, its parameters and its query as well as the body', async () => {
    const other = await t.createSession();
    expect((await post(`/scanner/api/v1/sessions/${session}/end`, 'k-route')).statusCode).toBe(200);
    // Same key, same (empty) body, another route: another request.
    const submit = await post(`/scanner/api/v1/sessions/${session}/submit`, 'k-route');
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.message).toMatch(/different request/);
    // Same route, another session.
    const elsewhere = await post(`/scanner/api/v1/sessions/${other}/end`, 'k-route');
    expect(elsewhere.statusCode).toBe(409);
    // Same route and body, another query.
    await post('/scanner/api/v1/sessions?tag=a', 'k-query');
    expect((await post('/scanner/api/v1/sessions?tag=b', 'k-query')).statusCode).toBe(409);
  });

  it('applies to POST only: a PATCH with a key is applied every time', async () => {
    const patch = (note: string) =>
      t.call({
        method: 'PATCH',
        url: `/scanner/api/v1/sessions/${session}`,
        body: { metadata: { note } },
        headers: { 'idempotency-key': 'k-patch' },
      });
    expect((await patch('one')).statusCode).toBe(200);
    const second = await patch('two');
    expect(second.statusCode).toBe(200);
    expect(second.json().metadata).toEqual({ note: 'two' });
  });

  it('takes keys up to 255 characters', async () => {
    expect((await post('/scanner/api/v1/sessions', 'k'.repeat(255))).statusCode).toBe(201);
    const long = await post('/scanner/api/v1/sessions', 'k'.repeat(256));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 255/);
  });

  it('replays a record kept from before the hash changed, whatever the body', async () => {
    const first = await capture('legacy', scanBody());
    await t.sql.run("UPDATE idempotency_records SET request_hash = '' WHERE idem_key = 'legacy'");
    const again = await capture('legacy', { ...scanBody(), raw_value: '96385074' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
  });

  it('says a held claim is in flight', async () => {
    const req = { orgId: t.orgId, key: 'msg', hash: 'h' };
    await t.app.services.idempotency.claim(req);
    await expect(t.app.services.idempotency.claim(req)).rejects.toThrow(/in flight; send it again/);
    await expect(t.app.services.idempotency.claim({ ...req, hash: 'other' })).rejects.toThrow(
      /different request/,
    );
  });
});

describe('a route that waits on the network holds a claim', () => {
  let site: http.Server;
  let base: string;
  beforeEach(async () => {
    await t.close();
    t = await createTestApp({ allowPrivateUrls: true });
    site = http.createServer((req, res) =>
      req.url === '/boom' ? req.socket.destroy() : res.writeHead(200).end('ok'),
    );
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((r) => site.close(() => r())));

  const resolveUrl = (url: string, key: string) =>
    t.call({
      method: 'POST',
      url: '/scanner/api/v1/resolve-url',
      body: { url },
      headers: { 'idempotency-key': key },
    });

  it('records the answer and replays it', async () => {
    const first = await resolveUrl(`${base}/p`, 'net');
    expect(first.statusCode).toBe(200);
    const again = await resolveUrl(`${base}/p`, 'net');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
  });

  it('lets the key go when the handler fails, so a retry runs again', async () => {
    const failing = vi.spyOn(t.app.services.idempotency, 'finish').mockImplementationOnce(() => {
      throw new HttpError(422, 'refused');
    });
    expect((await resolveUrl(`${base}/p`, 'net-fail')).statusCode).toBe(422);
    failing.mockRestore();
    const retry = await resolveUrl(`${base}/p`, 'net-fail');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not keep a 5xx: the key is free again', async () => {
    const { idempotency } = t.app.services;
    const req = { orgId: t.orgId, key: 'five', hash: 'h' };
    await idempotency.claim(req);
    await idempotency.finish(req, { status: 500, body: '{}' });
    expect(await idempotency.claim(req)).toBeNull();
    await idempotency.finish(req, { status: 200, body: '{"ok":1}' });
    expect(await idempotency.claim(req)).toEqual({ status: 200, body: '{"ok":1}' });
  });
});
