import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, secondInstance, testEngine, type TestApp } from './test/harness';

/**
 * Two instances of the server on one PostgreSQL database, as a chain runs them behind a load
 * balancer: what one instance knows, the other must too. (SQLite is one instance.)
 */
describe.skipIf(testEngine !== 'postgres')('two instances on one database', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  const capture = (app: TestApp['app'], key: string, sessionId: string, idem: string) =>
    app.inject({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      headers: { 'x-api-key': key, 'idempotency-key': idem },
      payload: { session_short_id: sessionId, capture_type: 'BARCODE', raw_value: '4006381333931' },
    });

  it('make one capture of one Idempotency-Key sent to both at once', async () => {
    a = await createTestApp();
    b = await secondInstance(a);
    const session = await a.createSession();
    for (let round = 0; round < 10; round++) {
      const [fromA, fromB] = await Promise.all([
        capture(a.app, a.key, session, `same-${round}`),
        capture(b.app, a.key, session, `same-${round}`),
      ]);
      expect([fromA.statusCode, fromB.statusCode]).toEqual([201, 201]);
      expect(fromA.json<{ id: string }>().id).toBe(fromB.json<{ id: string }>().id);
    }
    const rows = await a.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM captures');
    expect(rows?.n).toBe(10);
  });

  it('share the per-minute limit of a key', async () => {
    const limits = { perMinute: 3, perDay: 1_000 };
    a = await createTestApp({ rateLimits: limits });
    b = await secondInstance(a, { rateLimits: limits });
    const get = (app: TestApp['app']) =>
      app.inject({ url: '/scanner/api/v1/key', headers: { 'x-api-key': a.key } });
    const codes = [];
    for (const app of [a.app, b.app, a.app, b.app]) codes.push((await get(app)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('accept an upload presigned by the other', async () => {
    a = await createTestApp();
    b = await secondInstance(a);
    const session = await a.createSession();
    const presigned = await a.call({
      url: `/scanner/api/v1/sessions/${session}/presigned-upload-url?photo_type=front&original_filename=a.png`,
    });
    const { upload_url: url, upload_fields: fields } = presigned.json<{
      upload_url: string;
      upload_fields: Record<string, string>;
    }>();
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([PNG]), 'a.png');
    const request = new Request('http://x', { method: 'POST', body: form });
    const res = await b.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: Object.fromEntries(request.headers),
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(res.statusCode, res.body).toBe(204);
  });
});

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
