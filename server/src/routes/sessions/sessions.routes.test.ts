import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionDetail, SessionStatusPoll, SessionSummary } from '#contract';
import { createTestApp, secondInstance, testEngine, type TestApp } from '../../test/harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const createSession = async (body: object = {}) => {
  const res = await t.call({ method: 'POST', url: '/scanner/api/v1/sessions', body });
  return { res, session: SessionSummary.parse(res.json()) };
};

describe('PATCH /sessions/{id} (metadata)', () => {
  const patch = (id: string, metadata: unknown, headers: Record<string, string> = {}) =>
    t.call({ method: 'PATCH', url: `/scanner/api/v1/sessions/${id}`, body: { metadata }, headers });

  it('merges, deletes with an empty value, and works on a finished session too', async () => {
    const { session } = await createSession({ metadata: { store: '42', lane: '3' } });
    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${session.id}/end` });
    const res = await patch(session.id, { diagnostics: 'engine=zxing-wasm', lane: '' });
    expect(res.statusCode).toBe(200);
    expect(SessionSummary.parse(res.json()).metadata).toEqual({
      store: '42',
      diagnostics: 'engine=zxing-wasm',
    });
  });

  it("refuses what breaks the limits (422) and another organization's session (404)", async () => {
    const { session } = await createSession();
    expect((await patch(session.id, { k: 'x'.repeat(501) })).statusCode).toBe(422);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect((await patch(session.id, many)).statusCode).toBe(422);
    expect(
      (await patch(session.id, { a: 'b' }, { 'x-api-key': await t.otherKey() })).statusCode,
    ).toBe(404);
  });
});

describe('sessions', () => {
  it('creates an ACTIVE session with zero counts and stores the device context', async () => {
    const { res, session } = await createSession({
      capture_mode: 'both',
      user_agent: 'Mozilla/5.0 (Linux; Android 14)',
      device_context: { screen: { width: 412 }, engine: 'zxing-wasm' },
      metadata: { store: '42' },
    });
    expect(res.statusCode).toBe(201);
    expect(session).toMatchObject({
      status: 'ACTIVE',
      capture_mode: 'both',
      capture_count: 0,
      photo_count: 0,
      metadata: { store: '42' },
    });
    const stored = (await t.sql.get<{ user_agent: string; device_context: string }>(
      'SELECT user_agent, device_context FROM sessions WHERE id = ?',
      [session.id],
    ))!;
    expect(stored.user_agent).toBe('Mozilla/5.0 (Linux; Android 14)');
    expect(JSON.parse(stored.device_context)).toEqual({
      screen: { width: 412 },
      engine: 'zxing-wasm',
    });
  });

  it('defaults to barcode_scan and rejects a bad mode with the field named', async () => {
    expect((await createSession()).session.capture_mode).toBe('barcode_scan');
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: { capture_mode: 'video' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'capture_mode' })]);
  });

  it('returns the detail by short id and by UUID, and 404 for unknown or malformed ids', async () => {
    const { session } = await createSession();
    const detail = SessionDetail.parse(
      (await t.call({ url: `/scanner/api/v1/sessions/${session.id}` })).json(),
    );
    expect(detail).toMatchObject({ id: session.id, captures: [], product_photos: [] });
    const uuid = (
      await t.sql.get<{ uuid: string }>('SELECT uuid FROM sessions WHERE id = ?', [session.id])
    )?.uuid;
    expect((await t.call({ url: `/scanner/api/v1/sessions/${uuid}` })).json().id).toBe(session.id);
    expect(
      (await t.call({ url: '/scanner/api/v1/sessions/2222222222222222222222' })).statusCode,
    ).toBe(404);
    expect((await t.call({ url: '/scanner/api/v1/sessions/nope' })).statusCode).toBe(404);
  });

  it('hides another organization\u2019s sessions behind 404', async () => {
    const { session } = await createSession();
    const other = await t.otherKey();
    const res = await t.call({
      url: `/scanner/api/v1/sessions/${session.id}`,
      headers: { 'x-api-key': other },
    });
    expect(res.statusCode).toBe(404);
    const end = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${session.id}/end`,
      headers: { 'x-api-key': other },
    });
    expect(end.statusCode).toBe(404);
  });

  it('ends: ACTIVE -> COMPLETED, then every write answers 409', async () => {
    const { session } = await createSession();
    const end = await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${session.id}/end` });
    expect(end.statusCode).toBe(200);
    expect(end.json().status).toBe('COMPLETED');
    for (const url of [
      `/scanner/api/v1/sessions/${session.id}/end`,
      `/scanner/api/v1/sessions/${session.id}/submit`,
    ]) {
      expect((await t.call({ method: 'POST', url })).statusCode).toBe(409);
    }
    const capture = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: session.id, capture_type: 'MANUAL', raw_value: '4006381333931' },
    });
    expect(capture.statusCode).toBe(409);
    expect(capture.json().error.code).toBe('CONFLICT');
  });

  it('submits: COMPLETED, and extraction goes pending -> processing -> ready', async () => {
    const { session } = await createSession();
    const poll = async () =>
      SessionStatusPoll.parse(
        (await t.call({ url: `/scanner/api/v1/sessions/${session.id}/status` })).json(),
      );
    expect((await poll()).extraction_status).toBe('pending');
    const res = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${session.id}/submit`,
    });
    expect(res.json().status).toBe('COMPLETED');
    await t.app.services.pipeline.idle();
    expect(await poll()).toMatchObject({ session_status: 'COMPLETED', extraction_status: 'ready' });
  });

  it('expires sessions idle past the TTL through the maintenance job, and not before', async () => {
    const { session } = await createSession();
    t.clock.advance(86_400_000 - 1000);
    expect((await t.app.maintenance()).expired).toBe(0);
    t.clock.advance(2000);
    expect((await t.app.maintenance()).expired).toBe(1);
    const detail = (await t.call({ url: `/scanner/api/v1/sessions/${session.id}` })).json();
    expect(detail.status).toBe('EXPIRED');
    expect(
      (await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${session.id}/end` }))
        .statusCode,
    ).toBe(409);
  });

  it('measures idleness from the last write', async () => {
    const { session } = await createSession();
    t.clock.advance(80_000_000);
    await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: session.id, capture_type: 'MANUAL', raw_value: 'X1' },
    });
    t.clock.advance(80_000_000);
    expect((await t.app.maintenance()).expired).toBe(0);
  });

  it('merges metadata within limits and names the offending key', async () => {
    const tooLong = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: { metadata: { note: 'x'.repeat(501) } },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.details[0].field).toBe('metadata.note');
    const nested = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: { metadata: { a: { b: 1 } } },
    });
    expect(nested.json().error.details[0].field).toBe('metadata.a');
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(
      (
        await t.call({
          method: 'POST',
          url: '/scanner/api/v1/sessions',
          body: { metadata: tooMany },
        })
      ).statusCode,
    ).toBe(422);
    const protoKeys = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{"metadata":{"__proto__":"p","constructor":"c"}}',
    });
    expect(protoKeys.statusCode).toBe(201);
    expect(protoKeys.body).toContain('"__proto__":"p"');
  });
});

describe('GET /sessions/{id}/status: ETag and 304', () => {
  const poll = (id: string, headers: Record<string, string> = {}) =>
    t.call({ url: `/scanner/api/v1/sessions/${id}/status`, headers });
  const capture = (id: string, raw: string) =>
    t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: id, capture_type: 'MANUAL', raw_value: raw },
    });

  it('answers 304 while nothing changed, and a new ETag after each change', async () => {
    const { session } = await createSession();
    const first = await poll(session.id);
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const same = await poll(session.id, { 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');

    const seen = new Set([etag]);
    const changed = async () => {
      const res = await poll(session.id, { 'if-none-match': [...seen].join(', ') });
      expect(res.statusCode).toBe(200);
      const next = String(res.headers['etag']);
      expect(seen.has(next)).toBe(false);
      seen.add(next);
      return SessionStatusPoll.parse(res.json());
    };
    const created = await capture(session.id, '4006381333931');
    expect((await changed()).captures.map((c) => c.id)).toEqual([
      created.json<{ id: string }>().id,
    ]);
    await t.call({
      method: 'DELETE',
      url: `/scanner/api/v1/captures/${created.json<{ id: string }>().id}`,
    });
    expect((await changed()).captures).toEqual([]);
    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${session.id}/end` });
    expect((await changed()).session_status).toBe('COMPLETED');
  });

  it("never answers 304 for another organization's session, whatever the tag", async () => {
    const { session } = await createSession();
    const etag = String((await poll(session.id)).headers['etag']);
    const res = await poll(session.id, { 'if-none-match': etag, 'x-api-key': await t.otherKey() });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /sessions/{id}: ETag and 304', () => {
  const read = (id: string, etags: Iterable<string> = []) =>
    t.call({
      url: `/scanner/api/v1/sessions/${id}`,
      headers: { 'if-none-match': [...etags].join(', ') },
    });

  it('answers 304 while nothing changed, and the fresh answer after any change', async () => {
    // The pipeline would change the capture between two reads: only this test's writes here.
    await t.app.services.pipeline.stop();
    const { session } = await createSession({ metadata: { lane: '1' } });
    const first = await read(session.id);
    const seen = new Set([String(first.headers['etag'])]);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect((await read(session.id, seen)).statusCode).toBe(304);

    const changed = async () => {
      const res = await read(session.id, seen);
      expect(res.statusCode).toBe(200);
      expect(seen.has(String(res.headers['etag']))).toBe(false);
      seen.add(String(res.headers['etag']));
      expect((await read(session.id, seen)).statusCode).toBe(304);
      return SessionDetail.parse(res.json());
    };
    // Metadata is not in the status poll, but it is in this answer.
    await t.call({
      method: 'PATCH',
      url: `/scanner/api/v1/sessions/${session.id}`,
      body: { metadata: { lane: '2' } },
    });
    expect((await changed()).metadata).toEqual({ lane: '2' });
    await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: session.id, capture_type: 'MANUAL', raw_value: 'shelf 4' },
    });
    expect((await changed()).captures.map((c) => c.raw_value)).toEqual(['shelf 4']);
  });

  it.skipIf(testEngine !== 'postgres')(
    "never answers from one instance's cache what another instance has changed",
    async () => {
      const { session } = await createSession();
      const b = await secondInstance(t);
      try {
        const viaB = () =>
          b.app.inject({
            url: `/scanner/api/v1/sessions/${session.id}`,
            headers: { 'x-api-key': t.key },
          });
        expect(SessionDetail.parse((await viaB()).json()).captures).toEqual([]);
        await t.call({
          method: 'POST',
          url: '/scanner/api/v1/captures',
          body: { session_short_id: session.id, capture_type: 'MANUAL', raw_value: 'via A' },
        });
        expect(SessionDetail.parse((await viaB()).json()).captures.map((c) => c.raw_value)).toEqual(
          ['via A'],
        );
      } finally {
        await b.close();
      }
    },
  );

  it("never answers 304 for another organization's session, whatever the tag", async () => {
    const { session } = await createSession();
    const etag = String((await read(session.id)).headers['etag']);
    const res = await t.call({
      url: `/scanner/api/v1/sessions/${session.id}`,
      headers: { 'if-none-match': etag, 'x-api-key': await t.otherKey() },
    });
    expect(res.statusCode).toBe(404);
  });
});
