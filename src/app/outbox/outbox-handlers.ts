import type { ApiClient } from '../../lib/api-client';
import { thumbnails } from '../../lib/idb';
import type { Outbox } from '../../features/outbox/outbox';
import { usePhotoJobsStore } from '../../features/photos/photo-jobs-store';
import {
  parsePhoto,
  sendStoredPhoto,
  type StoredPhoto,
  withoutBytes,
} from '../../features/photos/photo-payload';
import {
  type CaptureChange,
  type CaptureRemoval,
  parseCaptureChange,
  parseCaptureRemoval,
  parseScan,
  type ScanToSend,
  sendCapture,
  sendCaptureChange,
  sendCaptureRemoval,
} from '../../features/scans/send-capture';
import { PHOTO_KIND } from './photo-outbox';

export const CAPTURE_KIND = 'capture';
/** A quantity or a note for a capture the server has. */
export const CAPTURE_CHANGE_KIND = 'capture-change';
/** A capture removed after it was sent (an undo, a removal from the list). */
export const CAPTURE_REMOVAL_KIND = 'capture-removal';

/**
 * Each kind the outbox carries, and how it is sent: registered here, in the one place that
 * composes features. A new kind (a count, an undo) is one more registration.
 */
export function registerHandlers(outbox: Outbox, client: ApiClient): void {
  outbox.register<ScanToSend>(CAPTURE_KIND, {
    parse: parseScan,
    send: (scan, { item }) => sendCapture(client, scan, item.id),
  });

  // After the capture they concern, in order: the queue is first in, first out.
  outbox.register<CaptureChange>(CAPTURE_CHANGE_KIND, {
    parse: parseCaptureChange,
    send: (change) => sendCaptureChange(client, change),
  });
  outbox.register<CaptureRemoval>(CAPTURE_REMOVAL_KIND, {
    parse: parseCaptureRemoval,
    send: (removal) => sendCaptureRemoval(client, removal),
  });

  outbox.register<StoredPhoto>(PHOTO_KIND, {
    parse: parsePhoto,
    keepAfterSent: withoutBytes,
    send: async (photo, { item, save }) => {
      const { changed } = usePhotoJobsStore.getState();
      const saved = await sendStoredPhoto(client, item.id, photo, {
        onProgress: ({ loaded, total }) =>
          changed(item.id, { stage: 'sending', progress: total ? loaded / total : 0 }),
        onStored: (s3Key) => save({ ...photo, s3Key }),
      });
      // The gallery shows this device's own thumbnail: the API cannot send the photo back.
      if (photo.thumb && saved.s3_key) await thumbnails.save(saved.s3_key, photo.thumb);
      return saved;
    },
  });
}
