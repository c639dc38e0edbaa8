import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, KeyInfo } from '#contract';
import { defineRoute } from '../../http/route';

/**
 * Part A extension: `GET /scanner/api/v1/key` tells a client whether the server takes its key,
 * without reading or creating anything. The app checks a connection with it; against a server
 * without it (404) the app falls back to asking for a session that cannot exist.
 */
export function keyRoutes(app: FastifyInstance): void {
  defineRoute(app, ENDPOINTS.keyInfo, {
    handler: ({ auth }): KeyInfo => ({
      prefix: KeyInfo.shape.prefix.parse(auth.key.prefix),
      expires_at: auth.key.expires_at,
    }),
  });
}
