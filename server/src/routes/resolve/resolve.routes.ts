import type { FastifyInstance } from 'fastify';
import {
  RedirectRule,
  ResolveUrlRequest,
  ResolveUrlResponse,
  SaveRedirectRequest,
} from '#contract';
import { badRequest } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { resolveUrl } from '../../qr/qr-analyzer';
import type { Services } from '../../services';
import { CaptureParams } from '../captures/captures.routes';
import { redirectsRepository } from './redirects.repository';

export function resolveRoutes(app: FastifyInstance, s: Services): void {
  const redirects = redirectsRepository(s.sql, s.clock);

  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/scanner/api/v1/resolve-url',
    summary: 'Resolve a QR code URL',
    tag: 'resolve',
    body: ResolveUrlRequest,
    responses: { 200: ResolveUrlResponse },
    transactional: false,
    handler: ({ body }) => resolveUrl(body.url, s.allowPrivateUrls),
  });

  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/scanner/api/v1/captures/:id/save-redirect',
    summary: 'Save a QR-resolved URL as a trade-item redirect',
    tag: 'resolve',
    params: CaptureParams,
    body: SaveRedirectRequest,
    responses: { 201: RedirectRule, 400: null },
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
