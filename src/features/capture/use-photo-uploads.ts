import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PhotoType } from '#contract';
import { ApiError } from '../../lib/api-client';
import { useApiClient } from '../../lib/api-context';
import { thumbnails } from '../../lib/idb';
import { apiDelivery } from '../outbox/delivery-policy';
import { sendUntilDelivered } from '../outbox/send-until-delivered';
import { type PhotoJob, photoJob, usePhotoJobsStore } from '../photos/photo-jobs-store';
import { DEFAULT_ENCODING, processPhoto } from '../photos/processing/photo-processor';
import {
  EXTENSION,
  uploadImageCapture,
  uploadPhoto,
  type UploadState,
} from '../photos/upload-photo';
import type { Still } from '../scanner/camera/still';
import { useDiagnosticsStore } from '../scanner/diagnostics-store';
import { useSessionChanged } from '../session/session-queries';

/** Saved photos the tray keeps showing (with their thumbnails) before they leave memory. */
const KEEP_SAVED = 12;

/** Upload progress per job survives retries: a stored object is registered, not sent again. */
const uploadStates = new Map<string, UploadState>();

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : null);
const messageOf = (error: unknown): string => {
  if (error instanceof ApiError && error.status === 413)
    return `The server refused the photo as too large (${error.message}).`;
  if (error instanceof ApiError && error.status === 415)
    return `The server refused the image type (${error.message}).`;
  return error instanceof Error ? error.message : String(error);
};

/**
 * From shutter to server for one session: each still is scored and compressed off the main
 * thread, flagged photos wait for the operator, and the rest are uploaded through the one
 * upload function, retried while the network is away, and kept with the reason when the server
 * refuses them. Uploads outlive the screen: leaving it does not cancel them.
 */
export function usePhotoUploads(sessionId: string) {
  const client = useApiClient();
  const sessionChanged = useSessionChanged(sessionId);
  const jobs = usePhotoJobsStore(
    useShallow((s) => s.jobs.filter((j) => j.sessionId === sessionId)),
  );
  const savedHere = usePhotoJobsStore((s) => s.savedHere[sessionId] ?? 0);

  const send = useCallback(
    (id: string) => {
      const { changed } = usePhotoJobsStore.getState();
      const job = photoJob(id);
      if (!job?.upload) return;
      const upload = job.upload;
      // Named once per photo (from the shutter's wall-clock time): every retry sends the same
      // body, so an Idempotency-Key replay never meets a different filename.
      const filename = `${job.photoType}-${job.takenAtIso.replace(/[:.]/g, '-')}.${EXTENSION[upload.type] ?? 'jpg'}`;
      const state = uploadStates.get(id) ?? { s3Key: null };
      uploadStates.set(id, state);
      changed(id, { stage: 'sending', progress: 0, error: undefined });
      const attempt: () => Promise<{ id: string; s3_key?: string }> =
        job.kind === 'image-capture'
          ? () =>
              uploadImageCapture(client, { sessionId, clientCaptureId: id, blob: upload, filename })
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
                },
              );
      sendUntilDelivered(attempt, {
        ...apiDelivery,
        onQueued: () => changed(id, { stage: 'queued' }),
      }).then(
        async (saved) => {
          const savedAfterMs = performance.now() - job.takenAt;
          usePhotoJobsStore
            .getState()
            .saved(id, { progress: 1, savedId: saved.id, savedAfterMs, bytes: upload.size });
          usePhotoJobsStore.getState().pruned(KEEP_SAVED);
          uploadStates.delete(id);
          performance.mark('photos:saved', {
            detail: {
              id: saved.id,
              savedAfterMs,
              bytes: upload.size,
              sourceBytes: job.sourceBytes,
            },
          });
          if (job.thumb && saved.s3_key) await thumbnails.save(saved.s3_key, job.thumb);
          await sessionChanged();
        },
        (error: unknown) => {
          const message = messageOf(error);
          changed(id, { stage: 'failed', error: { message, status: statusOf(error) } });
          useDiagnosticsStore.getState().failed(`photo not saved: ${message}`);
        },
      );
    },
    [client, sessionId, sessionChanged],
  );

  /** Scores and compresses a still; a flagged one waits for the operator, the rest are sent. */
  const shoot = useCallback(
    async (
      still: Still,
      input: {
        kind: 'photo' | 'image-capture';
        photoType: PhotoType;
        captureShortId: string | null;
        /** performance.now() when the shutter was pressed: the photo's clock starts there. */
        pressedAt: number;
      },
    ): Promise<'sending' | 'review' | 'failed'> => {
      const id = crypto.randomUUID();
      const { shot, changed } = usePhotoJobsStore.getState();
      const { pressedAt, ...job } = input;
      shot({ id, sessionId, ...job }, pressedAt);
      try {
        const processed = await processPhoto(still.source);
        changed(id, {
          upload: processed.upload,
          thumb: processed.thumb,
          thumbUrl: URL.createObjectURL(processed.thumb),
          width: processed.width,
          height: processed.height,
          sourceBytes: processed.sourceBytes,
          report: processed.report,
          how: still.how,
        });
        if (processed.report.issues.length) {
          changed(id, { stage: 'review' });
          return 'review';
        }
        send(id);
        return 'sending';
      } catch (error) {
        changed(id, {
          stage: 'failed',
          error: { message: `The photo could not be processed: ${messageOf(error)}`, status: null },
        });
        return 'failed';
      }
    },
    [send, sessionId],
  );

  /** After a 413: the same picture at half the size and a lower quality, then sent again. */
  const shrink = useCallback(
    async (id: string) => {
      const job = photoJob(id);
      if (!job?.upload) return;
      const { changed } = usePhotoJobsStore.getState();
      changed(id, { stage: 'processing', error: undefined });
      const edge = Math.max(320, Math.round(Math.max(job.width ?? 2048, job.height ?? 0) / 2));
      const smaller = await processPhoto(job.upload, {
        ...DEFAULT_ENCODING,
        maxEdge: edge,
        quality: 0.7,
      });
      changed(id, { upload: smaller.upload, width: smaller.width, height: smaller.height });
      uploadStates.delete(id);
      send(id);
    },
    [send],
  );

  return {
    jobs,
    savedHere,
    shoot,
    keep: send,
    retry: send,
    shrink,
    drop: (id: string) => {
      uploadStates.delete(id);
      usePhotoJobsStore.getState().dropped(id);
    },
  };
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
