import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from '@dnd-kit/sortable';
import { useState } from 'react';
import type { PhotoType, ProductPhoto } from '#contract';
import { galleryAnnouncements, galleryInstructions } from './gallery-announcements';
import { GalleryTile } from './gallery-tile';
import { PHOTO_TYPE_LABEL } from './photo-types';
import { mergeGroupOrder } from './reorder';
import { NoPhotos } from './no-photos';

export interface GalleryGroup {
  /** The capture the photos show, or null for photos of no particular product. */
  captureId: string | null;
  title: string;
  photos: ProductPhoto[];
}

interface GalleryProps {
  groups: GalleryGroup[];
  /** Every photo id of the session in gallery order: the API reorders the whole gallery. */
  order: string[];
  readOnly: boolean;
  onReclassify: (photoId: string, photoType: PhotoType) => void;
  onReorder: (photoIds: string[]) => void;
}

const label = (photo: ProductPhoto, at: number) =>
  `${PHOTO_TYPE_LABEL[photo.photo_type]} photo, position ${at + 1}`;

/**
 * A session's photos, per product in "both" mode: thumbnails with their type, which can be
 * changed, in an order that can be changed by dragging (mouse or a long press) or by keyboard
 * (focus a photo's handle, Space, arrows, Space), as dnd-kit's sortable preset provides.
 */
export function PhotoGallery({ groups, order, readOnly, onReclassify, onReorder }: GalleryProps) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // A long press, so that a swipe over the gallery still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  if (!groups.some((g) => g.photos.length)) return <NoPhotos />;
  return (
    <div className="stack">
      {groups.map((group) => (
        <GroupGrid
          key={group.captureId ?? 'none'}
          group={group}
          showTitle={groups.length > 1 || group.captureId !== null}
          sensors={sensors}
          readOnly={readOnly}
          onReclassify={onReclassify}
          onReorder={(ids) => onReorder(mergeGroupOrder(order, ids))}
        />
      ))}
    </div>
  );
}

function GroupGrid({
  group,
  showTitle,
  sensors,
  readOnly,
  onReclassify,
  onReorder,
}: {
  group: GalleryGroup;
  showTitle: boolean;
  sensors: ReturnType<typeof useSensors>;
  readOnly: boolean;
  onReclassify: GalleryProps['onReclassify'];
  onReorder: (ids: string[]) => void;
}) {
  // The order shown while a reorder is on its way; the server's order replaces it on arrival.
  const [pending, setPending] = useState<{ base: string; ids: string[] } | null>(null);
  const serverIds = group.photos.map((p) => p.id);
  const base = serverIds.join();
  const ids = pending?.base === base ? pending.ids : serverIds;
  const byId = new Map(group.photos.map((p) => [p.id, p]));
  // One holder per grid for the whole drag (mutated by dnd-kit's callbacks, never in render).
  const [announcing] = useState(() => ({ moved: false }));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setPending({ base, ids: next });
    onReorder(next);
  };

  const titleId = `gallery-${group.captureId ?? 'none'}`;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className={showTitle ? undefined : 'visually-hidden'}>
        {group.title}
      </h3>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        // The places are measured before a drag starts too, so an arrow key pressed right after
        // Space moves the photo; measured only while dragging, a quick first arrow was lost.
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: galleryAnnouncements(ids, describe, announcing),
          screenReaderInstructions: galleryInstructions,
        }}
      >
        <SortableContext items={ids} strategy={rectSortingStrategy} disabled={readOnly}>
          <ol className="gallery-grid" aria-label={`Photos: ${group.title}`}>
            {ids.map((id, at) => {
              const photo = byId.get(id);
              return photo ? (
                <GalleryTile
                  key={id}
                  photo={photo}
                  label={label(photo, at)}
                  readOnly={readOnly}
                  onReclassify={(type) => onReclassify(id, type)}
                />
              ) : null;
            })}
          </ol>
        </SortableContext>
      </DndContext>
    </section>
  );

  function describe(id: string) {
    const photo = byId.get(id);
    return photo ? `${PHOTO_TYPE_LABEL[photo.photo_type]} photo` : 'photo';
  }
}
