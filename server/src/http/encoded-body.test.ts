import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SessionDetail, SessionStatusPoll } from '#contract';
import { seedSession } from '../catalog/seed-session';
import { createTestApp, type TestApp } from '../test/harness';
import { EncodedBody } from './encoded-body';

let t: TestApp;
let session = '';
beforeEach(async () => {
  t = await createTestApp();
  await t.app.services.pipeline.stop();
  session = await seedSession(t.sql, t.orgId, 400, 'barcode_scan');
});
afterEach(() => t.close());

describe('big session answers, compressed once per version', () => {
  const get = (url: string, encoding?: string) =>
    t.call({ url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

  for (const [name, url, schema] of [
    ['GET /sessions/{id}', () => `/scanner/api/v1/sessions/${session}`, SessionDetail],
    [
      'GET /sessions/{id}/status',
      () => `/scanner/api/v1/sessions/${session}/status`,
      SessionStatusPoll,
    ],
  ] as const) {
    it(`${name}: brotli, gzip or plain as the client accepts, each the same answer`, async () => {
      const plain = await get(url(), '');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(16 * 1024);
      const answer: unknown = schema.parse(plain.json());

      const br = await get(url(), 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(String(br.headers['vary'])).toMatch(/accept-encoding/i);
      expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(answer);

      const gz = await get(url(), 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(answer);
      // The second reader of this version gets the same bytes.
      expect((await get(url(), 'gzip')).rawPayload).toEqual(gz.rawPayload);

      // A change is a new version: its answer, compressed anew.
      await t.call({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: session, capture_type: 'MANUAL', raw_value: 'the 401st' },
      });
      const after = await get(url(), 'br');
      expect(JSON.parse(brotliDecompressSync(after.rawPayload).toString()).captures).toHaveLength(
        401,
      );
    });
  }
});

describe('EncodedBody', () => {
  it('compresses once per encoding, however many readers ask', async () => {
    const body = new EncodedBody(JSON.stringify({ captures: Array(2000).fill('4006381333931') }));
    const first = await body.as('br');
    expect(await body.as('br')).toBe(first);
    expect(await body.as('gzip')).not.toBe(first);
    expect(JSON.parse(brotliDecompressSync(first).toString()).captures).toHaveLength(2000);
  });
});
