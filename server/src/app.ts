import Fastify, { type FastifyInstance } from 'fastify';
import { SCANNER_API_PREFIX } from '#contract';
import { healthRoutes } from './routes/health/health.routes';
import { registerSecurityHeaders } from './security';
import { registerStaticApp } from './static';

export interface AppOptions {
  /** The built app to serve; omitted in API-only tests. */
  staticDir?: string;
  version: string;
  logger?: boolean;
}

/**
 * Builds the server without listening and without reading the environment, so tests create
 * it in-process and call it through `inject`.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: false });
  await registerSecurityHeaders(app);
  healthRoutes(app, options.version);
  await registerStaticApp(app, options.staticDir, [
    SCANNER_API_PREFIX,
    '/products/api/',
    '/healthz',
  ]);
  return app;
}
