import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, MetadataPatchSchema, resolveSessionRef, UploadImageFields } from '#contract';
import { fieldErrors } from '../../http/error-handler';
import { HttpError, invalid } from '../../http/errors';
import { assertJsonDepth } from '../../http/json-body';
import { mergeChecked } from '../../http/metadata';
import { readMultipart } from '../../http/multipart';
import { sendStored } from '../../http/route';
import { idempotencyKeyOf, requestHash } from '../../limits/idempotency';
import type { Services } from '../../services';
import { sniffImage } from '../uploads/image-types';
import { toCapture } from './captures.repository';

/** The `metadata` form field: a JSON object in a string, checked like a JSON body's. */
function readMetadataField(text: string | undefined) {
  if (!text) return {};
  assertJsonDepth(text, 'metadata');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('metadata', 'metadata must be a JSON object encoded as a string.');
  }
  const patch = MetadataPatchSchema.safeParse(raw);
  if (!patch.success)
    throw new HttpError(422, 'Invalid input.', fieldErrors(patch.error, 'metadata'));
  return mergeChecked({}, patch.data);
}

export function uploadImageRoutes(app: FastifyInstance, s: Services): void {
  const endpoint = ENDPOINTS.uploadImage;
  // Multipart: its form is read here, not by defineRoute's JSON parsing.
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: { access: endpoint.access },
    handler: async (request, reply) => {
      const { fields, file } = await readMultipart(request, {
        fileField: 'image',
        maxBytes: s.uploadMaxBytes,
      });
      const parsed = UploadImageFields.safeParse(fields);
      if (!parsed.success) throw new HttpError(422, 'Invalid input.', fieldErrors(parsed.error));
      if (!file) throw invalid('image', 'An image file is required.');
      const type = sniffImage(file);
      if (!type) throw new HttpError(415, 'Only JPEG, PNG or WebP images are accepted.');
      const metadata = readMetadataField(parsed.data.metadata);
      const session = await s.sessions.getActive(
        request.auth.orgId,
        resolveSessionRef(parsed.data) ?? '',
      );
      const key = `captures/${session.id}/${randomUUID()}${type.ext}`;
      await s.objects.put(key, file);
      const create = async () => {
        await s.uploads.record({
          s3_key: key,
          session_id: session.id,
          org_id: session.org_id,
          content_type: type.mime,
          size: file.length,
        });
        const row = await s.captures.create({
          sessionId: session.id,
          orgId: session.org_id,
          captureType: parsed.data.capture_type,
          rawValue: parsed.data.raw_value,
          gtin: parsed.data.gtin,
          metadata,
          gs1DlData: {},
          uploadedImageKey: key,
        });
        await s.sessions.touch(session.id);
        await s.pipeline.enqueue(row.id);
        return { status: 201, body: JSON.stringify(toCapture(row)), id: row.id };
      };
      const idemKey = idempotencyKeyOf(request);
      // The fields and the file's own bytes are the request: the same key with another
      // image is another request (409), not a replay.
      const hash = requestHash(request, {
        fields,
        image: createHash('sha256').update(file).digest('hex'),
      });
      const made: { id?: string } = {};
      const write = async () => {
        const r = await create();
        made.id = r.id;
        return r;
      };
      const out = idemKey
        ? await s.idempotency.commit({ orgId: request.auth.orgId, key: idemKey, hash }, write)
        : { ...(await s.sql.transaction(write)), replayed: false };
      // Replayed: the first request's object is the capture's.
      if (!made.id) await s.objects.remove(key);
      return sendStored(reply, out, out.replayed);
    },
  });
}
