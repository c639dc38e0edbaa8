import { type ReactNode, useId, useRef } from 'react';

export type SheetState = 'collapsed' | 'half' | 'full';
const ORDER: readonly SheetState[] = ['collapsed', 'half', 'full'];
/** How far a drag must go before it moves the sheet a step (px): less is a tap. */
const DRAG_STEP = 40;

const step = (state: SheetState, by: 1 | -1): SheetState =>
  ORDER[Math.min(ORDER.length - 1, Math.max(0, ORDER.indexOf(state) + by))] ?? state;

/**
 * A sheet at the bottom of a full-screen screen with three heights. The handle is a real button:
 * a tap goes collapsed ↔ half, a drag up or down moves a step, and the arrow keys do the same,
 * so it works by thumb, by keyboard and by screen reader. Controlled: the screen keeps the state.
 */
export function BottomSheet({
  label,
  summary,
  state,
  onState,
  aside,
  children,
}: {
  label: string;
  /** Words on the handle, e.g. "3 scans". */
  summary: string;
  state: SheetState;
  onState: (state: SheetState) => void;
  /** Next to the handle, always visible (a link to the full list). */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const bodyId = useId();
  const drag = useRef<{ y: number; moved: boolean } | null>(null);
  return (
    <section className={`sheet sheet-${state}`} aria-label={label} data-state={state}>
      <div className="sheet-head">
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={state !== 'collapsed'}
          aria-controls={bodyId}
          aria-label={`${summary}: ${state === 'collapsed' ? 'show more' : 'show less'}`}
          onPointerDown={(event) => {
            drag.current = { y: event.clientY, moved: false };
            event.currentTarget.setPointerCapture(event.pointerId);
          }}
          onPointerMove={(event) => {
            const d = drag.current;
            if (!d || Math.abs(event.clientY - d.y) < DRAG_STEP) return;
            onState(step(state, event.clientY < d.y ? 1 : -1));
            drag.current = { y: event.clientY, moved: true };
          }}
          onPointerUp={() => {
            // A drag already moved the sheet; the click that follows it must not move it back.
            if (drag.current?.moved) drag.current = { y: 0, moved: true };
          }}
          onClick={() => {
            if (drag.current?.moved) {
              drag.current = null;
              return;
            }
            drag.current = null;
            onState(state === 'collapsed' ? 'half' : 'collapsed');
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
              event.preventDefault();
              onState(step(state, event.key === 'ArrowUp' ? 1 : -1));
            }
          }}
        >
          <span className="sheet-grip" aria-hidden="true" />
          <span>{summary}</span>
        </button>
        {aside}
      </div>
      <div id={bodyId} className="sheet-body">
        {children}
      </div>
    </section>
  );
}
