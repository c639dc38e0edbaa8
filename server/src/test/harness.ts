import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, type AppOptions } from '../app';
import { seedCatalog } from '../catalog/seed';
import { manualClock } from '../clock';
import type { Sql } from '../store/sql';
import { openSqlite } from '../store/sqlite';

export interface TestApp {
  app: FastifyInstance;
  key: string;
  orgId: string;
  clock: ReturnType<typeof manualClock>;
  dataDir: string;
  /** The app's database, for a test to look at what was stored. */
  sql: Sql;
  /** Calls the API in-process with the test key. */
  call: (options: InjectOptions & { body?: unknown }) => Promise<LightMyRequestResponse>;
  /** A second organization's key, for isolation tests. */
  otherKey: () => Promise<string>;
  /** Creates a session through the API and returns its id. */
  createSession: (body?: object) => Promise<string>;
  /** Posts a BARCODE capture of `rawValue`, waits for the pipeline to settle, returns its id. */
  scan: (sessionId: string, rawValue: string) => Promise<string>;
  close: () => Promise<void>;
}

/** A real app on a fresh SQLite file (in a temp folder) with the seeded catalog and one key. */
export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-test-'));
  const sql = openSqlite(path.join(dataDir, 'scanner.db'));
  const clock = manualClock();
  const app = await createApp({ sql, dataDir, version: 'test', clock, ...options });
  const s = app.services;
  await s.products.upsertMany(seedCatalog());
  const org = await s.orgs.create('Test org');
  const { key } = await s.keys.create(org.id, { prefix: 'csb' });
  const call = (o: InjectOptions & { body?: unknown }) =>
    app.inject({
      ...o,
      headers: { 'x-api-key': key, ...(o.headers ?? {}) },
      ...(o.body !== undefined && typeof o.body === 'object' && !Buffer.isBuffer(o.body)
        ? { payload: o.body }
        : {}),
    });
  return {
    app,
    key,
    orgId: org.id,
    clock,
    dataDir,
    sql,
    call,
    otherKey: async () =>
      (await s.keys.create((await s.orgs.create('Other org')).id, { prefix: 'csb' })).key,
    createSession: async (body = {}) =>
      (await call({ method: 'POST', url: '/scanner/api/v1/sessions', body })).json<{ id: string }>()
        .id,
    scan: async (sessionId, rawValue) => {
      const res = await call({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: sessionId, capture_type: 'BARCODE', raw_value: rawValue },
      });
      await s.pipeline.idle();
      return res.json<{ id: string }>().id;
    },
    close: async () => {
      await app.close();
      await sql.close();
    },
  };
}
