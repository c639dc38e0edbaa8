import { type ComponentProps, lazy, Suspense } from 'react';
import { NoPhotos } from '../../../features/photos/no-photos';

/**
 * The gallery brings drag-and-drop (@dnd-kit, 17 kB of the session screen's 55 kB gzip), and
 * only photo sessions show it: a barcode session's overview no longer waits for it on a cold
 * load.
 */
const Gallery = lazy(() =>
  import('./session-gallery').then((m) => ({ default: m.SessionGallery })),
);

export function LazySessionGallery(props: ComponentProps<typeof Gallery>) {
  // Nothing to show yet: no reason to make a fresh session wait for the gallery's code.
  if (props.photos.length === 0) return <NoPhotos />;
  return (
    <Suspense fallback={<p className="muted">Loading the photos…</p>}>
      <Gallery {...props} />
    </Suspense>
  );
}
