import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors';
import type { RateLimiter } from './rate-limiter';

/**
 * Runs after authentication: counts the request against its key, puts the rate-limit headers on
 * the response whatever its status, and answers 429 with Retry-After once a window is spent.
 */
export function registerRateLimit(app: FastifyInstance, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.auth) return;
    const { key } = request.auth;
    const result = limiter.hit(key.id, {
      perMinute: key.rate_limit_per_minute,
      perDay: key.rate_limit_per_day,
    });
    const headers = limiter.headers(result.windows);
    void reply.headers(headers);
    if (!result.allowed) {
      const daily = result.windows[1]?.remaining === 0;
      throw new HttpError(
        429,
        daily
          ? 'Daily request limit reached for this API key.'
          : 'Too many requests; slow down and retry after the indicated time.',
        null,
        { 'Retry-After': String(result.retryAfterSeconds) },
        result.retryAfterSeconds,
      );
    }
  });
}
