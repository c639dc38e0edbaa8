import { PHOTO_TYPE_LABEL, PHOTO_TYPES, type PhotoType } from './photo-types';
import type { usePhotoGuide } from './use-photo-guide';

/** The type of the next photo, as a row of radio chips, with the guided sequence above it. */
export function PhotoTypePicker({ guide }: { guide: ReturnType<typeof usePhotoGuide> }) {
  return (
    <div className="photo-types">
      <div className="row photo-guide" aria-live="polite">
        {guide.step !== null ? (
          <>
            <span>
              Step {guide.step} of {guide.total}: <strong>{PHOTO_TYPE_LABEL[guide.type]}</strong>
            </span>
            <button type="button" className="button button-ghost" onClick={guide.skipped}>
              Skip this step
            </button>
          </>
        ) : (
          <button type="button" className="button button-ghost" onClick={guide.guideStarted}>
            Guide me through the faces
          </button>
        )}
      </div>
      <fieldset className="chip-row">
        <legend className="visually-hidden">Photo type</legend>
        {PHOTO_TYPES.map((type: PhotoType) => (
          <label key={type} className={type === guide.type ? 'chip chip-on' : 'chip'}>
            <input
              type="radio"
              name="photo-type"
              value={type}
              checked={type === guide.type}
              onChange={() => guide.chosen(type)}
            />
            {PHOTO_TYPE_LABEL[type]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
