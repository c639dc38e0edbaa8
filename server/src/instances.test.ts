import { afterEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from './pipeline/jobs';
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

  /** Records every status each instance's pipeline writes, per capture. */
  const recordStatuses = (app: TestApp['app'], name: string, log: string[]) => {
    const { captures } = app.services;
    const update = captures.update.bind(captures);
    captures.update = (id, changes) => {
      if (changes.status) log.push(`${id} ${changes.status} ${name}`);
      return update(id, changes);
    };
  };

  /** Waits (on the database, not on a clock) until no capture is left unfinished. */
  const allFinished = async (t: TestApp) => {
    for (let i = 0; i < 200; i++) {
      const left = await t.sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM captures WHERE status NOT IN ('COMPLETED', 'NOT_FOUND', 'FAILED')`,
      );
      if (left?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('captures left unfinished');
  };

  const post = (app: TestApp['app'], t: TestApp, session: string, value: string) =>
    app.inject({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      headers: { 'x-api-key': t.key },
      payload: { session_short_id: session, capture_type: 'BARCODE', raw_value: value },
    });

  it('runs each job on exactly one of them', async () => {
    a = await createTestApp();
    b = await secondInstance(a);
    const log: string[] = [];
    recordStatuses(a.app, 'a', log);
    recordStatuses(b.app, 'b', log);
    const session = await a.createSession();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await post(i % 2 ? b.app : a.app, a, session, '4006381333931');
      ids.push(res.json<{ id: string }>().id);
    }
    await allFinished(a);
    for (const id of ids) {
      const mine = log.filter((l) => l.startsWith(`${id} `)).map((l) => l.split(' ')[1]);
      expect(mine).toEqual(['LOOKING_UP', 'ENRICHING', 'RESOLVING', 'COMPLETED']);
    }
    expect(await a.sql.get('SELECT COUNT(*) AS n FROM jobs')).toEqual({ n: 0 });
  });

  it('finishes the jobs an instance that died was holding, once their lease runs out', async () => {
    a = await createTestApp({ pipelineDelayMs: 150 });
    b = await secondInstance(a);
    const session = await a.createSession();
    // B is busy elsewhere: only A claims, until it dies.
    await b.app.services.pipeline.stop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await post(a.app, a, session, '4006381333931')).json<{ id: string }>().id);
    // A holds all five (its claims run just after each POST's commit).
    for (let i = 0; i < 100; i++) {
      const held = await a.sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM jobs WHERE owner IS NOT NULL AND lease_until > ?`,
        [a.clock.now()],
      );
      if (held?.n === 5) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // kill -9: A stops mid-way and leaves its leases; nothing of its memory survives.
    await a.app.services.pipeline.stop({ release: false });
    const c = await secondInstance(a);
    try {
      a.clock.advance(LEASE_MS);
      await allFinished(a);
      const statuses = await a.sql.all<{ status: string }>(
        'SELECT status FROM captures ORDER BY seq',
      );
      expect(statuses.map((r) => r.status)).toEqual(ids.map(() => 'COMPLETED'));
    } finally {
      await c.close();
    }
  });
});

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
