import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type AuthContext } from '../auth/auth';
import type { KeysRepository } from '../auth/keys.repository';
import type { Clock } from '../clock';
import type { RateLimiter } from '../limits/rate-limiter';
import { HttpError } from './errors';

/**
 * Who may call a route, declared on the route itself (`config.access`):
 * - `key`: needs a valid X-API-Key; counted against that key's limits;
 * - `public`: open (health, docs, the signed upload target); counted per client address;
 * - `asset`: the built app's files; neither checked nor counted (a PWA's precache alone is
 *   dozens of requests, and they are immutable files).
 */
export type Access = 'key' | 'public' | 'asset';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext;
  }
}

export interface AccessOptions {
  keys: KeysRepository;
  clock: Clock;
  /** Per API key (Part A's 300/min, 10,000/day by default). */
  keyLimiter: RateLimiter;
  /** Per client address, for whatever carries no valid key. */
  ipLimiter: RateLimiter;
  /** Paths under these prefixes are the API: a route there must say who may call it. */
  apiPrefixes: readonly string[];
}

/**
 * Authentication and rate limits, decided from the route the router matched (its declared
 * `access`), never from the raw URL: `/%73canner/api/v1/...` matches the same route as
 * `/scanner/api/v1/...`, so it meets the same check. An API route registered without an
 * `access` stops start-up, so a forgotten declaration cannot open a route.
 */
export function registerAccess(app: FastifyInstance, options: AccessOptions): void {
  const { keys, clock, keyLimiter, ipLimiter, apiPrefixes } = options;
  app.decorateRequest('auth', null as unknown as AuthContext);

  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (apiPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      throw new Error(`${String(route.method)} ${route.url} must declare config.access.`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = accessOf(request);
    if (access === 'asset') return;
    if (access === 'public') return limit(ipLimiter, `ip:${request.ip}`, 'this address', reply);
    let auth: AuthContext;
    try {
      auth = await authenticate(request, keys, clock);
    } catch (error) {
      // A 401 is counted against the address, so guessing keys is limited too.
      await limit(ipLimiter, `ip:${request.ip}`, 'this address', reply);
      throw error;
    }
    request.auth = auth;
    await keys.touch(auth.key.id);
    // An organization's data: no cache, shared or private, may keep it.
    void reply.header('Cache-Control', 'no-store');
    await limit(keyLimiter, `key:${auth.key.id}`, 'this API key', reply, {
      perMinute: auth.key.rate_limit_per_minute,
      perDay: auth.key.rate_limit_per_day,
    });
  });
}

/**
 * A matched route's declared access. Unmatched requests are `public` (a 404 is counted per
 * address and carries the headers), except page navigations, which get the app's shell.
 */
function accessOf(request: FastifyRequest): Access {
  if (request.method === 'OPTIONS') return 'asset';
  const declared = request.routeOptions.config.access;
  if (declared) return declared;
  if (request.routeOptions.url !== undefined) return 'asset';
  const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
  return page ? 'asset' : 'public';
}

/** Counts one request, puts the rate-limit headers on the reply, and throws 429 once spent. */
async function limit(
  limiter: RateLimiter,
  id: string,
  who: string,
  reply: FastifyReply,
  overrides = { perMinute: 0, perDay: 0 },
): Promise<void> {
  const result = await limiter.hit(id, overrides);
  void reply.headers(limiter.headers(result.windows));
  if (result.allowed) return;
  const daily = result.windows[1]?.remaining === 0;
  throw new HttpError(
    429,
    daily
      ? `Daily request limit reached for ${who}.`
      : 'Too many requests; slow down and retry after the indicated time.',
    null,
    { 'Retry-After': String(result.retryAfterSeconds) },
    result.retryAfterSeconds,
  );
}
