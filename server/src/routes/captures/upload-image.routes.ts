import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { Capture, MetadataPatchSchema, resolveSessionRef, UploadImageFields } from '#contract';
import { fieldErrors } from '../../http/error-handler';
import { HttpError, invalid } from '../../http/errors';
import { mergeChecked } from '../../http/metadata';
import type { Services } from '../../services';
import { sniffImage } from '../uploads/image-types';
import { toCapture } from './captures.repository';

/** Reads a multipart body: its text fields and the one file, refusing oversized files with 413. */
export async function readMultipart(
  parts: AsyncIterableIterator<
    MultipartFile | { type: 'field'; fieldname: string; value: unknown }
  >,
  fileField: string,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: Buffer | null }> {
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  try {
    await readParts();
  } catch (error) {
    // The parser's own complaints (truncated form, bad part header) are the client's fault.
    if (error instanceof HttpError) throw error;
    // @fastify/multipart's own limit error says nothing about the limit; ours does.
    if ((error as { statusCode?: number }).statusCode === 413)
      throw new HttpError(413, `Files may be at most ${formatBytes(maxBytes)}.`);
    throw new HttpError(400, `The multipart body is malformed: ${(error as Error).message}`);
  }
  return { fields, file };

  async function readParts(): Promise<void> {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) {
          throw new HttpError(413, `Files may be at most ${formatBytes(maxBytes)}.`);
        }
        if (part.fieldname === fileField) file = bytes;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  }
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} kB`;

export function uploadImageRoutes(app: FastifyInstance, s: Services): void {
  s.routes.push({
    method: 'POST',
    url: '/scanner/api/v1/captures/upload-image',
    summary: 'Upload a product image (multipart: image + fields)',
    tag: 'captures',
    body: UploadImageFields,
    responses: { 201: Capture, 413: null, 415: null },
  });
  app.post(
    '/scanner/api/v1/captures/upload-image',
    { config: { access: 'key' } },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new HttpError(415, 'Send multipart/form-data with an image file.');
      const { fields, file } = await readMultipart(request.parts(), 'image', s.uploadMaxBytes);
      const parsed = UploadImageFields.safeParse(fields);
      if (!parsed.success) throw new HttpError(422, 'Invalid input.', fieldErrors(parsed.error));
      if (!file) throw invalid('image', 'An image file is required.');
      const type = sniffImage(file);
      if (!type) throw new HttpError(415, 'Only JPEG, PNG or WebP images are accepted.');
      let metadata = {};
      if (parsed.data.metadata) {
        let raw: unknown;
        try {
          raw = JSON.parse(parsed.data.metadata);
        } catch {
          throw invalid('metadata', 'metadata must be a JSON object encoded as a string.');
        }
        const patch = MetadataPatchSchema.safeParse(raw);
        if (!patch.success)
          throw new HttpError(422, 'Invalid input.', fieldErrors(patch.error, 'metadata'));
        metadata = mergeChecked({}, patch.data);
      }
      const session = s.sessions.getActive(
        request.auth.orgId,
        resolveSessionRef(parsed.data) ?? '',
      );
      const key = `captures/${session.id}/${randomUUID()}${type.ext}`;
      s.objects.put(key, file);
      const row = s.db.transaction(() => {
        s.uploads.record({
          s3_key: key,
          session_id: session.id,
          org_id: session.org_id,
          content_type: type.mime,
          size: file.length,
        });
        const created = s.captures.create({
          sessionId: session.id,
          orgId: session.org_id,
          captureType: parsed.data.capture_type,
          rawValue: parsed.data.raw_value,
          gtin: parsed.data.gtin,
          metadata,
          gs1DlData: {},
          uploadedImageKey: key,
        });
        s.sessions.touch(session.id);
        return created;
      })();
      s.pipeline.enqueue(row.id);
      return reply.code(201).send(toCapture(row));
    },
  );
}
