import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { docsPage, openApiDocument } from './openapi';

export function openApiRoutes(app: FastifyInstance, s: Services, version: string): void {
  const config = { access: 'public' } as const;
  app.get('/scanner/api/v1/openapi.json', { config }, () => openApiDocument(s.routes, version));
  app.get('/scanner/api/v1/docs', { config }, (_request, reply) =>
    reply.type('text/html').send(docsPage(s.routes)),
  );
}
