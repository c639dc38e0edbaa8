import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../http/errors';
import { readMultipart } from '../../http/multipart';
import type { Services } from '../../services';
import { UPLOAD_PATH } from '../photos/photos.routes';
import { sniffImage } from './image-types';

/**
 * The presigned upload target, S3-style: a multipart form with the signed fields and a `file`.
 * It needs no API key: the signed policy names the one key it may write, until it expires.
 * The signed fields must come before the file, as S3 requires too: the signature is checked
 * when the file starts, so a forged upload is refused before its bytes are read.
 */
export function uploadsRoutes(app: FastifyInstance, s: Services): void {
  app.post(UPLOAD_PATH, { config: { access: 'public' } }, async (request, reply) => {
    let policy: ReturnType<typeof s.presign.verify> | null = null;
    const { file } = await readMultipart(request, {
      fileField: 'file',
      maxBytes: s.uploadMaxBytes,
      beforeFile: (fields) => {
        if (fields['policy'] === undefined) {
          throw new HttpError(400, 'Send the signed upload fields before the file.');
        }
        policy = s.presign.verify(fields);
        if (!policy.ok) throw new HttpError(policy.status, policy.message);
      },
    });
    const check = policy as ReturnType<typeof s.presign.verify> | null;
    if (!check) throw new HttpError(400, 'The form has no file.');
    if (!check.ok) throw new HttpError(check.status, check.message);
    if (!file || file.length === 0) throw new HttpError(400, 'The form has no file.');
    const type = sniffImage(file);
    if (!type) throw new HttpError(415, 'Only JPEG, PNG or WebP images are accepted.');
    const session = await s.sessions.get(check.policy.org, check.policy.session);
    if (session.status !== 'ACTIVE')
      throw new HttpError(409, `Session ${session.id} is ${session.status}.`);
    // A registered photo's object is final: a second upload with the same (still valid)
    // presign would change the photo behind the server's back.
    if (await s.photos.byKey(check.policy.key)) {
      throw new HttpError(
        409,
        'This object is already registered as a photo; ask for a new upload URL.',
      );
    }
    await s.objects.put(check.policy.key, file);
    await s.uploads.record({
      s3_key: check.policy.key,
      session_id: session.id,
      org_id: session.org_id,
      content_type: type.mime,
      size: file.length,
    });
    return reply.code(204).send();
  });
}
