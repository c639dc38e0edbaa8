import type { FastifyInstance } from 'fastify';
import {
  Capture,
  CreateCaptureRequest,
  IdParam,
  resolveSessionRef,
  UpdateCaptureRequest,
} from '#contract';
import { readMetadata } from '../../db/json';
import { z } from 'zod';
import { conflict } from '../../store/errors';
import { mergeChecked } from '../../http/metadata';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';
import { toCapture } from './captures.repository';

export const CaptureParams = z.object({ id: IdParam });

export function capturesRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/scanner/api/v1/captures',
    summary: 'Submit a barcode or QR scan',
    tag: 'captures',
    body: CreateCaptureRequest,
    responses: { 201: Capture, 404: null, 409: null },
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

  defineRoute(app, s.routes, {
    method: 'GET',
    url: '/scanner/api/v1/captures/:id',
    summary: 'Get capture status',
    tag: 'captures',
    params: CaptureParams,
    responses: { 200: Capture },
    handler: async ({ params, auth }) => toCapture(await s.captures.get(auth.orgId, params.id)),
  });

  defineRoute(app, s.routes, {
    method: 'PATCH',
    url: '/scanner/api/v1/captures/:id',
    summary: 'Update capture metadata: a quantity, a note (Part A extension)',
    tag: 'captures',
    params: CaptureParams,
    body: UpdateCaptureRequest,
    responses: { 200: Capture, 409: null },
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

  defineRoute(app, s.routes, {
    method: 'DELETE',
    url: '/scanner/api/v1/captures/:id',
    summary: 'Remove a capture (Part A extension); removing it again answers 204 too',
    tag: 'captures',
    params: CaptureParams,
    responses: { 204: null, 409: null },
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

  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/scanner/api/v1/captures/:id/retry',
    summary: 'Retry a failed capture',
    tag: 'captures',
    params: CaptureParams,
    responses: { 200: Capture, 409: null },
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
