import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { docsPage, openApiDocument } from './openapi';

export const PUBLIC_API_PATHS = ['/scanner/api/v1/openapi.json', '/scanner/api/v1/docs'];

export function openApiRoutes(app: FastifyInstance, s: Services, version: string): void {
  app.get('/scanner/api/v1/openapi.json', () => openApiDocument(s.routes, version));
  app.get('/scanner/api/v1/docs', (_request, reply) =>
    reply.type('text/html').send(docsPage(s.routes)),
  );
}
