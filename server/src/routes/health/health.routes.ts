import type { FastifyInstance } from 'fastify';
import type { Health } from '#contract';

export function healthRoutes(app: FastifyInstance, version: string): void {
  app.get('/healthz', { config: { access: 'public' } }, (): Health => ({ status: 'ok', version }));
}
