import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'error' | 'info' | 'neutral';

const ICON: Record<Tone, string> = { ok: '✓', warn: '!', error: '✕', info: 'i', neutral: '•' };

/** A state shown by colour and by an icon and words, never by colour alone. */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{ICON[tone]}</span> {children}
    </span>
  );
}
