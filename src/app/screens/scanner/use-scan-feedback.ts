import { useCallback, useMemo, useState } from 'react';
import { visibleText } from '../../../lib/visible-text';
import { createFeedback, type FeedbackKind } from '../../../features/scanner/feedback';

export const FLASH_TEXT: Record<FeedbackKind, string> = {
  accepted: 'Scanned',
  duplicate: 'Already scanned',
  rejected: 'Not accepted',
  queued: 'Queued offline',
};

export interface Flash {
  kind: FeedbackKind;
  text: string;
  /** Changes with every flash, so the same text twice still replays the animation. */
  key: number;
}

/**
 * Each outcome's sound, vibration, flash and words (the flash text is also the aria-live
 * announcement). A run of duplicate frames flashes once, silently, rather than once per frame.
 */
export function useScanFeedback(options: { sound: boolean; vibration: boolean }) {
  const feedback = useMemo(() => createFeedback(), []);
  const [flash, setFlash] = useState<Flash | null>(null);
  const { sound, vibration } = options;
  const announce = useCallback(
    (kind: FeedbackKind, text: string) => {
      feedback.play(kind, { sound, vibration });
      // Values come from anyone's label: hidden characters are shown, not obeyed.
      setFlash({ kind, text: visibleText(text), key: performance.now() });
    },
    [feedback, sound, vibration],
  );
  const duplicateInView = useCallback(
    (text: string) =>
      setFlash((current) =>
        current?.kind === 'duplicate'
          ? current
          : {
              kind: 'duplicate',
              text: `${FLASH_TEXT.duplicate}: ${visibleText(text)}`,
              key: performance.now(),
            },
      ),
    [],
  );
  return { flash, announce, duplicateInView, unlock: feedback.unlock };
}
