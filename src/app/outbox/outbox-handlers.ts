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
import { parseScan, type ScanToSend, sendCapture } from '../../features/scans/send-capture';
import { PHOTO_KIND } from './photo-outbox';

export const CAPTURE_KIND = 'capture';

/**
 * Each kind the outbox carries, and how it is sent: registered here, in the one place that
 * composes features. A new kind (a count, an undo) is one more registration.
 */
export function registerHandlers(outbox: Outbox, client: ApiClient): void {
  outbox.register<ScanToSend>(CAPTURE_KIND, {
    parse: parseScan,
    send: (scan, { item }) => sendCapture(client, scan, item.id),
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
