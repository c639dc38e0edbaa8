import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, type SessionDetail, type SessionStatusPoll, readMetadataJson } from '#contract';
import { mergeChecked } from '../../http/metadata';
import { defineRoute } from '../../http/route';
import { type EncodedBody, versionedAnswer } from '../../http/encoded-body';
import { VersionedCache } from '../../http/versioned-cache';
import type { Services } from '../../services';
import { toCapture } from '../captures/captures.repository';
import { toPhoto } from '../photos/photos.repository';
import { toSessionSummary } from './sessions.repository';

export function sessionsRoutes(app: FastifyInstance, s: Services): void {
  // Per app instance: another instance's writes bump the version in the database, which is
  // what every read checks first.
  const statusBodies = new VersionedCache<EncodedBody>();
  const detailBodies = new VersionedCache<EncodedBody>(16);
  defineRoute(app, ENDPOINTS.createSession, {
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

  defineRoute(app, ENDPOINTS.getSession, {
    handler: async ({ params, auth, request, reply }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      const at = { key: row.id, version: row.version, etag: `W/"${row.id}.${row.version}.detail"` };
      return versionedAnswer(request, reply, detailBodies, at, async (): Promise<SessionDetail> => {
        const { capture_count: _c, photo_count: _p, ...summary } = toSessionSummary(row);
        return {
          ...summary,
          captures: (await s.captures.forSession(row.id)).map(toCapture),
          product_photos: (await s.photos.forSession(row.id)).map(toPhoto),
        };
      });
    },
  });

  defineRoute(app, ENDPOINTS.updateSession, {
    handler: async ({ params, body, auth }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      await s.sessions.setMetadata(
        row.id,
        mergeChecked(readMetadataJson(row.metadata), body.metadata),
      );
      return toSessionSummary(await s.sessions.get(auth.orgId, row.id));
    },
  });

  defineRoute(app, ENDPOINTS.sessionStatus, {
    handler: async ({ params, auth, request, reply }) => {
      const row = await s.sessions.get(auth.orgId, params.id);
      const at = { key: row.id, version: row.version, etag: `W/"${row.id}.${row.version}"` };
      return versionedAnswer(
        request,
        reply,
        statusBodies,
        at,
        async (): Promise<SessionStatusPoll> => ({
          session_status: row.status,
          extraction_status: row.extraction_status,
          captures: await s.captures.statusesForSession(row.id),
        }),
      );
    },
  });

  for (const [endpoint, submitted] of [
    [ENDPOINTS.endSession, false],
    [ENDPOINTS.submitSession, true],
  ] as const) {
    defineRoute(app, endpoint, {
      handler: async ({ params, auth }) => {
        const row = await s.sessions.getActive(auth.orgId, params.id);
        await s.sessions.complete(row.id, submitted);
        if (submitted) await s.pipeline.submitSession(row.id);
        return toSessionSummary(await s.sessions.get(auth.orgId, row.id));
      },
    });
  }
}
