import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import { iso } from '../clock';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { keyId: string; idemKey: string } | null;
  }
}

/**
 * `Idempotency-Key` on any POST (Part A). The key is claimed with a pending row before the
 * handler runs, inside one SQLite statement, so concurrent duplicates cannot both proceed: the
 * second sees the claim and gets 409 until the first finishes, then gets its stored response.
 * 5xx responses release the claim so that the client may retry.
 */
export function registerIdempotency(app: FastifyInstance, db: Db, clock: Clock): void {
  const claim = db.prepare(
    `INSERT INTO idempotency_keys (api_key_id, idem_key, request_hash, created)
     VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const find = db.prepare(
    'SELECT request_hash, status_code, response_body, created FROM idempotency_keys WHERE api_key_id = ? AND idem_key = ?',
  );
  const remove = db.prepare('DELETE FROM idempotency_keys WHERE api_key_id = ? AND idem_key = ?');
  const complete = db.prepare(
    'UPDATE idempotency_keys SET status_code = ?, response_body = ? WHERE api_key_id = ? AND idem_key = ?',
  );

  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const idemKey = Array.isArray(header) ? header[0] : header;
    if (request.method !== 'POST' || !idemKey || !request.auth) return;
    if (idemKey.length > 255)
      throw new HttpError(400, 'Idempotency-Key must be at most 255 characters.');
    const keyId = request.auth.key.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    const existing = find.get(keyId, idemKey) as StoredRow | undefined;
    if (existing && clock.now() - Date.parse(existing.created) > IDEMPOTENCY_TTL_MS) {
      remove.run(keyId, idemKey);
    }
    if (claim.run(keyId, idemKey, hash, iso(clock)).changes === 1) {
      request.idempotency = { keyId, idemKey };
      return;
    }
    const stored = find.get(keyId, idemKey) as StoredRow;
    if (stored.request_hash !== hash) {
      throw new HttpError(409, 'This Idempotency-Key was already used with a different request.');
    }
    if (stored.status_code === null) {
      throw new HttpError(409, 'A request with this Idempotency-Key is still being processed.');
    }
    void reply.header('Idempotent-Replayed', 'true');
    return reply
      .code(stored.status_code)
      .type('application/json')
      .send(stored.response_body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    if (reply.statusCode >= 500) remove.run(idem.keyId, idem.idemKey);
    else
      complete.run(
        reply.statusCode,
        typeof payload === 'string' ? payload : '',
        idem.keyId,
        idem.idemKey,
      );
    return payload;
  });

  /** Forget keys older than the TTL; the maintenance job calls this. */
  app.decorate(
    'purgeIdempotencyKeys',
    () =>
      db
        .prepare('DELETE FROM idempotency_keys WHERE created < ?')
        .run(new Date(clock.now() - IDEMPOTENCY_TTL_MS).toISOString()).changes,
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    purgeIdempotencyKeys: () => number;
  }
}
