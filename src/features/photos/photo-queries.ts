import { useMutation } from '@tanstack/react-query';
import {
  type PhotoType,
  ProductPhoto,
  ProductPhotoList,
  SCANNER_API_PREFIX,
  withLegacyId,
} from '#contract';
import { useApiClient } from '../../lib/api-context';

const P = SCANNER_API_PREFIX;

/**
 * Changes to a session's gallery. The gallery itself comes with the session's detail, so each
 * mutation reports through `onChanged`, which refreshes the session (its owner's invalidation).
 */
export function usePhotoActions(sessionId: string, onChanged: () => Promise<void>) {
  const client = useApiClient();
  const session = encodeURIComponent(sessionId);
  return {
    reclassify: useMutation({
      mutationFn: ({ photoId, photoType }: { photoId: string; photoType: PhotoType }) =>
        client.request(
          withLegacyId(ProductPhoto),
          `${P}/sessions/${session}/photos/${encodeURIComponent(photoId)}`,
          { method: 'PATCH', body: { photo_type: photoType } },
        ),
      onSettled: onChanged,
    }),
    reorder: useMutation({
      mutationFn: (photoIds: string[]) =>
        client.request(ProductPhotoList, `${P}/sessions/${session}/photos/reorder`, {
          method: 'POST',
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: { photo_short_ids: photoIds },
        }),
      onSettled: onChanged,
    }),
  };
}
