import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, type AppOptions } from '../app';
import { seedCatalog } from '../catalog/seed';
import { manualClock } from '../clock';
import { openDatabase } from '../db/database';

export interface TestApp {
  app: FastifyInstance;
  key: string;
  orgId: string;
  clock: ReturnType<typeof manualClock>;
  dataDir: string;
  /** Calls the API in-process with the test key. */
  call: (options: InjectOptions & { body?: unknown }) => Promise<LightMyRequestResponse>;
  /** A second organization's key, for isolation tests. */
  otherKey: () => string;
  close: () => Promise<void>;
}

/** A real app on a fresh SQLite file (in a temp folder) with the seeded catalog and one key. */
export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-test-'));
  const db = openDatabase(path.join(dataDir, 'scanner.db'));
  const clock = manualClock();
  const app = await createApp({ db, dataDir, version: 'test', clock, ...options });
  const s = app.services;
  s.products.upsertMany(seedCatalog());
  const org = s.orgs.create('Test org');
  const { key } = s.keys.create(org.id, { prefix: 'csb' });
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
    call,
    otherKey: () => s.keys.create(s.orgs.create('Other org').id, { prefix: 'csb' }).key,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}
