import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, readMetadataJson } from '#contract';
import { badRequest } from '../../http/errors';
import { conflict } from '../../store/errors';
import { mergeChecked } from '../../http/metadata';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';
import { toCapture } from '../captures/captures.repository';
import { toProposal } from './proposals.repository';

export function proposalsRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, ENDPOINTS.listProposals, {
    handler: async ({ params, auth }) => {
      const capture = await s.captures.get(auth.orgId, params.id);
      return (await s.proposals.forCapture(capture.id)).map(toProposal);
    },
  });

  defineRoute(app, ENDPOINTS.reviewProposal, {
    handler: async ({ params, body, auth }) => {
      const row = await s.proposals.get(auth.orgId, params.proposal_id);
      if (row.applied_at) throw conflict('This proposal has already been applied to the product.');
      const metadata = mergeChecked(readMetadataJson(row.metadata), body.metadata);
      await s.proposals.review(row.id, body.status, metadata);
      // Once every proposal of a submitted session is reviewed, the session's extraction is
      // accepted if any was accepted, rejected otherwise.
      const capture = await s.captures.get(auth.orgId, row.capture_id);
      const session = await s.sessions.get(auth.orgId, capture.session_id);
      const progress = await s.proposals.sessionReview(session.id);
      if (session.extraction_status === 'ready' && !progress.pending) {
        await s.sessions.setExtraction(session.id, progress.accepted ? 'accepted' : 'rejected');
      }
      return toProposal(await s.proposals.get(auth.orgId, row.id));
    },
  });

  defineRoute(app, ENDPOINTS.applyProposals, {
    handler: async ({ params, auth }) => {
      const capture = await s.captures.get(auth.orgId, params.id);
      if (!capture.product_id)
        throw badRequest('This capture has no linked product to apply proposals to.');
      const productId = capture.product_id;
      const accepted = (await s.proposals.forCapture(capture.id)).filter(
        (p) => p.status === 'ACCEPTED' && !p.applied_at,
      );
      await s.sql.transaction(async () => {
        for (const p of accepted) {
          await s.products.setFieldFor(auth.orgId, productId, p.field_name, p.proposed_value);
          await s.proposals.markApplied(p.id);
        }
      });
      return {
        applied_count: accepted.length,
        capture: toCapture(await s.captures.get(auth.orgId, capture.id)),
      };
    },
  });
}
