import { useState } from 'react';
import { GUIDED_SEQUENCE, nextGuided, type PhotoType } from './photo-types';

/**
 * The type the next photo gets. With the guide on it walks front → back → nutrition →
 * ingredients → barcode, one step per photo taken; a step can be skipped, and choosing a type
 * by hand leaves the guide.
 */
export function usePhotoGuide(startGuided: boolean, productKey: string | null = null) {
  const [state, setState] = useState<{ type: PhotoType; guided: boolean; product: string | null }>({
    type: GUIDED_SEQUENCE[0] ?? 'front',
    guided: startGuided,
    product: productKey,
  });
  // A new product ("both" mode) starts the sequence again: its faces are all still to take.
  // Adjusting state while rendering, as React's docs advise for state derived from props.
  if (state.product !== productKey)
    setState({ type: GUIDED_SEQUENCE[0] ?? 'front', guided: startGuided, product: productKey });
  const advance = () =>
    setState((s) => {
      if (!s.guided) return s;
      const next = nextGuided(s.type);
      return next ? { ...s, type: next } : { ...s, type: 'other', guided: false };
    });
  return {
    type: state.type,
    guided: state.guided,
    step: state.guided ? GUIDED_SEQUENCE.indexOf(state.type) + 1 : null,
    total: GUIDED_SEQUENCE.length,
    chosen: (type: PhotoType) => setState((s) => ({ ...s, type, guided: false })),
    /** A photo of the current type was kept: the guide moves on. */
    photographed: advance,
    skipped: advance,
    guideStarted: () =>
      setState((s) => ({ ...s, type: GUIDED_SEQUENCE[0] ?? 'front', guided: true })),
  };
}
