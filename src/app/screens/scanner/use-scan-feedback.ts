import { useCallback, useMemo, useState } from 'react';
import { STATES, type StateLook, type Tone } from '../../../components/states';
import { visibleText } from '../../../lib/visible-text';
import { createFeedback } from '../../../features/scanner/feedback';

export interface Flash {
  tone: Tone;
  text: string;
  /** Changes with every flash, so the same text twice still replays the animation. */
  key: number;
}

/**
 * Each outcome's sound, vibration, flash and words, all from the one table of states (the flash
 * text is also the aria-live announcement). A run of duplicate frames flashes once, silently,
 * rather than once per frame.
 */
export function useScanFeedback(options: { sound: boolean; vibration: boolean }) {
  const feedback = useMemo(() => createFeedback(), []);
  const [flash, setFlash] = useState<Flash | null>(null);
  const { sound, vibration } = options;
  const announce = useCallback(
    (state: StateLook, detail: string) => {
      if (state.sound) feedback.play(state.sound, { sound, vibration });
      // Values come from anyone's label: hidden characters are shown, not obeyed.
      setFlash({
        tone: state.tone,
        text: visibleText(`${state.word}: ${detail}`),
        key: performance.now(),
      });
    },
    [feedback, sound, vibration],
  );
  const duplicateInView = useCallback(
    (text: string) =>
      setFlash((current) =>
        current?.tone === 'duplicate'
          ? current
          : {
              tone: 'duplicate',
              text: visibleText(`${STATES.duplicate.word}: ${text}`),
              key: performance.now(),
            },
      ),
    [],
  );
  return { flash, announce, duplicateInView, unlock: feedback.unlock };
}

export type Announce = (state: StateLook, detail: string) => void;
