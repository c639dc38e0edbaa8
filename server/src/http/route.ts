import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuthContext } from '../auth/auth';
import type { Access } from './access';
import { idempotencyKeyOf, requestHash, type StoredResponse } from '../limits/idempotency';
import { HttpError } from './errors';
import { fieldErrors } from './error-handler';

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  auth: AuthContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  /** Status -> schema (null: no body); the first 2xx is what the handler returns. */
  responses: Record<number, z.ZodType | null>;
  /** Who may call it; an API key unless said otherwise. */
  access?: Access;
  /**
   * False for a POST whose handler waits on something outside the database (the network):
   * its Idempotency-Key is held by a leased claim instead of committing with the write, so
   * that no transaction is held open across the wait.
   */
  transactional?: boolean;
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => unknown;
}

/**
 * What a GET handler returns when the client's copy (its If-None-Match) is still current: the
 * route answers 304 with no body.
 */
export const NOT_MODIFIED = Symbol('not modified');

/** Whether the request's If-None-Match names this ETag (or any, with `*`). */
export function clientHas(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}

/** Every route defined here, for the OpenAPI document. */
export type RouteRecord = Pick<
  RouteSpec<z.ZodType, z.ZodType, z.ZodType>,
  'method' | 'url' | 'summary' | 'tag' | 'body' | 'query' | 'params' | 'responses'
>;

function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: string,
): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    // A malformed id in the path names nothing that exists: that is a 404, not a 422.
    if (where === 'params') throw new HttpError(404, 'Not found.');
    throw new HttpError(422, 'Invalid input.', fieldErrors(result.error));
  }
  return result.data;
}

/**
 * Defines a route once: Fastify gets the handler (inputs parsed with the contract's schemas,
 * errors to 422 with field names), and the registry gets its OpenAPI description.
 */
export function defineRoute<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  registry: RouteRecord[],
  spec: RouteSpec<B, Q, P>,
): void {
  registry.push(spec);
  const success = Number(Object.keys(spec.responses).find((s) => Number(s) < 300) ?? 200);
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access ?? 'key' },
    handler: async (request, reply) => {
      const params = parse(spec.params, request.params, 'params');
      const query = parse(spec.query, request.query, 'query');
      const body = parse(spec.body, request.body, 'body');
      const run = () => spec.handler({ body, query, params, auth: request.auth, request, reply });
      const key = idempotencyKeyOf(request);
      if (!key) {
        const result = await run();
        return result === NOT_MODIFIED ? reply.code(304).send() : reply.code(success).send(result);
      }
      const idem = app.services.idempotency;
      const req = { orgId: request.auth.orgId, key, hash: requestHash(request) };
      if (spec.transactional === false) {
        const stored = await idem.claim(req);
        if (stored) return sendStored(reply, stored, true);
        try {
          const response = { status: success, body: JSON.stringify(await run()) };
          await idem.finish(req, response);
          return sendStored(reply, response, false);
        } catch (error) {
          await idem.release(req);
          throw error;
        }
      }
      const out = await idem.commit(req, async () => ({
        status: success,
        body: JSON.stringify(await run()),
      }));
      return sendStored(reply, out, out.replayed);
    },
  });
}

/** Sends a response recorded for an Idempotency-Key, exactly as it was first sent. */
export function sendStored(reply: FastifyReply, stored: StoredResponse, replayed: boolean) {
  if (replayed) void reply.header('Idempotent-Replayed', 'true');
  return reply.code(stored.status).type('application/json').send(stored.body);
}
