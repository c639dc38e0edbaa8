import path from 'node:path';
import { ConfigError } from '../env';
import { openPostgres } from './postgres';
import type { Sql } from './sql';
import { openSqlite } from './sqlite';

/**
 * The database the configuration names: PostgreSQL when SCANNER_DATABASE_URL is set, else the
 * SQLite file in the data folder (the embedded default, which `npm start` uses).
 */
export async function openStore(config: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<Sql> {
  if (!config.databaseUrl) return openSqlite(path.join(config.dataDir, 'scanner.db'));
  try {
    return await openPostgres(config.databaseUrl);
  } catch (error) {
    // A start-up refusal, not a crash: the message names the variable, never the password.
    throw new ConfigError(`SCANNER_DATABASE_URL: ${(error as Error).message}`);
  }
}
