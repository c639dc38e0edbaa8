import { z } from 'zod/mini';
import { PhotoType } from '#contract';
import type { ApiClient } from '../../lib/api-client';
import type { UploadProgress } from '../../lib/upload';
import type { PhotoJob } from './photo-jobs-store';
import { EXTENSION, uploadImageCapture, uploadPhoto } from './upload-photo';

/** A photo as the outbox keeps it: what is needed to send it after a reload. */
const StoredPhoto = z.object({
  job: z.object({
    kind: z.enum(['photo', 'image-capture']),
    sessionId: z.string().check(z.minLength(1)),
    photoType: PhotoType,
    captureShortId: z.nullable(z.string()),
    takenAtIso: z.string(),
    width: z.optional(z.number()),
    height: z.optional(z.number()),
    sourceBytes: z.optional(z.nullable(z.number())),
    how: z.optional(z.enum(['photo', 'frame'])),
    report: z.optional(
      z.object({
        sharpness: z.number(),
        meanLuma: z.number(),
        darkFraction: z.number(),
        clippedFraction: z.number(),
        issues: z.array(z.enum(['blurry', 'dark', 'overexposed'])),
      }),
    ),
  }),
  /** Absent once sent: the bytes are let go, the facts kept. */
  upload: z.optional(z.instanceof(Blob)),
  thumb: z.optional(z.instanceof(Blob)),
  /** Where the upload got to: once stored, a resend only registers it. */
  s3Key: z.nullable(z.string()),
});
export type StoredPhoto = z.infer<typeof StoredPhoto>;

export const parsePhoto = (payload: unknown): StoredPhoto | null => {
  const parsed = StoredPhoto.safeParse(payload);
  return parsed.success ? parsed.data : null;
};

/** The payload for a processed job (null while it has no bytes yet). */
export function photoPayload(job: PhotoJob, s3Key: string | null = null): StoredPhoto | null {
  if (!job.upload) return null;
  return {
    job: {
      kind: job.kind,
      sessionId: job.sessionId,
      photoType: job.photoType,
      captureShortId: job.captureShortId,
      takenAtIso: job.takenAtIso,
      width: job.width,
      height: job.height,
      sourceBytes: job.sourceBytes,
      how: job.how,
      report: job.report,
    },
    upload: job.upload,
    thumb: job.thumb,
    s3Key,
  };
}

/** What is kept once the server has it: the facts, not the bytes. */
export const withoutBytes = ({ job, s3Key }: StoredPhoto): StoredPhoto => ({ job, s3Key });

/**
 * Sends a kept photo (or IMAGE capture) through the one upload function. Named once per photo
 * (from the shutter's wall-clock time): every resend sends the same body, so an
 * Idempotency-Key replay never meets a different filename.
 */
export async function sendStoredPhoto(
  client: ApiClient,
  id: string,
  photo: StoredPhoto,
  options: {
    onProgress?: (progress: UploadProgress) => void;
    /** The object is stored: written down before registering, so a reload only registers it. */
    onStored?: (s3Key: string) => Promise<void>;
  } = {},
): Promise<{ id: string; s3_key?: string }> {
  const { job, upload } = photo;
  if (!upload) throw new Error('The photo has no bytes left to send.');
  const filename = `${job.photoType}-${job.takenAtIso.replace(/[:.]/g, '-')}.${EXTENSION[upload.type] ?? 'jpg'}`;
  if (job.kind === 'image-capture')
    return uploadImageCapture(client, {
      sessionId: job.sessionId,
      clientCaptureId: id,
      blob: upload,
      filename,
    });
  const state = { s3Key: photo.s3Key };
  return uploadPhoto(
    client,
    {
      sessionId: job.sessionId,
      clientPhotoId: id,
      photoType: job.photoType,
      captureShortId: job.captureShortId,
      blob: upload,
      filename,
      metadata: qualityMetadata(job),
    },
    state,
    { onProgress: options.onProgress, onStored: options.onStored },
  );
}

function qualityMetadata(job: StoredPhoto['job']): Record<string, string> {
  const report = job.report;
  if (!report) return {};
  return {
    still: job.how ?? 'frame',
    size: `${job.width}x${job.height}`,
    sharpness: report.sharpness.toFixed(0),
    mean_luma: report.meanLuma.toFixed(0),
    ...(report.issues.length ? { kept_despite: report.issues.join(',') } : {}),
  };
}
