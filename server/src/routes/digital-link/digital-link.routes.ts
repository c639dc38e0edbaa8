import type { FastifyInstance } from 'fastify';
import {
  DigitalLinkParseRequest,
  DigitalLinkParseResponse,
  digitalLinkParseResponse,
} from '#contract';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';

export function digitalLinkRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/products/api/v1/digital-link/parse',
    summary: 'Parse a GS1 Digital Link URL into structured AIs',
    tag: 'products',
    body: DigitalLinkParseRequest,
    responses: { 200: DigitalLinkParseResponse },
    handler: ({ body }) => digitalLinkParseResponse(body.url),
  });
}
