import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../http/errors';
import type { Services } from '../../services';
import { readMultipart } from '../captures/upload-image.routes';
import { UPLOAD_PATH } from '../photos/photos.routes';
import { sniffImage } from './image-types';

/**
 * The presigned upload target, S3-style: a multipart form with the signed fields and a `file`.
 * It needs no API key: the signed policy names the one key it may write, until it expires.
 */
export function uploadsRoutes(app: FastifyInstance, s: Services): void {
  app.post(UPLOAD_PATH, { config: { access: 'public' } }, async (request, reply) => {
    if (!request.isMultipart())
      throw new HttpError(415, 'Send multipart/form-data with the upload fields and a file.');
    const { fields, file } = await readMultipart(request.parts(), 'file', s.uploadMaxBytes);
    const check = s.presign.verify(fields);
    if (!check.ok) throw new HttpError(check.status, check.message);
    if (!file || file.length === 0) throw new HttpError(400, 'The form has no file.');
    const type = sniffImage(file);
    if (!type) throw new HttpError(415, 'Only JPEG, PNG or WebP images are accepted.');
    const session = s.sessions.get(check.policy.org, check.policy.session);
    if (session.status !== 'ACTIVE')
      throw new HttpError(409, `Session ${session.id} is ${session.status}.`);
    s.objects.put(check.policy.key, file);
    s.uploads.record({
      s3_key: check.policy.key,
      session_id: session.id,
      org_id: session.org_id,
      content_type: type.mime,
      size: file.length,
    });
    return reply.code(204).send();
  });
}
