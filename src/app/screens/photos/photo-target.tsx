import { useId } from 'react';
import type { Capture } from '#contract';
import { captureTitle } from '../../../features/saved-captures/capture-title';

/** 'latest' (the product scanned last), 'none', or a capture id. */
export type TargetChoice = string;

/** The newest capture of the session: the product just scanned. */
export function latestCapture(captures: readonly Capture[]): Capture | null {
  let latest: Capture | null = null;
  for (const c of captures) if (!latest || c.created > latest.created) latest = c;
  return latest;
}

/** The capture a choice links photos to. */
export function resolveTarget(choice: TargetChoice, captures: readonly Capture[]): Capture | null {
  if (choice === 'none') return null;
  if (choice === 'latest') return latestCapture(captures);
  return captures.find((c) => c.id === choice) ?? null;
}

/**
 * "Both" mode: which product the photos are of. By default the one scanned last, so scanning a
 * product and turning to its faces needs no choice; any other capture of the session, or none,
 * can be picked.
 */
export function PhotoTarget({
  captures,
  choice,
  onChoose,
}: {
  captures: readonly Capture[];
  choice: TargetChoice;
  onChoose: (choice: TargetChoice) => void;
}) {
  const id = useId();
  const latest = latestCapture(captures);
  const newestFirst = [...captures].sort((a, b) => b.created.localeCompare(a.created));
  return (
    <div className="photo-target">
      <label htmlFor={id}>Photos are of</label>
      <select id={id} value={choice} onChange={(event) => onChoose(event.target.value)}>
        <option value="latest">
          {latest ? `Last scanned: ${captureTitle(latest)}` : 'Last scanned (nothing scanned yet)'}
        </option>
        {newestFirst.map((c) => (
          <option key={c.id} value={c.id}>
            {captureTitle(c)}
          </option>
        ))}
        <option value="none">No particular product</option>
      </select>
    </div>
  );
}
