import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, resolveSessionRef } from '#contract';
import { readMetadata } from '../../db/json';
import { conflict } from '../../store/errors';
import { mergeChecked } from '../../http/metadata';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';
import { toCapture } from './captures.repository';

export function capturesRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, ENDPOINTS.createCapture, {
    handler: async ({ body, auth }) => {
      const session = await s.sessions.getActive(auth.orgId, resolveSessionRef(body) ?? '');
      const metadata = mergeChecked({}, body.metadata);
      const row = await s.sql.transaction(async () => {
        const created = await s.captures.create({
          sessionId: session.id,
          orgId: auth.orgId,
          captureType: body.capture_type,
          rawValue: body.raw_value,
          gtin: body.gtin,
          metadata,
          gs1DlData: body.gs1_dl_data,
        });
        await s.sessions.touch(session.id);
        // Queued with the capture: both are written, or neither.
        await s.pipeline.enqueue(created.id);
        return created;
      });
      return toCapture(row);
    },
  });

  defineRoute(app, ENDPOINTS.getCapture, {
    handler: async ({ params, auth }) => toCapture(await s.captures.get(auth.orgId, params.id)),
  });

  defineRoute(app, ENDPOINTS.updateCapture, {
    handler: async ({ params, body, auth }) => {
      const row = await s.captures.get(auth.orgId, params.id);
      await s.sessions.getActive(auth.orgId, row.session_id);
      await s.sql.transaction(async () => {
        await s.captures.setMetadata(
          row.id,
          mergeChecked(readMetadata(row.metadata), body.metadata),
        );
        await s.sessions.touch(row.session_id);
      });
      return toCapture(await s.captures.get(auth.orgId, row.id));
    },
  });

  defineRoute(app, ENDPOINTS.deleteCapture, {
    handler: async ({ params, auth }) => {
      if (await s.captures.wasRemoved(auth.orgId, params.id)) return undefined;
      const row = await s.captures.get(auth.orgId, params.id);
      await s.sessions.getActive(auth.orgId, row.session_id);
      await s.sql.transaction(async () => {
        await s.captures.remove(row);
        await s.sessions.touch(row.session_id);
      });
      return undefined;
    },
  });

  defineRoute(app, ENDPOINTS.retryCapture, {
    handler: async ({ params, auth }) => {
      const row = await s.captures.get(auth.orgId, params.id);
      await s.sessions.getActive(auth.orgId, row.session_id);
      if (row.status !== 'FAILED' && row.status !== 'NOT_FOUND') {
        throw conflict(
          `Only FAILED or NOT_FOUND captures can be retried; this one is ${row.status}.`,
        );
      }
      await s.captures.update(row.id, {
        status: 'PENDING',
        error_message: '',
        processed_at: null,
      });
      await s.sessions.touch(row.session_id);
      await s.pipeline.enqueue(row.id);
      return toCapture(await s.captures.get(auth.orgId, row.id));
    },
  });
}
