import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../server/src/app';
import { openSqlite } from '../server/src/store/sqlite';

/**
 * The local server for a benchmark: a file database in a temp folder (as `npm start` uses),
 * the rate limits lifted, and `close()` that removes it all.
 */
export async function localApp(options: Partial<AppOptions> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-bench-'));
  const sql = openSqlite(path.join(dataDir, 'scanner.db'));
  const app = await createApp({
    sql,
    dataDir,
    version: 'bench',
    rateLimits: { perMinute: 1e9, perDay: 1e9 },
    ipRateLimits: { perMinute: 1e9, perDay: 1e9 },
    ...options,
  });
  return {
    app,
    sql,
    close: async () => {
      await app.close();
      await sql.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
