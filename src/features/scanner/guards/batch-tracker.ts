import { identify, type Identification } from '../../../lib/gs1/identify';
import { LINEAR } from '../../../lib/gs1/symbology';
import type { DecodedSymbol, Point } from '../engines/types';

/** What a code in view is to the operator, and the colour its outline takes. */
export type TrackState =
  /** Seen, not yet read surely enough (a 1D read waiting for a confirming look). */
  | 'reading'
  /** Captured by this batch. */
  | 'captured'
  /** Already in the session before it came into view. */
  | 'in-session'
  /** Its check digit or value is wrong; the reason says why. */
  | 'refused'
  /** The operator tapped it to leave it out. */
  | 'excluded';

export interface Track {
  /** The product identity (GTIN-14, or the text): one track per code, however often seen. */
  key: string;
  symbol: DecodedSymbol;
  state: TrackState;
  reason?: string;
  /** Where it was last seen, in frame pixels: the outline follows the code. */
  points: Point[];
  lastSeen: number;
}

export interface BatchOptions {
  /** A track not seen for this long has left the view. */
  goneAfterMs: number;
  /** Whether the session already holds this identity (captured before, or by another device). */
  inSession: (identity: string) => boolean;
  now: () => number;
}

export interface BatchFrame {
  /** Every code in view, with its state, for the outlines. */
  inView: Track[];
  /** The codes this frame captured: each once, ever, in this batch. */
  captured: { track: Track; scan: Extract<Identification, { ok: true }> }[];
  tally: { inView: number; captured: number };
}

/**
 * Batch mode's memory: every code in view at once, each captured once. Unlike the single-code
 * gate there is no cooldown to wait out and no rival texts to fear: many codes are meant to be
 * in view. A 1D code still needs a confirming second look (the pipeline's evidence) before it
 * counts, since a misread of one code must not become a capture of another product.
 */
export class BatchTracker {
  private readonly tracks = new Map<string, Track>();
  /** What this batch captured, and what the operator left out: neither is captured again. */
  private readonly capturedKeys = new Set<string>();
  private readonly excludedKeys = new Set<string>();

  constructor(private readonly options: BatchOptions) {}

  /** One frame's symbols: updates the tracks and says what to capture. */
  frame(symbols: readonly DecodedSymbol[]): BatchFrame {
    const now = this.options.now();
    const captured: BatchFrame['captured'] = [];
    for (const symbol of symbols) {
      const scan = identify(symbol);
      const key = scan.ok ? scan.identity : `${symbol.format}:${symbol.text}`;
      const track = this.tracks.get(key) ?? {
        key,
        symbol,
        state: 'reading' as const,
        points: symbol.points,
        lastSeen: now,
      };
      track.points = symbol.points;
      track.lastSeen = now;
      this.tracks.set(key, track);
      if (!scan.ok) {
        track.state = 'refused';
        track.reason = scan.reason;
        continue;
      }
      if (this.excludedKeys.has(key)) track.state = 'excluded';
      else if (this.capturedKeys.has(key)) track.state = 'captured';
      else if (track.state === 'reading' && this.options.inSession(key)) track.state = 'in-session';
      if (track.state !== 'reading') continue;
      if (LINEAR.has(symbol.format) && symbol.evidence !== 'confirmed') continue;
      track.symbol = symbol;
      track.state = 'captured';
      this.capturedKeys.add(key);
      captured.push({ track, scan });
    }
    for (const [key, track] of this.tracks)
      if (now - track.lastSeen > this.options.goneAfterMs) this.tracks.delete(key);
    return { inView: [...this.tracks.values()], captured, tally: this.tally() };
  }

  /**
   * The operator tapped a code to leave it out: it is never captured. Returns its track, or
   * null when it has left the view. A code captured already stays captured here; taking it back
   * is the session's Remove, which the screen does.
   */
  leaveOut(key: string): Track | null {
    const track = this.tracks.get(key) ?? null;
    if (track && track.state !== 'captured') {
      track.state = 'excluded';
      this.excludedKeys.add(key);
    }
    return track;
  }

  /** A captured code taken back (Removed): it is left out from now on. */
  takenBack(key: string): void {
    this.capturedKeys.delete(key);
    this.excludedKeys.add(key);
    const track = this.tracks.get(key);
    if (track) track.state = 'excluded';
  }

  /** What the tally shows: codes in view now, and captured by this batch. */
  tally(): { inView: number; captured: number } {
    return { inView: this.tracks.size, captured: this.capturedKeys.size };
  }
}
