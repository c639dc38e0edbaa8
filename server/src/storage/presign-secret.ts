import { randomBytes } from 'node:crypto';
import type { Sql } from '../store/sql';

/**
 * The secret presigned upload URLs are signed with. Every instance must verify what any other
 * signed, so it lives with the data: the first instance to start on a database stores a random
 * one, and every later start (of it or another) reads that back. SCANNER_PRESIGN_SECRET, when
 * set, overrides it.
 */
export async function presignSecret(sql: Sql, configured: string | null): Promise<string> {
  if (configured) return configured;
  await sql.run(
    `INSERT INTO settings (name, value) VALUES ('presign_secret', ?) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('hex')],
  );
  const row = await sql.get<{ value: string }>(
    `SELECT value FROM settings WHERE name = 'presign_secret'`,
  );
  if (!row) throw new Error('The presign secret was not stored');
  return row.value;
}
