import type { Outbox } from '../../features/outbox/outbox';
import { StorageFailedError } from '../../features/outbox/storage-failed';
import { waitingReason } from '../../features/outbox/outbox-store';
import type { OutboxView, Waiting } from '../../features/outbox/outbox-types';
import { jobName, photoJob, usePhotoJobsStore } from '../../features/photos/photo-jobs-store';
import { parsePhoto, photoPayload } from '../../features/photos/photo-payload';

/** Saved photos the tray keeps showing (with their thumbnails) before they leave memory. */
const KEEP_SAVED = 12;

export const PHOTO_KIND = 'photo';

/**
 * Puts a processed photo into the outbox: held for the operator when flagged, otherwise sent.
 * False (and the job marked) when this device could not keep it.
 */
export async function keepPhoto(outbox: Outbox, id: string, held: boolean): Promise<boolean> {
  const job = photoJob(id);
  const payload = job && photoPayload(job);
  if (!job || !payload) return false;
  const { changed } = usePhotoJobsStore.getState();
  changed(id, { stage: held ? 'review' : 'sending', progress: 0, error: undefined });
  try {
    await outbox.enqueue({
      id,
      kind: PHOTO_KIND,
      sessionId: job.sessionId,
      payload,
      summary: { title: jobName(job) },
      held,
    });
    return true;
  } catch (error) {
    const message = error instanceof StorageFailedError ? error.message : String(error);
    changed(id, { stage: 'failed', error: { message, status: null } });
    return false;
  }
}

/** After a 413 the smaller copy replaces the bytes, uploaded from the start, and is sent. */
export async function replacePhoto(outbox: Outbox, id: string): Promise<void> {
  const job = photoJob(id);
  const payload = job && photoPayload(job);
  if (!payload) return;
  usePhotoJobsStore.getState().changed(id, { stage: 'sending', progress: 0, error: undefined });
  await outbox.update(id, payload, true);
}

/** The operator let the photo go (retake, discard): gone from the outbox too. */
export function forgetPhoto(outbox: Outbox, id: string): void {
  usePhotoJobsStore.getState().dropped(id);
  void outbox.discard(id);
}

/**
 * Puts a photo an earlier page left back into the tray (flagged ones wait for the operator
 * again, the rest go on being sent). The outbox sends it; this only shows it.
 */
export function restorePhoto(item: OutboxView, payload: unknown): void {
  const photo = parsePhoto(payload);
  if (!photo?.upload || photoJob(item.id) || item.state === 'sent') return;
  const { shot, changed } = usePhotoJobsStore.getState();
  const { job, upload, thumb } = photo;
  shot({ id: item.id, ...job }, performance.now());
  changed(item.id, {
    ...job,
    upload,
    thumb,
    ...(thumb ? { thumbUrl: URL.createObjectURL(thumb) } : {}),
  });
  photoChanged(item, null);
}

/** The tray follows the outbox: each state of the item is a stage of the job. */
export function photoChanged(item: OutboxView, waiting: Waiting | null): void {
  const job = photoJob(item.id);
  if (!job || job.stage === 'saved') return;
  const { changed } = usePhotoJobsStore.getState();
  switch (item.state) {
    case 'held':
      changed(item.id, { stage: 'review' });
      return;
    case 'refused': {
      const status = item.error?.status ?? null;
      changed(item.id, {
        stage: 'failed',
        error: { message: refusalText(item.error?.message ?? 'Refused.', status), status },
      });
      return;
    }
    case 'pending':
      changed(item.id, { stage: waitingReason(item, waiting) ? 'queued' : 'sending' });
      return;
    case 'sent': {
      const savedAfterMs = performance.now() - job.takenAt;
      const bytes = job.upload?.size;
      usePhotoJobsStore
        .getState()
        .saved(item.id, { progress: 1, savedId: item.resultId, savedAfterMs, bytes });
      usePhotoJobsStore.getState().pruned(KEEP_SAVED);
      performance.mark('photos:saved', {
        detail: { id: item.resultId, savedAfterMs, bytes, sourceBytes: job.sourceBytes },
      });
    }
  }
}

/** The server's reason, with what it means for a photo where the tray offers a next step. */
function refusalText(message: string, status: number | null): string {
  if (status === 413) return `The server refused the photo as too large (${message}).`;
  if (status === 415) return `The server refused the image type (${message}).`;
  return message;
}

/** The queue waits: every photo being sent is queued (it goes again by itself). */
export function photosWaiting(waiting: Waiting | null): void {
  if (!waiting) return;
  const { jobs, changed } = usePhotoJobsStore.getState();
  for (const job of jobs) if (job.stage === 'sending') changed(job.id, { stage: 'queued' });
}
