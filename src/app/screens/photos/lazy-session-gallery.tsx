import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The gallery brings drag-and-drop (@dnd-kit, 17 kB of the session screen's 55 kB gzip), and
 * only photo sessions show it: a barcode session's overview no longer waits for it on a cold
 * load.
 */
const Gallery = lazy(() =>
  import('./session-gallery').then((m) => ({ default: m.SessionGallery })),
);

export function LazySessionGallery(props: ComponentProps<typeof Gallery>) {
  return (
    <Suspense fallback={<p className="muted">Loading the photos…</p>}>
      <Gallery {...props} />
    </Suspense>
  );
}
