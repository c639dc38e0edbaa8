import { PhotoType } from '#contract';

export type { PhotoType } from '#contract';

/** Every photo type of the contract, in the order the picker shows them. */
export const PHOTO_TYPES: readonly PhotoType[] = PhotoType.options;

export const PHOTO_TYPE_LABEL: Record<PhotoType, string> = {
  front: 'Front',
  back: 'Back',
  left: 'Left side',
  right: 'Right side',
  top: 'Top',
  bottom: 'Bottom',
  nutrition: 'Nutrition facts',
  ingredients: 'Ingredients',
  barcode: 'Barcode',
  recycling: 'Recycling',
  certification: 'Certification',
  other: 'Other',
};

/**
 * The faces the vision pipeline gets the most from, in the order an operator turns a product:
 * the guided sequence suggests them one after another and can be left at any time.
 */
export const GUIDED_SEQUENCE: readonly PhotoType[] = [
  'front',
  'back',
  'nutrition',
  'ingredients',
  'barcode',
];

/** The next guided type after `current`, or null at the end of the sequence. */
export function nextGuided(current: PhotoType): PhotoType | null {
  const at = GUIDED_SEQUENCE.indexOf(current);
  if (at < 0) return null;
  return GUIDED_SEQUENCE[at + 1] ?? null;
}
