import type { FastifyInstance } from 'fastify';
import { ENDPOINTS } from '#contract';
import { badRequest } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { resolveUrl } from '../../qr/qr-analyzer';
import type { Services } from '../../services';
import { redirectsRepository } from './redirects.repository';

export function resolveRoutes(app: FastifyInstance, s: Services): void {
  const redirects = redirectsRepository(s.sql, s.clock);

  defineRoute(app, ENDPOINTS.resolveUrl, {
    transactional: false,
    handler: ({ body }) => resolveUrl(body.url, s.allowPrivateUrls),
  });

  defineRoute(app, ENDPOINTS.saveRedirect, {
    handler: async ({ params, body, auth }) => {
      const capture = await s.captures.get(auth.orgId, params.id);
      if (capture.status !== 'COMPLETED' || !capture.product_id) {
        throw badRequest(
          'The capture has no linked product yet; retry once it is COMPLETED with a product.',
        );
      }
      return redirects.append(capture.product_id, auth.orgId, body.url);
    },
  });
}
