import type { ReactNode } from 'react';
import type { StateLook, Tone } from './states';

const ICON: Record<Tone, string> = {
  accepted: '✓',
  duplicate: '⧉',
  rejected: '✕',
  queued: '◷',
  neutral: '•',
};

/** A state shown by colour and by an icon and words, never by colour alone. */
export function StatusBadge({
  tone,
  icon,
  children,
}: {
  tone: Tone;
  icon?: string;
  children: ReactNode;
}) {
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{icon ?? ICON[tone]}</span> {children}
    </span>
  );
}

/** A state from the vocabulary (components/states): its word, colour and icon. */
export function StateChip({ state, word }: { state: StateLook; word?: string }) {
  return (
    <StatusBadge tone={state.tone} icon={state.icon}>
      {word ?? state.word}
    </StatusBadge>
  );
}
