import { useMutation } from '@tanstack/react-query';
import { ENDPOINTS, type PhotoType } from '#contract';
import { useApiClient } from '../../lib/api-context';

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
        client.call(ENDPOINTS.updatePhoto, {
          params: { session_id: session, photo_id: photoId },
          body: { photo_type: photoType },
        }),
      onSettled: onChanged,
    }),
    reorder: useMutation({
      mutationFn: (photoIds: string[]) =>
        client.call(
          ENDPOINTS.reorderPhotos,
          { params: { session_id: session }, body: { photo_short_ids: photoIds } },
          { headers: { 'Idempotency-Key': crypto.randomUUID() } },
        ),
      onSettled: onChanged,
    }),
  };
}
