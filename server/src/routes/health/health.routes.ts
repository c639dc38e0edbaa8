import type { FastifyInstance } from 'fastify';
import { ENDPOINTS } from '#contract';
import { defineRoute } from '../../http/route';

export function healthRoutes(app: FastifyInstance, version: string): void {
  defineRoute(app, ENDPOINTS.health, { handler: () => ({ status: 'ok' as const, version }) });
}
