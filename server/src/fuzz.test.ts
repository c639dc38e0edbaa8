import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/harness';

/**
 * Throws thousands of random and malformed bodies at every endpoint. Whatever arrives, the
 * server must answer with a 2xx/4xx envelope (never a 5xx) and leave the database intact.
 */
let t: TestApp;
let ids: { session: string; capture: string; photo: string; proposal: string };

beforeAll(async () => {
  t = await createTestApp({
    rateLimits: { perMinute: 1e9, perDay: 1e9 },
    ipRateLimits: { perMinute: 1e9, perDay: 1e9 },
  });
  const session = (
    await t.call({ method: 'POST', url: '/scanner/api/v1/sessions', body: {} })
  ).json().id;
  const capture = (
    await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: session, capture_type: 'BARCODE', raw_value: '5012345678900' },
    })
  ).json().id;
  await t.app.services.pipeline.idle();
  const proposal = (
    await t.call({ url: `/scanner/api/v1/captures/${capture}/proposals` })
  ).json()[0].id;
  ids = { session, capture, photo: '2222222222222222222222', proposal };
});
afterAll(async () => {
  await t.close();
  // The tally, for the record (the closing note quotes it).
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(
    'test-results/fuzz-statuses.json',
    JSON.stringify(Object.fromEntries([...tally].sort(([a], [b]) => a - b)), null, 1),
  );
});

const tally = new Map<number, number>();
const count = (status: number) => tally.set(status, (tally.get(status) ?? 0) + 1);

const ENDPOINTS: [string, (i: typeof ids) => string][] = [
  ['POST', () => '/scanner/api/v1/sessions'],
  ['GET', (i) => `/scanner/api/v1/sessions/${i.session}`],
  ['GET', (i) => `/scanner/api/v1/sessions/${i.session}/status`],
  ['POST', () => '/scanner/api/v1/captures'],
  ['GET', (i) => `/scanner/api/v1/captures/${i.capture}`],
  ['POST', (i) => `/scanner/api/v1/captures/${i.capture}/retry`],
  ['POST', () => '/scanner/api/v1/captures/upload-image'],
  ['GET', (i) => `/scanner/api/v1/sessions/${i.session}/presigned-upload-url`],
  ['POST', () => '/scanner/uploads'],
  ['POST', (i) => `/scanner/api/v1/sessions/${i.session}/photos`],
  ['PATCH', (i) => `/scanner/api/v1/sessions/${i.session}/photos/${i.photo}`],
  ['POST', (i) => `/scanner/api/v1/sessions/${i.session}/photos/reorder`],
  ['GET', (i) => `/scanner/api/v1/captures/${i.capture}/proposals`],
  ['PATCH', (i) => `/scanner/api/v1/proposals/${i.proposal}`],
  ['POST', (i) => `/scanner/api/v1/captures/${i.capture}/apply`],
  ['POST', () => '/scanner/api/v1/resolve-url'],
  ['POST', (i) => `/scanner/api/v1/captures/${i.capture}/save-redirect`],
  ['POST', () => '/products/api/v1/digital-link/parse'],
];

