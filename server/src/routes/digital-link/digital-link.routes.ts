import type { FastifyInstance } from 'fastify';
import { digitalLinkParseResponse, ENDPOINTS } from '#contract';
import { defineRoute } from '../../http/route';

export function digitalLinkRoutes(app: FastifyInstance): void {
  defineRoute(app, ENDPOINTS.parseDigitalLink, {
    handler: ({ body }) => digitalLinkParseResponse(body.url),
  });
}
