import { useCallback, useEffect, useState } from 'react';

/** How long the last scan can be undone from its feedback. */
export const UNDO_MS = 6_000;

export interface Undoable {
  /** A new scan (undo removes it), or one more counted (undo takes it back). */
  type: 'scan' | 'count';
  scanId: string;
  value: string;
}

/** The last scan's undo, offered for a few seconds and then gone. */
export function useUndo(run: (action: Undoable) => Promise<void>) {
  const [offer, setOffer] = useState<(Undoable & { at: number }) | null>(null);
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer]);
  const undo = useCallback(async () => {
    if (!offer) return;
    setOffer(null);
    await run(offer);
  }, [offer, run]);
  const offered = useCallback((action: Undoable) => setOffer({ ...action, at: Date.now() }), []);
  return { offer, offered, undo };
}
