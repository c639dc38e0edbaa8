import type { FastifyInstance } from 'fastify';
import {
  CreateSessionRequest,
  IdParam,
  SessionDetail,
  SessionStatusPoll,
  SessionSummary,
  UpdateSessionRequest,
  readMetadataJson,
} from '#contract';
import { z } from 'zod';
import { mergeChecked } from '../../http/metadata';
import { clientHas, defineRoute, NOT_MODIFIED } from '../../http/route';
import { EncodedBody, sendEncoded } from '../../http/encoded-body';
import { VersionedCache } from '../../http/versioned-cache';
import type { Services } from '../../services';
import { toCapture } from '../captures/captures.repository';
import { toPhoto } from '../photos/photos.repository';
import { toSessionSummary } from './sessions.repository';

const Params = z.object({ id: IdParam });

export function sessionsRoutes(app: FastifyInstance, s: Services): void {
  // Per app instance: another instance's writes bump the version in the database, which is
  // what every read checks first.
  const statusBodies = new VersionedCache<EncodedBody>();
  const detailBodies = new VersionedCache<EncodedBody>(16);
  defineRoute(app, s.routes, {
    method: 'POST',
    url: '/scanner/api/v1/sessions',
    summary: 'Create a scan session',
    tag: 'sessions',
    body: CreateSessionRequest,
    responses: { 201: SessionSummary },
    handler: async ({ body, auth }) => {
      const metadata = mergeChecked({}, body.metadata);
      const row = await s.sessions.create({
        orgId: auth.orgId,
        captureMode: body.capture_mode,
        userAgent: body.user_agent,
        deviceContext: body.device_context,
        metadata,
      });
      return toSessionSummary(row);
    },
  });

  defineRoute(app, s.routes, {
    method: 'GET',
    url: '/scanner/api/v1/sessions/:id',
    summary: 'Get session details',
    tag: 'sessions',
    params: Params,
    responses: { 200: SessionDetail, 304: null },
    // A 10,000-capture answer takes tens of milliseconds to build and serialise, all on the
    // event loop: it is built once per version of the session and shared by every reader, and
    // a reader that has it already gets a 304.
    handler: async ({ params, auth, request, reply }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      const etag = `W/"${row.id}.${row.version}.detail"`;
      void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
      if (clientHas(request, etag)) return NOT_MODIFIED;
      const body = await detailBodies.get(row.id, row.version, async () => {
        const { capture_count: _c, photo_count: _p, ...summary } = toSessionSummary(row);
        const detail: SessionDetail = {
          ...summary,
          captures: (await s.captures.forSession(row.id)).map(toCapture),
          product_photos: (await s.photos.forSession(row.id)).map(toPhoto),
        };
        return new EncodedBody(JSON.stringify(detail));
      });
      return sendEncoded(request, reply, body);
    },
  });

  defineRoute(app, s.routes, {
    method: 'PATCH',
    url: '/scanner/api/v1/sessions/:id',
    summary: 'Update session metadata (Part A extension)',
    tag: 'sessions',
    params: Params,
    body: UpdateSessionRequest,
    responses: { 200: SessionSummary },
    handler: async ({ params, body, auth }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      await s.sessions.setMetadata(
        row.id,
        mergeChecked(readMetadataJson(row.metadata), body.metadata),
      );
      return toSessionSummary(await s.sessions.get(auth.orgId, row.id));
    },
  });

  defineRoute(app, s.routes, {
    method: 'GET',
    url: '/scanner/api/v1/sessions/:id/status',
    summary: 'Poll session status',
    tag: 'sessions',
    params: Params,
    responses: { 200: SessionStatusPoll, 304: null },
    // Tablets poll this every few seconds, all day: the session's version is its ETag, so an
    // unchanged session costs one row read and a 304, and a changed one is serialised once for
    // every reader of that version.
    handler: async ({ params, auth, request, reply }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      const etag = `W/"${row.id}.${row.version}"`;
      void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
      if (clientHas(request, etag)) return NOT_MODIFIED;
      const body = await statusBodies.get(row.id, row.version, async () => {
        const poll: SessionStatusPoll = {
          session_status: row.status,
          extraction_status: row.extraction_status,
          captures: await s.captures.statusesForSession(row.id),
        };
        return new EncodedBody(JSON.stringify(poll));
      });
      return sendEncoded(request, reply, body);
    },
  });

  for (const [action, submitted, summary] of [
    ['end', false, 'End a scan session'],
    ['submit', true, 'Submit session for AI processing'],
  ] as const) {
    defineRoute(app, s.routes, {
      method: 'POST',
      url: `/scanner/api/v1/sessions/:id/${action}`,
      summary,
      tag: 'sessions',
      params: Params,
      responses: { 200: SessionSummary, 409: null },
      handler: async ({ params, auth }) => {
        const row = await s.sessions.getActive(auth.orgId, params.id);
        await s.sessions.complete(row.id, submitted);
        if (submitted) await s.pipeline.submitSession(row.id);
        return toSessionSummary(await s.sessions.get(auth.orgId, row.id));
      },
    });
  }
}
