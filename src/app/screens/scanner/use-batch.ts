import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { STATES, type StateLook } from '../../../components/states';
import type { BatchView } from '../../../features/scanner/batch-overlay';
import type {
  BatchFrame,
  BatchTracker,
  Track,
} from '../../../features/scanner/guards/batch-tracker';
import type { FrameReport } from '../../../features/scanner/scan-loop';
import type { Identification } from '../../../lib/gs1/identify';
import type { Symbology } from '../../../lib/gs1/symbology';

type Scan = Extract<Identification, { ok: true }>;

export interface BatchDeps {
  /** Whether the session holds this identity already (this device's scans or the server's). */
  known: (identity: string) => boolean;
  /** Keeps a captured code as a scan; resolves to its id, or null when it was not kept. */
  keep: (code: Scan & { format: Symbology }, decodeMs: number) => Promise<string | null>;
  /** Takes a kept scan back (the session's Remove). */
  remove: (scanId: string) => Promise<void>;
  announce: (state: StateLook, detail: string) => void;
  /** The video element's size on screen, read per frame (the overlay is laid over it). */
  measure: () => { width: number; height: number } | null;
}

/** The outlines change when a code moves by this many frame pixels, or changes state. */
const MOVED_PX = 4;

/**
 * The scanner screen's batch mode: what the tracker captured becomes scans, the codes in view
 * become the overlay (re-rendered only when one moved or changed state), and a tap leaves a code
 * out, taking back its scan if it was captured.
 */
export function useBatch(enabled: boolean, deps: BatchDeps) {
  const latest = useRef(deps);
  useLayoutEffect(() => {
    latest.current = deps;
  });
  const [view, setView] = useState<
    (BatchView & { tally: BatchFrame['tally']; element: { width: number; height: number } }) | null
  >(null);
  const scanIds = useRef(new Map<string, string>());
  const shown = useRef('');

  const options = useMemo(
    () =>
      enabled
        ? {
            inSession: (identity: string) => latest.current.known(identity),
            onFrame: (batch: BatchFrame, frame: FrameReport) => {
              for (const { track, scan } of batch.captured)
                void latest.current
                  .keep({ ...scan, format: track.symbol.format }, frame.decodeMs)
                  .then((id) => id && scanIds.current.set(track.key, id));
              const signature = [
                frame.width,
                ...batch.inView.map(
                  (t) =>
                    `${t.key}:${t.state}:${t.points
                      .map((p) => `${Math.round(p.x / MOVED_PX)},${Math.round(p.y / MOVED_PX)}`)
                      .join(';')}`,
                ),
                batch.tally.captured,
              ];
              const element = latest.current.measure();
              if (!element) return;
              signature.push(Math.round(element.width), Math.round(element.height));
              const key = signature.join('|');
              if (key === shown.current) return;
              shown.current = key;
              setView({
                // The tracker's tracks change in place: the overlay gets copies.
                tracks: batch.inView.map((t) => ({ ...t })),
                frame: { width: frame.width, height: frame.height },
                element,
                tally: batch.tally,
              });
            },
          }
        : null,
    [enabled],
  );

  const tap = useCallback(async (track: Track, tracker: BatchTracker) => {
    const { announce, remove } = latest.current;
    const id = scanIds.current.get(track.key);
    if (track.state === 'captured' && id) {
      await remove(id);
      tracker.takenBack(track.key);
      announce(STATES.undone, track.symbol.text);
    } else {
      tracker.leaveOut(track.key);
    }
    // The next frame shows the new state, even if nothing moved.
    shown.current = '';
  }, []);

  return { options, view: enabled ? view : null, tap };
}
