import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { PHOTO_UPLOAD_LIMITS, type PhotoType, type PresignResponse } from '#contract';
import type { Clock } from '../clock';

export const PRESIGN_TTL_SECONDS = 900;

export interface Policy {
  expiration: string;
  key: string;
  session: string;
  org: string;
  max: number;
}

const EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp']);

/**
 * S3-style presigned POST: the form carries the key and a policy signed with the server's
 * secret, so the upload target needs no API key and cannot be pointed at another key.
 */
export function presigner(secret: string, clock: Clock) {
  const sign = (policy: string) => createHmac('sha256', secret).update(policy).digest('hex');
  return {
    create(
      uploadUrl: string,
      sessionId: string,
      orgId: string,
      photoType: PhotoType,
      filename: string,
    ): PresignResponse {
      const ext = path.extname(filename).toLowerCase();
      const key = `sessions/${sessionId}/${photoType}/${randomUUID()}${EXTENSIONS.has(ext) ? ext : '.jpg'}`;
      const policy: Policy = {
        expiration: new Date(clock.now() + PRESIGN_TTL_SECONDS * 1000).toISOString(),
        key,
        session: sessionId,
        org: orgId,
        max: PHOTO_UPLOAD_LIMITS.maxBytes,
      };
      const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
      return {
        upload_url: uploadUrl,
        upload_fields: {
          key,
          policy: encoded,
          'x-amz-algorithm': 'HMAC-SHA256',
          'x-amz-signature': sign(encoded),
        },
        s3_key: key,
        expires_in: PRESIGN_TTL_SECONDS,
      };
    },
    /** The policy, if the fields are genuine and unexpired; otherwise why not. */
    verify(
      fields: Record<string, string>,
    ): { ok: true; policy: Policy } | { ok: false; status: 400 | 403; message: string } {
      const encoded = fields['policy'] ?? '';
      // Compared as bytes: a non-ASCII signature has as many characters as the real one but
      // more bytes, and timingSafeEqual throws on buffers of different lengths.
      const signature = Buffer.from(fields['x-amz-signature'] ?? '', 'utf8');
      const expected = Buffer.from(sign(encoded), 'utf8');
      if (
        !encoded ||
        signature.length !== expected.length ||
        !timingSafeEqual(signature, expected)
      ) {
        return {
          ok: false,
          status: 403,
          message: 'The upload policy signature is missing or wrong.',
        };
      }
      const policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Policy;
      if (fields['key'] !== policy.key)
        return { ok: false, status: 403, message: 'The key does not match the upload policy.' };
      if (Date.parse(policy.expiration) <= clock.now()) {
        return {
          ok: false,
          status: 403,
          message: 'The presigned upload has expired; ask for a new one.',
        };
      }
      return { ok: true, policy };
    },
  };
}

export type Presigner = ReturnType<typeof presigner>;
