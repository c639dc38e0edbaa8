import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { inject } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, type AppOptions } from '../app';
import { seedCatalog } from '../catalog/seed';
import { manualClock } from '../clock';
import type { Sql } from '../store/sql';
import { openSqlite } from '../store/sqlite';
import { openPostgres } from '../store/postgres';
import { admin } from './postgres-cluster';
import { TEMPLATE } from './postgres-setup';

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

/** Which engine this run tests: the server-pg project sets SCANNER_TEST_DB=postgres. */
export const testEngine = process.env['SCANNER_TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, empty database for one test app: a SQLite file in its temp folder, or (in the
 * server-pg project) a new database in the run's PostgreSQL cluster, copied from the migrated
 * template.
 */
export async function freshStore(dataDir: string, engine = testEngine): Promise<Sql> {
  if (engine === 'sqlite') return openSqlite(path.join(dataDir, 'scanner.db'));
  const url = await freshDatabaseUrl();
  const sql = await openPostgres(url, 4);
  databases.set(sql, url);
  return sql;
}

/** A new, migrated PostgreSQL database in the run's cluster (server-pg project only). */
export async function freshDatabaseUrl(): Promise<string> {
  const url = inject('postgresUrl');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await admin(url.replace('{db}', 'postgres'), [`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`]);
  return url.replace('{db}', name);
}

/** Each PostgreSQL test database's URL, for a second instance on it. */
const databases = new WeakMap<Sql, string>();

/**
 * A second instance of the server on the same PostgreSQL database as `first` (its own
 * connections, its own memory), as a chain runs several behind a load balancer.
 */
export async function secondInstance(
  first: TestApp,
  options: Partial<AppOptions> = {},
): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const url = databases.get(first.sql);
  if (!url) throw new Error('A second instance needs PostgreSQL (the server-pg project)');
  const sql = await openPostgres(url, 4);
  const app = await createApp({
    sql,
    dataDir: first.dataDir,
    version: 'test',
    clock: first.clock,
    ...options,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await sql.close();
    },
  };
}

/** A real app on a fresh database with the seeded catalog and one key. */
export async function createTestApp(
  options: Partial<AppOptions> = {},
  engine = testEngine,
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-test-'));
  const sql = await freshStore(dataDir, engine);
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
