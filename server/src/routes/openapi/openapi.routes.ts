import type { FastifyInstance } from 'fastify';
import { ENDPOINTS } from '#contract';
import { docsPage, openApiDocument } from './openapi';

export const OPENAPI_PATH = '/scanner/api/v1/openapi.json';
export const DOCS_PATH = '/scanner/api/v1/docs';

/** The OpenAPI document and a docs page, both from the contract's table of endpoints. */
export function openApiRoutes(app: FastifyInstance, version: string): void {
  const config = { access: 'public' } as const;
  const endpoints = Object.values(ENDPOINTS);
  app.get(OPENAPI_PATH, { config }, () => openApiDocument(endpoints, version));
  app.get(DOCS_PATH, { config }, (_request, reply) =>
    reply.type('text/html').send(docsPage(endpoints)),
  );
}