/** Bodies shaped like real ones but with hostile values, plus arbitrary JSON and raw bytes. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 600 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '../../etc/passwd',
    'ftp://x',
    'http://127.0.0.1:1/',
    '4006381333931',
    'https://id.gs1.org/01/09506000134352',
  ),
  fc.dictionary(fc.string(), fc.string()),
  fc.array(fc.string()),
);
const FIELDS = [
  'session_short_id',
  'capture_type',
  'raw_value',
  'metadata',
  'gtin',
  'gs1_dl_data',
  'capture_mode',
  'device_context',
  'user_agent',
  's3_key',
  'photo_type',
  'photo_short_ids',
  'status',
  'url',
  'capture_short_id',
  'file_size',
  'original_filename',
];
const shaped = fc.dictionary(fc.constantFrom(...FIELDS), hostileValue);
const deep = fc
  .integer({ min: 20, max: 20_000 })
  .map((n) => ({ json: `{"metadata":${'['.repeat(n)}${']'.repeat(n)}}` }));

/** Multipart forms: too many parts, too many files, forged or non-ASCII signatures. */
const form = fc
  .record({
    parts: fc.integer({ min: 0, max: 40 }),
    files: fc.integer({ min: 0, max: 3 }),
    signature: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 64 }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
    ),
    policy: fc.oneof(fc.base64String(), fc.string()),
  })
  .map(({ parts, files, signature, policy }) => {
    const b = 'fuzzboundary';
    const field = (name: string, value: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    let text = field('policy', policy) + field('x-amz-signature', signature) + field('key', 'k');
    for (let i = 0; i < parts; i++) text += field(`f${i}`, 'x');
    for (let i = 0; i < files; i++) {
      text += `--${b}\r\nContent-Disposition: form-data; name="${i ? `file${i}` : 'file'}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n`;
    }
    return { raw: Buffer.from(`${text}--${b}--\r\n`), type: `multipart/form-data; boundary=${b}` };
  });

const payload = fc.oneof(
  shaped.map((b) => ({ json: JSON.stringify(b) })),
  fc.jsonValue().map((v) => ({ json: JSON.stringify(v) })),
  fc.string().map((s) => ({ json: s })),
  deep,
  form,
  fc.uint8Array({ maxLength: 256 }).map((bytes) => ({
    raw: Buffer.from(bytes),
    type: 'multipart/form-data; boundary=x',
  })),
);

/** Percent-encodes a random choice of the path's characters: the router decodes them all. */
const encodedPath = (path: string) =>
  fc
    .array(fc.boolean(), { minLength: path.length, maxLength: path.length })
    .map((flags) =>
      [...path]
        .map((c, i) =>
          flags[i] && c !== '/' ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c,
        )
        .join(''),
    );

/** A valid key most of the time, and no key, a malformed or a non-ASCII one otherwise. */
const apiKey = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | undefined>(t.key) },
    { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    { weight: 1, arbitrary: fc.constant('csb_ÄÖÜäöüÄÖÜäöüÄÖÜäöüÄÖÜäöüÄÖÜäö_00000000') },
  );

type Payload = { json: string } | { raw: Buffer; type: string };
const headersFor = (key: string | undefined, body: Payload, idem: boolean) => ({
  ...(key === undefined ? {} : { 'x-api-key': key }),
  ...(idem ? { 'idempotency-key': 'fuzz-key' } : {}),
  'content-type': 'raw' in body ? body.type : 'application/json',
});

// A thousand requests each, over a socket too: their time depends on the machine and the
// engine (PostgreSQL adds round trips), not on what is asserted.
describe('fuzzing every endpoint', { timeout: 120_000 }, () => {
  it.each(ENDPOINTS)('%s %s never answers 5xx', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.string({ maxLength: 40 }),
        fc.oneof(fc.constant(url(ids)), encodedPath(url(ids))),
        apiKey(),
        fc.boolean(),
        async (body, query, path, key, idem) => {
          const res = await t.app.inject({
            method: method as 'GET',
            url: `${path}?photo_type=${encodeURIComponent(query)}&original_filename=${encodeURIComponent(query)}`,
            headers: headersFor(key, body, idem),
            ...(method === 'GET' ? {} : { payload: 'raw' in body ? body.raw : body.json }),
          });
          count(res.statusCode);
          expect(res.statusCode, res.body).toBeLessThan(500);
          expect(res.json()?.error?.code ?? 'ok').toBeTypeOf('string');
        },
      ),
      { numRuns: 600 },
    );
    await t.app.services.pipeline.idle();
  });

  it('over a real socket too: encoded paths, no key, hostile bodies', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const endpoint = fc.constantFrom(...ENDPOINTS);
    await fc.assert(
      fc.asyncProperty(
        endpoint.chain(([method, url]) =>
          fc.tuple(fc.constant(method), encodedPath(url(ids)), payload, apiKey(), fc.boolean()),
        ),
        async ([method, path, body, key, idem]) => {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: headersFor(key, body, idem),
            ...(method === 'GET' ? {} : { body: 'raw' in body ? body.raw : body.json }),
          });
          count(res.status);
          expect(res.status, await res.text()).toBeLessThan(500);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('leaves the database intact', async () => {
    if (t.sql.dialect === 'sqlite') {
      expect(await t.sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      expect(await t.sql.all('PRAGMA foreign_key_check')).toEqual([]);
    }
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect([...tally.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});
