import { z } from 'zod';
import { PhotoType } from '#contract';
import { ApiError, type ApiClient } from '../../lib/api-client';
import type { StoredOutboxItem } from '../../lib/idb';
import { thumbnails } from '../../lib/idb';
import { apiDelivery } from '../outbox/delivery-policy';
import { durableOutbox } from '../outbox/durable-outbox';
import { sendUntilDelivered } from '../outbox/send-until-delivered';
import { jobName, type PhotoJob, photoJob, usePhotoJobsStore } from '../photos/photo-jobs-store';
import {
  EXTENSION,
  uploadImageCapture,
  uploadPhoto,
  type UploadState,
} from '../photos/upload-photo';
import { useDiagnosticsStore } from '../scanner/diagnostics-store';
import { useSettingsStore } from '../settings/settings-store';

/** Saved photos the tray keeps showing (with their thumbnails) before they leave memory. */
const KEEP_SAVED = 12;

/** Upload progress per job survives retries: a stored object is registered, not sent again. */
const uploadStates = new Map<string, UploadState>();

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : null);
export const messageOf = (error: unknown): string => {
  if (error instanceof ApiError && error.status === 413)
    return `The server refused the photo as too large (${error.message}).`;
  if (error instanceof ApiError && error.status === 415)
    return `The server refused the image type (${error.message}).`;
  return error instanceof Error ? error.message : String(error);
};

/** A photo as the durable outbox keeps it: what the job needs to be sent after a reload. */
const StoredPhoto = z.object({
  job: z.object({
    kind: z.enum(['photo', 'image-capture']),
    sessionId: z.string().min(1),
    photoType: PhotoType,
    captureShortId: z.string().nullable(),
    stage: z.enum(['review', 'sending', 'queued', 'failed']),
    takenAtIso: z.string(),
    width: z.number().optional(),
    height: z.number().optional(),
    sourceBytes: z.number().nullable().optional(),
    how: z.enum(['photo', 'frame']).optional(),
    report: z
      .object({
        sharpness: z.number(),
        meanLuma: z.number(),
        darkFraction: z.number(),
        clippedFraction: z.number(),
        issues: z.array(z.enum(['blurry', 'dark', 'overexposed'])),
      })
      .optional(),
  }),
  upload: z.instanceof(Blob),
  thumb: z.instanceof(Blob).optional(),
  s3Key: z.string().nullable(),
});
type StoredPhoto = z.infer<typeof StoredPhoto>;

/** "Front photo", for a photo kept in the outbox; null if this version cannot read it. */
export function storedPhotoName(payload: unknown): string | null {
  const parsed = StoredPhoto.safeParse(payload);
  return parsed.success ? jobName(parsed.data.job) : null;
}

/**
 * Writes the photo (its bytes, thumbnail and where its upload got to) to the durable outbox, so
 * a reload or a closed tab does not lose it; called again whenever any of that changes.
 */
export function keepPhoto(id: string): Promise<void> {
  const job = photoJob(id);
  if (!job?.upload || job.stage === 'saved' || job.stage === 'processing') return Promise.resolve();
  const payload: StoredPhoto = {
    job: {
      kind: job.kind,
      sessionId: job.sessionId,
      photoType: job.photoType,
      captureShortId: job.captureShortId,
      stage: job.stage,
      takenAtIso: job.takenAtIso,
      width: job.width,
      height: job.height,
      sourceBytes: job.sourceBytes,
      how: job.how,
      report: job.report,
    },
    upload: job.upload,
    thumb: job.thumb,
    s3Key: uploadStates.get(id)?.s3Key ?? null,
  };
  return durableOutbox.keep({
    id,
    kind: 'photo',
    server: useSettingsStore.getState().apiBaseUrl,
    sessionId: job.sessionId,
    payload,
  });
}

/** The operator let the photo go (retake, discard): gone from the outbox too. */
export function forgetPhoto(id: string): void {
  uploadStates.delete(id);
  usePhotoJobsStore.getState().dropped(id);
  void durableOutbox.discard(id);
}

/**
 * Puts a photo an earlier page left back into the tray: flagged ones wait for the operator
 * again, the rest go on being sent. Returns false for a payload this version cannot read.
 */
