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
  t = await createTestApp({ rateLimits: { perMinute: 1e9, perDay: 1e9 } });
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
afterAll(() => t.close());

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
const payload = fc.oneof(
  shaped.map((b) => ({ json: JSON.stringify(b) })),
  fc.jsonValue().map((v) => ({ json: JSON.stringify(v) })),
  fc.string().map((s) => ({ json: s })),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ raw: Buffer.from(bytes) })),
);

describe('fuzzing every endpoint', () => {
  it.each(ENDPOINTS)('%s %s never answers 5xx', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(payload, fc.string({ maxLength: 40 }), async (body, query) => {
        const res = await t.app.inject({
          method: method as 'GET',
          url: `${url(ids)}?photo_type=${encodeURIComponent(query)}&original_filename=${encodeURIComponent(query)}`,
          headers: {
            'x-api-key': t.key,
            'content-type': 'raw' in body ? 'multipart/form-data; boundary=x' : 'application/json',
          },
          ...(method === 'GET' ? {} : { payload: 'raw' in body ? body.raw : body.json }),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(res.json()?.error?.code ?? 'ok').toBeTypeOf('string');
      }),
      { numRuns: 400 },
    );
    await t.app.services.pipeline.idle();
  });

  it('leaves the database intact', () => {
    const { db } = t.app.services;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
