import { createHash, randomBytes } from 'node:crypto';
import { type ApiKeyPrefix, checkApiKey, formatApiKey } from '#contract';
import type { Clock } from '../clock';
import { iso } from '../clock';
import type { Sql } from '../store/sql';
import { newId } from '../ids';

export interface ApiKeyRow {
  id: string;
  org_id: string;
  prefix: string;
  hint: string;
  label: string;
  created: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used: string | null;
  rate_limit_per_minute: number;
  rate_limit_per_day: number;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 alphanumerics from a CSPRNG, without modulo bias (rejection sampling). */
function randomBody(): string {
  let out = '';
  while (out.length < 32) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < 32) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Only a SHA-256 of each key is stored; the key itself is shown once, when created. */
export function keysRepository(sql: Sql, clock: Clock) {
  // last_used is informational: write it at most once a minute per key, not on every request.
  const lastTouched = new Map<string, number>();
  const byId = (id: string) => sql.get<ApiKeyRow>('SELECT * FROM api_keys WHERE id = ?', [id]);
  return {
    /** Stores a key (a new random one, or `given`) and returns it in clear, once. */
    async create(
      orgId: string,
      options: {
        prefix?: ApiKeyPrefix;
        label?: string;
        expiresAt?: string | null;
        given?: string;
        /** This key's own limits; 0 (the default) takes the server's. */
        perMinute?: number;
        perDay?: number;
      },
    ): Promise<{ key: string; row: ApiKeyRow }> {
      const key = options.given ?? formatApiKey(options.prefix ?? 'cpk', randomBody());
      const check = checkApiKey(key);
      if (!check.ok) throw new Error(`Not a valid API key (${check.reason}).`);
      const row = {
        id: newId().id,
        org_id: orgId,
        prefix: check.prefix,
        key_hash: hashKey(key),
        hint: `${key.slice(0, 8)}…${key.slice(-4)}`,
        label: options.label ?? '',
        created: iso(clock),
        expires_at: options.expiresAt ?? null,
        rate_limit_per_minute: options.perMinute ?? 0,
        rate_limit_per_day: options.perDay ?? 0,
      };
      await sql.run(
        `INSERT INTO api_keys (id, org_id, prefix, key_hash, hint, label, created, expires_at,
           rate_limit_per_minute, rate_limit_per_day)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          row.id,
          row.org_id,
          row.prefix,
          row.key_hash,
          row.hint,
          row.label,
          row.created,
          row.expires_at,
          row.rate_limit_per_minute,
          row.rate_limit_per_day,
        ],
      );
      const stored = await byId(row.id);
      if (!stored) throw new Error(`API key ${row.id} was not stored`);
      return { key, row: stored };
    },
    byId,
    byKey: (key: string) =>
      sql.get<ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?', [hashKey(key)]),
    list: () => sql.all<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created'),
    revoke: (idOrHint: string) =>
      sql.run(
        'UPDATE api_keys SET revoked_at = ? WHERE (id = ? OR hint = ?) AND revoked_at IS NULL',
        [iso(clock), idOrHint, idOrHint],
      ),
    async touch(id: string): Promise<void> {
      const now = clock.now();
      if (now - (lastTouched.get(id) ?? -Infinity) < 60_000) return;
      lastTouched.set(id, now);
      await sql.run('UPDATE api_keys SET last_used = ? WHERE id = ?', [iso(clock), id]);
    },
  };
}

export type KeysRepository = ReturnType<typeof keysRepository>;
