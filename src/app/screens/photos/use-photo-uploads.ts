import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PhotoType } from '#contract';
import { useOutbox } from '../../../features/outbox/outbox-context';
import { photoJob, usePhotoJobsStore } from '../../../features/photos/photo-jobs-store';
import {
  DEFAULT_ENCODING,
  processPhoto,
} from '../../../features/photos/processing/photo-processor';
import type { Still } from '../../../features/scanner/camera/still';
import { forgetPhoto, keepPhoto, replacePhoto } from '../../outbox/photo-outbox';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * From shutter to server for one session: each still is scored and compressed off the main
 * thread, flagged photos wait for the operator, and the rest are uploaded through the one
 * upload function, retried while the network is away, and kept with the reason when the server
 * refuses them. Uploads outlive the screen, and a processed photo outlives the page: it is in
 * the durable outbox until the server has it.
 */
export function usePhotoUploads(sessionId: string) {
  const outbox = useOutbox();
  const jobs = usePhotoJobsStore(
    useShallow((s) => s.jobs.filter((j) => j.sessionId === sessionId)),
  );
  const savedHere = usePhotoJobsStore((s) => s.savedHere[sessionId] ?? 0);

  /** A flagged photo the operator keeps, or a refused one tried again. */
  const send = useCallback((id: string) => void outbox.retry(id), [outbox]);

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
        const flagged = processed.report.issues.length > 0;
        if (!(await keepPhoto(outbox, id, flagged))) return 'failed';
        return flagged ? 'review' : 'sending';
      } catch (error) {
        changed(id, {
          stage: 'failed',
          error: { message: `The photo could not be processed: ${messageOf(error)}`, status: null },
        });
        return 'failed';
      }
    },
    [outbox, sessionId],
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
      await replacePhoto(outbox, id);
    },
    [outbox],
  );

  return {
    jobs,
    savedHere,
    shoot,
    keep: send,
    retry: send,
    shrink,
    drop: useCallback((id: string) => forgetPhoto(outbox, id), [outbox]),
  };
}
