import type { Capture, ProductPhoto } from '#contract';
import { type GalleryGroup, PhotoGallery } from '../../../features/photos/photo-gallery';
import { usePhotoActions } from '../../../features/photos/photo-queries';
import { useSessionChanged } from '../../../features/session/session-queries';
import { captureTitle } from '../../../features/saved-captures/capture-title';

/** The photos of each product, in "both" mode; one group of all photos otherwise. */
export function galleryGroups(
  photos: readonly ProductPhoto[],
  captures: readonly Capture[],
  perProduct: boolean,
): GalleryGroup[] {
  const ordered = [...photos].sort((a, b) => a.sort_order - b.sort_order);
  if (!perProduct) return [{ captureId: null, title: 'All photos', photos: ordered }];
  const groups = new Map<string | null, GalleryGroup>();
  for (const photo of ordered) {
    const id = photo.capture_short_id;
    let group = groups.get(id);
    if (!group) {
      const capture = id ? captures.find((c) => c.id === id) : undefined;
      group = {
        captureId: id,
        title: id ? (capture ? captureTitle(capture) : `Capture ${id}`) : 'No particular product',
        photos: [],
      };
      groups.set(id, group);
    }
    group.photos.push(photo);
  }
  return [...groups.values()];
}

/** The session's gallery, with reclassify and reorder while the session is ACTIVE. */
export function SessionGallery({
  sessionId,
  photos,
  captures,
  perProduct,
  active,
  onlyCapture,
}: {
  sessionId: string;
  photos: readonly ProductPhoto[];
  captures: readonly Capture[];
  perProduct: boolean;
  active: boolean;
  /** Only this product's photos (a capture's detail); the order still spans the gallery. */
  onlyCapture?: string;
}) {
  const changed = useSessionChanged(sessionId);
  const actions = usePhotoActions(sessionId, changed);
  const order = [...photos].sort((a, b) => a.sort_order - b.sort_order).map((p) => p.id);
  const error = actions.reclassify.error ?? actions.reorder.error;
  return (
    <>
      <PhotoGallery
        groups={galleryGroups(photos, captures, perProduct).filter(
          (g) => onlyCapture === undefined || g.captureId === onlyCapture,
        )}
        order={order}
        readOnly={!active}
        onReclassify={(photoId, photoType) => actions.reclassify.mutate({ photoId, photoType })}
        onReorder={(ids) => actions.reorder.mutate(ids)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </>
  );
}