export function restorePhoto(
  client: ApiClient,
  item: StoredOutboxItem,
  onSaved: (sessionId: string) => Promise<void>,
): boolean {
  const parsed = StoredPhoto.safeParse(item.payload);
  if (!parsed.success) return false;
  const { job, upload, thumb, s3Key } = parsed.data;
  if (photoJob(item.id)) return true;
  const { shot, changed } = usePhotoJobsStore.getState();
  const { stage, ...rest } = job;
  shot({ id: item.id, ...rest }, performance.now());
  changed(item.id, {
    ...rest,
    upload,
    thumb,
    ...(thumb ? { thumbUrl: URL.createObjectURL(thumb) } : {}),
    stage: stage === 'review' ? 'review' : 'queued',
  });
  uploadStates.set(item.id, { s3Key });
  if (stage !== 'review') sendPhotoJob(client, item.id, onSaved);
  return true;
}

/**
 * Sends one photo (or IMAGE capture) through the one upload function until the server has it.
 * Offline, 429 and 5xx wait and retry; a refusal (413, 415) is kept with the reason and the
 * next step. The job is in the durable outbox throughout, with where its upload got to.
 */
export function sendPhotoJob(
  client: ApiClient,
  id: string,
  onSaved: (sessionId: string) => Promise<void>,
): void {
  const { changed } = usePhotoJobsStore.getState();
  const job = photoJob(id);
  if (!job?.upload) return;
  const upload = job.upload;
  const sessionId = job.sessionId;
  // Named once per photo (from the shutter's wall-clock time): every retry sends the same
  // body, so an Idempotency-Key replay never meets a different filename.
  const filename = `${job.photoType}-${job.takenAtIso.replace(/[:.]/g, '-')}.${EXTENSION[upload.type] ?? 'jpg'}`;
  const state = uploadStates.get(id) ?? { s3Key: null };
  uploadStates.set(id, state);
  changed(id, { stage: 'sending', progress: 0, error: undefined });
  void keepPhoto(id);
  const attempt: () => Promise<{ id: string; s3_key?: string }> =
    job.kind === 'image-capture'
      ? () => uploadImageCapture(client, { sessionId, clientCaptureId: id, blob: upload, filename })
      : () =>
          uploadPhoto(
            client,
            {
              sessionId,
              clientPhotoId: id,
              photoType: job.photoType,
              captureShortId: job.captureShortId,
              blob: upload,
              filename,
              metadata: qualityMetadata(job),
            },
            state,
            {
              onProgress: ({ loaded, total }) =>
                changed(id, { stage: 'sending', progress: total ? loaded / total : 0 }),
              // Written down before registering: after a reload the stored object is
              // registered (under the same Idempotency-Key), never uploaded a second time.
              onStored: () => keepPhoto(id),
            },
          );
  sendUntilDelivered(attempt, {
    ...apiDelivery,
    onQueued: () => {
      changed(id, { stage: 'queued' });
      void keepPhoto(id);
    },
  }).then(
    async (saved) => {
      const savedAfterMs = performance.now() - job.takenAt;
      usePhotoJobsStore
        .getState()
        .saved(id, { progress: 1, savedId: saved.id, savedAfterMs, bytes: upload.size });
      usePhotoJobsStore.getState().pruned(KEEP_SAVED);
      uploadStates.delete(id);
      await durableOutbox.delivered(id);
      performance.mark('photos:saved', {
        detail: { id: saved.id, savedAfterMs, bytes: upload.size, sourceBytes: job.sourceBytes },
      });
      if (job.thumb && saved.s3_key) await thumbnails.save(saved.s3_key, job.thumb);
      await onSaved(sessionId);
    },
    (error: unknown) => {
      const message = messageOf(error);
      const status = statusOf(error);
      changed(id, { stage: 'failed', error: { message, status } });
      // Too large or the wrong type: the tray offers a smaller copy, so it stays to be sent.
      // Any other refusal (the session ended, ...) is listed on Home until discarded.
      if (status === 413 || status === 415) void keepPhoto(id);
      else void durableOutbox.refused(id, new Error(message));
      useDiagnosticsStore.getState().failed(`photo not saved: ${message}`);
    },
  );
}

/** After a 413 the smaller copy replaces the bytes, and is uploaded from the start. */
export function replaceUpload(id: string): void {
  uploadStates.delete(id);
  void keepPhoto(id);
}

function qualityMetadata(job: PhotoJob): Record<string, string> {
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
