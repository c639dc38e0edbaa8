import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { iso } from '../clock';
import { HttpError } from '../http/errors';
import { ConflictError } from '../store/errors';
import type { Sql } from '../store/sql';
import { canonicalJson } from './canonical-json';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a claim may stay unanswered before another request with the key takes it over. */
export const CLAIM_LEASE_MS = 30_000;
/** What an in-flight 409 asks the client to wait before it sends the key again. */
export const IN_FLIGHT_RETRY_S = 1;

/** One request's key, scoped to its organization, and the hash of what it asks. */
export interface IdempotentRequest {
  orgId: string;
  key: string;
  hash: string;
}

/** A response as it was (or will be) sent: replays send these bytes again. */
export interface StoredResponse {
  status: number;
  body: string;
}

interface Row {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created: string;
  lease_until: string | null;
}

/** The Idempotency-Key of a POST with a key, or null; 400 when it is too long. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (request.method !== 'POST' || !key || !request.auth) return null;
  if (key.length > 255) throw new HttpError(400, 'Idempotency-Key must be at most 255 characters.');
  return key;
}

/**
 * What a request asks, independent of key order and of how its path was spelled: the matched
 * route, its decoded parameters, the query and the body (multipart handlers add the file's
 * own hash to `body`).
 */
export function requestHash(request: FastifyRequest, body: unknown = request.body): string {
  return createHash('sha256')
    .update(
      [
        request.method,
        request.routeOptions.url ?? '',
        canonicalJson(request.params ?? null),
        canonicalJson(request.query ?? null),
        canonicalJson(body ?? null),
      ].join('\n'),
    )
    .digest('hex');
}

const mismatch = () =>
  new ConflictError('This Idempotency-Key was already used with a different request.');
const inFlight = () =>
  new ConflictError(
    'A request with this Idempotency-Key is in flight; send it again shortly.',
    IN_FLIGHT_RETRY_S,
  );

/**
 * Requests with one key take turns from the check to the commit: on PostgreSQL, two instances
 * answering the same retry at once would otherwise both find no record and both write.
 */
const lockName = (req: IdempotentRequest) => `idempotency:${req.orgId}:${req.key}`;

const FIND = `SELECT request_hash, status_code, response_body, created, lease_until
  FROM idempotency_records WHERE org_id = ? AND idem_key = ?`;
const INSERT = `INSERT INTO idempotency_records (org_id, idem_key, request_hash, status_code, response_body, created, lease_until)
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const REMOVE = 'DELETE FROM idempotency_records WHERE org_id = ? AND idem_key = ?';
const COMPLETE = `UPDATE idempotency_records SET status_code = ?, response_body = ?, lease_until = NULL
  WHERE org_id = ? AND idem_key = ? AND request_hash = ?`;

/**
 * `Idempotency-Key` on any POST (Part A), per organization, for 24 hours. A write and the
 * record of its response commit in one transaction (Stripe's "atomic phases"): a crash leaves
 * either both or neither, so no key is ever left half-claimed. Routes that cannot run in one
 * transaction (they wait on the network) hold a claim with a lease instead.
 */
export function idempotencyStore(sql: Sql, clock: Clock) {
  const expired = (row: Row) => clock.now() - Date.parse(row.created) >= IDEMPOTENCY_TTL_MS;
  const remove = async (req: IdempotentRequest) => {
    await sql.run(REMOVE, [req.orgId, req.key]);
  };

  /** The stored answer to replay, or null when the key is free to use; throws Conflicts. */
  async function existing(req: IdempotentRequest): Promise<StoredResponse | null> {
    const row = await sql.get<Row>(FIND, [req.orgId, req.key]);
    if (!row) return null;
    if (expired(row)) {
      await remove(req);
      return null;
    }
    if (row.request_hash !== '' && row.request_hash !== req.hash) throw mismatch();
    if (row.status_code !== null) return { status: row.status_code, body: row.response_body ?? '' };
    if (row.lease_until && Date.parse(row.lease_until) <= clock.now()) {
      // Its owner died (or hung) holding the claim: the claim is free again.
      await remove(req);
      return null;
    }
    throw inFlight();
  }

  return {
    existing,

    /**
     * Runs `write` and records its response in one transaction. If another request stored the
     * key first (another process, between the check and the write), `write` does not run and
     * that request's answer is returned instead.
     */
    commit: (
      req: IdempotentRequest,
      write: () => Promise<StoredResponse>,
    ): Promise<StoredResponse & { replayed: boolean }> =>
      sql.transaction(async () => {
        await sql.lock(lockName(req));
        const stored = await existing(req);
        if (stored) return { ...stored, replayed: true };
        const response = await write();
        await sql.run(INSERT, [
          req.orgId,
          req.key,
          req.hash,
          response.status,
          response.body,
          iso(clock),
          null,
        ]);
        return { ...response, replayed: false };
      }),

    /** Claims the key for a request that cannot commit in one transaction; null: go ahead. */
    claim: (req: IdempotentRequest): Promise<StoredResponse | null> =>
      sql.transaction(async () => {
        await sql.lock(lockName(req));
        const stored = await existing(req);
        if (stored) return stored;
        const lease = new Date(clock.now() + CLAIM_LEASE_MS).toISOString();
        await sql.run(INSERT, [req.orgId, req.key, req.hash, null, null, iso(clock), lease]);
        return null;
      }),
    /** Records a claimed request's answer; a 5xx lets the key go so the client may retry. */
    async finish(req: IdempotentRequest, response: StoredResponse): Promise<void> {
      if (response.status >= 500) await remove(req);
      else await sql.run(COMPLETE, [response.status, response.body, req.orgId, req.key, req.hash]);
    },
    release: remove,

    /** Forgets keys older than the TTL; the maintenance job calls this. */
    purge: (): Promise<number> =>
      sql.run('DELETE FROM idempotency_records WHERE created <= ?', [
        new Date(clock.now() - IDEMPOTENCY_TTL_MS).toISOString(),
      ]),
  };
}

export type IdempotencyStore = ReturnType<typeof idempotencyStore>;
