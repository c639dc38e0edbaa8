import { createHash, randomBytes } from 'node:crypto';
import { type ApiKeyPrefix, checkApiKey, formatApiKey } from '#contract';
import type { Clock } from '../clock';
import { iso } from '../clock';
import { type Db, statement } from '../db/database';
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
export function keysRepository(db: Db, clock: Clock) {
  // last_used is informational: write it at most once a minute per key, not on every request.
  const lastTouched = new Map<string, number>();
  const insert = statement(
    db,
    `INSERT INTO api_keys (id, org_id, prefix, key_hash, hint, label, created, expires_at)
     VALUES (@id, @org_id, @prefix, @key_hash, @hint, @label, @created, @expires_at)`,
  );
  return {
    /** Stores a key (a new random one, or `given`) and returns it in clear, once. */
    create(
      orgId: string,
      options: { prefix?: ApiKeyPrefix; label?: string; expiresAt?: string | null; given?: string },
    ): { key: string; row: ApiKeyRow } {
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
      };
      insert.run(row);
      return { key, row: this.byId(row.id) as ApiKeyRow };
    },
    byId: (id: string) =>
      statement(db, 'SELECT * FROM api_keys WHERE id = ?').get(id) as ApiKeyRow | undefined,
    byKey: (key: string) =>
      statement(db, 'SELECT * FROM api_keys WHERE key_hash = ?').get(hashKey(key)) as
        ApiKeyRow | undefined,
    list: () => statement(db, 'SELECT * FROM api_keys ORDER BY created').all() as ApiKeyRow[],
    revoke: (idOrHint: string) =>
      db
        .prepare(
          'UPDATE api_keys SET revoked_at = ? WHERE (id = ? OR hint = ?) AND revoked_at IS NULL',
        )
        .run(iso(clock), idOrHint, idOrHint).changes,
    touch(id: string): void {
      const now = clock.now();
      if (now - (lastTouched.get(id) ?? -Infinity) < 60_000) return;
      lastTouched.set(id, now);
      statement(db, 'UPDATE api_keys SET last_used = ? WHERE id = ?').run(iso(clock), id);
    },
  };
}

export type KeysRepository = ReturnType<typeof keysRepository>;
