import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../server/src/app';
import { openDatabase } from '../server/src/db/database';

/**
 * The local server for a benchmark: a file database in a temp folder (as `npm start` uses),
 * the rate limits lifted, and `close()` that removes it all.
 */
export async function localApp(options: Partial<AppOptions> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-bench-'));
  const db = openDatabase(path.join(dataDir, 'scanner.db'));
  const app = await createApp({
    db,
    dataDir,
    version: 'bench',
    rateLimits: { perMinute: 1e9, perDay: 1e9 },
    ipRateLimits: { perMinute: 1e9, perDay: 1e9 },
    ...options,
  });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
