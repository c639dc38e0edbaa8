import { BATCH_STATES } from '../../components/states';
import { FORMAT_LABEL } from '../../lib/gs1/symbology';
import { coverFit } from './engines/frame-ops';
import type { Point } from './engines/types';
import type { Track } from './guards/batch-tracker';

export interface BatchView {
  tracks: Track[];
  frame: { width: number; height: number };
}

/** Where a box in frame pixels sits on the video element (see coverFit), in its CSS pixels. */
export function boxOnScreen(
  points: Point[],
  frame: { width: number; height: number },
  element: { width: number; height: number },
) {
  const { scale, offsetX, offsetY } = coverFit(frame, element);
  const xs = points.map((p) => p.x * scale - offsetX);
  const ys = points.map((p) => p.y * scale - offsetY);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/** A 1D code's box is a thin line along its scan lines: tall enough to see and to tap. */
const MIN_SIDE = 44;

/**
 * Batch mode's outlines: one button over each code in view, in its state's colour and words,
 * following the code as it moves. Tapping one leaves that code out.
 */
export function BatchOverlay({
  view,
  element,
  onTap,
}: {
  view: BatchView;
  /** The video element's size on screen. */
  element: { width: number; height: number };
  onTap: (track: Track) => void;
}) {
  return (
    <div className="batch-overlay">
      {view.tracks.map((track) => {
        const look = BATCH_STATES[track.state];
        const box = boxOnScreen(track.points, view.frame, element);
        const width = Math.max(MIN_SIDE, box.width);
        const height = Math.max(MIN_SIDE, box.height);
        const label = `${FORMAT_LABEL[track.symbol.format]} ${track.symbol.text}`;
        return (
          <button
            key={track.key}
            type="button"
            className={`batch-code batch-${look.tone}`}
            data-testid="batch-code"
            data-state={track.state}
            style={{
              left: box.left - (width - box.width) / 2,
              top: box.top - (height - box.height) / 2,
              width,
              height,
            }}
            aria-label={`${label}: ${look.word}${track.reason ? ` (${track.reason})` : ''}. Leave out`}
            onClick={() => onTap(track)}
          >
            <span aria-hidden="true">{look.icon}</span>
          </button>
        );
      })}
    </div>
  );
}
