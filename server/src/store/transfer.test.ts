import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestApp, freshStore, testEngine, type TestApp } from '../test/harness';
import type { Sql } from './sql';
import { exportRows, importRows, TABLES } from './transfer';

let source: TestApp | undefined;
let target: Sql | undefined;
afterEach(async () => {
  await source?.close();
  await target?.close();
});

/** Primary keys of a table, sorted: what "the same rows" means across engines. */
const KEY: Record<string, string> = {
  idempotency_records: "org_id || ':' || idem_key",
  product_overrides: "org_id || ':' || product_id || ':' || field_name",
  uploads: 's3_key',
  redirect_rules: 'short_id',
  rate_limit_windows: 'bucket',
  settings: 'name',
};
const keys = async (sql: Sql, table: string) =>
  (
    await sql.all<{ k: string | number }>(
      `SELECT ${KEY[table] ?? 'id'} AS k FROM ${table} ORDER BY 1`,
    )
  ).map((r) => String(r.k));

// In the server-pg project this moves SQLite's data onto PostgreSQL; in the other, onto a
// second SQLite file.
it(`moves a store's SQLite data onto ${testEngine}: the same rows, ids and answers`, async () => {
  source = await createTestApp({}, 'sqlite');
  const s = source;
  const session = await s.createSession({ metadata: { store: 'Ⅻ 42' } });
  await s.scan(session, '5012345678900'); // proposals
  await s.scan(session, '4006381333931');
  const gone = await s.scan(session, '96385074');
  expect(
    (await s.call({ method: 'DELETE', url: `/scanner/api/v1/captures/${gone}` })).statusCode,
  ).toBe(204);
  await s.call({
    method: 'POST',
    url: '/scanner/api/v1/captures',
    headers: { 'idempotency-key': 'kept' },
    body: { session_short_id: session, capture_type: 'BARCODE', raw_value: '0036000291452' },
  });
  await s.app.services.pipeline.idle();
  const before = (await s.call({ url: `/scanner/api/v1/sessions/${session}` })).json();

  target = await freshStore(mkdtempSync(path.join(os.tmpdir(), 'scanner-target-')));
  const moved = await importRows(target, exportRows(s.sql));
  expect(moved).toBeGreaterThan(20);
  for (const table of TABLES) {
    expect(await keys(target, table), table).toEqual(await keys(s.sql, table));
  }

  // A server on the new database answers as the old one did, to the same key.
  const app = await createApp({ sql: target, dataDir: s.dataDir, version: 'test' });
  try {
    const after = await app.inject({
      url: `/scanner/api/v1/sessions/${session}`,
      headers: { 'x-api-key': s.key },
    });
    expect(after.json()).toEqual(before);
    // And the next capture follows the imported ones, in order.
    const next = await app.inject({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      headers: { 'x-api-key': s.key },
      payload: { session_short_id: session, capture_type: 'BARCODE', raw_value: '4006381333931' },
    });
    expect(next.statusCode).toBe(201);
    const ids = (
      await app.inject({
        url: `/scanner/api/v1/sessions/${session}`,
        headers: { 'x-api-key': s.key },
      })
    )
      .json<{ captures: { id: string }[] }>()
      .captures.map((c) => c.id);
    expect(ids.at(-1)).toBe(next.json<{ id: string }>().id);
  } finally {
    await app.close();
  }
});

it('refuses to import into a database that already has data, and leaves it as it was', async () => {
  source = await createTestApp({}, 'sqlite');
  target = await freshStore(mkdtempSync(path.join(os.tmpdir(), 'scanner-target-')));
  await importRows(target, exportRows(source.sql));
  const count = async () =>
    (await target?.get<{ n: number }>('SELECT COUNT(*) AS n FROM products'))?.n;
  const products = await count();
  await expect(importRows(target, exportRows(source.sql))).rejects.toThrow(/not empty/);
  expect(await count()).toBe(products);
});
