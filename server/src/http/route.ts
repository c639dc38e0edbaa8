import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import type { AuthContext } from '../auth/auth';
import { idempotencyKeyOf, requestHash, type StoredResponse } from '../limits/idempotency';
import { HttpError } from './errors';
import { fieldErrors } from './error-handler';
import { type Endpoint, ENDPOINTS, type SuccessSchema, successStatus } from '#contract';

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  auth: AuthContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a schema parses to; an input the endpoint does not take is `unknown`. */
type Out<S> = z.output<NonNullable<S>>;

/** What a handler may answer: the success body its endpoint names (type-checked), or... */
export type HandlerResult<E extends Endpoint> =
  | (SuccessSchema<E['responses']> extends z.ZodMiniType
      ? z.input<SuccessSchema<E['responses']>>
      : null | undefined)
  /** ...a 304 for a client whose copy is current, or... */
  | typeof NOT_MODIFIED
  /** ...that body already serialised (a cached one), sent as it is. */
  | Serialized;

export interface RouteOptions<E extends Endpoint> {
  /**
   * False for a POST whose handler waits on something outside the database (the network):
   * its Idempotency-Key is held by a leased claim instead of committing with the write, so
   * that no transaction is held open across the wait.
   */
  transactional?: boolean;
  handler: (
    ctx: RouteContext<Out<E['body']>, Out<E['query']>, Out<E['params']>>,
  ) => HandlerResult<E> | Promise<HandlerResult<E>>;
}

/** A success body serialised ahead (JSON, or its compressed bytes with the headers set). */
export class Serialized {
  constructor(readonly body: string | Buffer) {}
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

function parse<S extends z.ZodMiniType>(
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
 * Registers the route of one endpoint of the contract's table (contract/endpoints.ts): its
 * method, path and access from there, its inputs parsed with its schemas (errors to 422 with
 * field names), and the handler's answer checked by the compiler against its response schema.
 */
export function defineRoute<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  options: RouteOptions<E>,
): void {
  const success = successStatus(endpoint);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: { access: endpoint.access },
    handler: async (request, reply) => {
      const params = parse(endpoint.params, request.params, 'params') as Out<E['params']>;
      const query = parse(endpoint.query, request.query, 'query') as Out<E['query']>;
      const body = parse(endpoint.body, request.body, 'body') as Out<E['body']>;
      const run = () =>
        options.handler({ body, query, params, auth: request.auth, request, reply });
      const key = idempotencyKeyOf(request);
      if (!key) {
        const result = await run();
        if (result === NOT_MODIFIED) return reply.code(304).send();
        return reply.code(success).send(result instanceof Serialized ? result.body : result);
      }
      const idem = app.services.idempotency;
      const req = { orgId: request.auth.orgId, key, hash: requestHash(request) };
      const serialise = (result: HandlerResult<E>) => {
        if (!(result instanceof Serialized)) return JSON.stringify(result);
        // Compressed bytes carry headers of their own: only a GET answers with them.
        if (typeof result.body !== 'string') throw new Error('Cannot store compressed bytes');
        return result.body;
      };
      if (options.transactional === false) {
        const stored = await idem.claim(req);
        if (stored) return sendStored(reply, stored, true);
        try {
          const response = { status: success, body: serialise(await run()) };
          await idem.finish(req, response);
          return sendStored(reply, response, false);
        } catch (error) {
          await idem.release(req);
          throw error;
        }
      }
      const out = await idem.commit(req, async () => ({
        status: success,
        body: serialise(await run()),
      }));
      return sendStored(reply, out, out.replayed);
    },
  });
}

/**
 * Stops start-up if an API route is registered that the contract's table does not name (the
 * documents about the API aside): the table is the one list of what the API is.
 */
export function onlyTableRoutes(
  app: FastifyInstance,
  prefixes: readonly string[],
  untabled: readonly string[],
): void {
  const tabled = new Set(Object.values(ENDPOINTS).map((e) => `${e.method} ${e.path}`));
  app.addHook('onRoute', (route) => {
    if (!prefixes.some((prefix) => route.url.startsWith(prefix))) return;
    if (untabled.includes(route.url)) return;
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD route for every GET by itself.
      if (method === 'HEAD' || tabled.has(`${method} ${route.url}`)) continue;
      throw new Error(`${method} ${route.url} is not in the contract's table of endpoints.`);
    }
  });
}

/** Sends a response recorded for an Idempotency-Key, exactly as it was first sent. */
export function sendStored(reply: FastifyReply, stored: StoredResponse, replayed: boolean) {
  if (replayed) void reply.header('Idempotent-Replayed', 'true');
  return reply.code(stored.status).type('application/json').send(stored.body);
}
