import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, readMetadataJson } from '#contract';
import { HttpError, invalid } from '../../http/errors';
import { mergeChecked } from '../../http/metadata';
import { defineRoute } from '../../http/route';
import { toShortId } from '../../ids';
import type { Services } from '../../services';
import { sanitizeFilename } from '../uploads/image-types';
import { toPhoto } from './photos.repository';

export const UPLOAD_PATH = '/scanner/uploads';

export function photosRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, ENDPOINTS.presignUpload, {
    handler: async ({ params, query, auth, request }) => {
      const session = await s.sessions.getActive(auth.orgId, params.session_id);
      // The upload target is this server, on its public origin (never a Host it does not know).
      return s.presign.create(
        `${s.origins.publicOrigin(request)}${UPLOAD_PATH}`,
        session.id,
        session.org_id,
        query.photo_type,
        query.original_filename,
      );
    },
  });

  defineRoute(app, ENDPOINTS.registerPhoto, {
    handler: async ({ params, body, auth }) => {
      const session = await s.sessions.getActive(auth.orgId, params.session_id);
      const upload = await s.uploads.get(body.s3_key);
      if (!upload || upload.session_id !== session.id) {
        throw invalid(
          's3_key',
          'No uploaded object at this key for this session; upload it first.',
        );
      }
      if (await s.photos.byKey(body.s3_key)) {
        throw new HttpError(409, 'This object is already registered as a photo.');
      }
      const captureRef = body.capture_short_id ?? body.capture_public_id ?? null;
      let captureId: string | null = null;
      if (captureRef) {
        const capture = await s.captures.find(toShortId(captureRef));
        if (!capture || capture.session_id !== session.id) {
          throw invalid('capture_short_id', 'No capture with this id in this session.');
        }
        captureId = capture.id;
      }
      const metadata = mergeChecked({}, body.metadata);
      const row = await s.photos.create({
        sessionId: session.id,
        orgId: session.org_id,
        photoType: body.photo_type,
        s3Key: body.s3_key,
        originalFilename: body.original_filename ? sanitizeFilename(body.original_filename) : '',
        fileSize: body.file_size ?? upload.size,
        captureId,
        metadata,
      });
      await s.sessions.touch(session.id);
      return toPhoto(row);
    },
  });

  defineRoute(app, ENDPOINTS.updatePhoto, {
    handler: async ({ params, body, auth }) => {
      const session = await s.sessions.getActive(auth.orgId, params.session_id);
      const photo = await s.photos.get(session.id, params.photo_id);
      const metadata = mergeChecked(readMetadataJson(photo.metadata), body.metadata);
      await s.photos.update(photo.id, body.photo_type, metadata);
      await s.sessions.touch(session.id);
      return toPhoto(await s.photos.get(session.id, photo.id));
    },
  });

  defineRoute(app, ENDPOINTS.reorderPhotos, {
    handler: async ({ params, body, auth }) => {
      const session = await s.sessions.getActive(auth.orgId, params.session_id);
      const gallery = (await s.photos.forSession(session.id)).map((p) => p.id);
      const wanted = body.photo_short_ids.map(toShortId);
      const unknown = wanted.filter((id) => !gallery.includes(id));
      const missing = gallery.filter((id) => !wanted.includes(id));
      if (unknown.length || missing.length) {
        throw new HttpError(422, 'Invalid input.', [
          {
            field: 'photo_short_ids',
            message: `The list must name every photo of the session exactly once${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}.`,
          },
        ]);
      }
      await s.photos.reorder(wanted);
      await s.sessions.touch(session.id);
      return (await s.photos.forSession(session.id)).map(toPhoto);
    },
  });
}
