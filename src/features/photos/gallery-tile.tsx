import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId } from 'react';
import type { PhotoType, ProductPhoto } from '#contract';
import { PHOTO_TYPE_LABEL, PHOTO_TYPES } from './photo-types';
import { useThumbnail } from './use-thumbnail';

/** One photo: its thumbnail (when this device took it), its type, and its drag handle. */
export function GalleryTile({
  photo,
  label,
  readOnly,
  onReclassify,
}: {
  photo: ProductPhoto;
  label: string;
  readOnly: boolean;
  onReclassify: (type: PhotoType) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: photo.id,
    disabled: readOnly,
  });
  const thumb = useThumbnail(photo.s3_key);
  const selectId = useId();
  const style = {
    transform: CSS.Transform.toString(transform),
    transition,
  };
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'gallery-tile dragging' : 'gallery-tile'}
      data-photo-id={photo.id}
      data-testid="gallery-photo"
    >
      <button
        type="button"
        className="gallery-handle"
        aria-label={`Move ${label}`}
        disabled={readOnly}
        {...attributes}
        {...listeners}
      >
        {thumb ? (
          <img src={thumb} alt="" className="gallery-thumb" draggable={false} />
        ) : (
          <span className="gallery-thumb gallery-thumb-empty" aria-hidden="true">
            {PHOTO_TYPE_LABEL[photo.photo_type]}
          </span>
        )}
      </button>
      <label htmlFor={selectId} className="visually-hidden">
        Type of {label}
      </label>
      <select
        id={selectId}
        value={photo.photo_type}
        disabled={readOnly}
        onChange={(event) => onReclassify(event.target.value as PhotoType)}
      >
        {PHOTO_TYPES.map((type) => (
          <option key={type} value={type}>
            {PHOTO_TYPE_LABEL[type]}
          </option>
        ))}
      </select>
    </li>
  );
}
