import { identify, type Decoded, type Identification } from '../../../lib/gs1/identify';
import { LINEAR } from '../../../lib/gs1/symbology';
import type { Evidence } from '../engines/types';

export interface GateOptions {
  /**
   * Looks that must agree on a 1D value before it counts (1 turns the guard off). A frame whose
   * read a second, enlarged look confirmed counts as two; and some look must have confirmed it,
   * because a misread of a still label repeats from frame to frame, while a finer look does not
   * repeat it. With the default of 2, a confirmed read counts on its first frame.
   */
  agreementFrames: number;
  /** The same product again within this window is a duplicate, not a new scan. */
  cooldownMs: number;
  /** Agreement must come from recent frames; an old sighting does not vouch for a new one. */
  agreementWindowMs: number;
  /** Sightings closer than this are one continuous presence in view, not a new presentation. */
  heldGapMs: number;
  /**
   * Two different 1D texts of one symbology seen within this time may be one code read two
   * ways: a text that came with a rival counts only from a later frame on which no rival was
   * seen again. Blurred bars misread now and then, and a second look does not always catch it;
   * the rival text, back again, does. A product swapped for the next costs one frame.
   */
  rivalWindowMs: number;
  now: () => number;
}

/** A decoded value, with the pipeline's evidence for a 1D read. */
export type Offered = Decoded & { evidence?: Evidence };

/** The camera's timings: the scanner screen's, and the benchmark's and tests' too. */
export const CAMERA_TIMINGS = {
  agreementWindowMs: 1_000,
  heldGapMs: 500,
  rivalWindowMs: 300,
} as const;

export type GateOutcome =
  | { kind: 'accepted'; scan: Extract<Identification, { ok: true }>; decoded: Decoded }
  | { kind: 'duplicate'; identity: string; decoded: Decoded }
  /** The accepted code is still in view: nothing to tell the operator. */
  | { kind: 'held'; identity: string; decoded: Decoded }
  | { kind: 'pending'; decoded: Decoded }
  | { kind: 'rejected'; reason: string; decoded: Decoded };

export interface GateCounters {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * The misread guards between the decoder and a capture: check digits (via identify), evidence
 * for 1D reads (a second look that agrees, no rival text, agreement across frames), and the
 * duplicate cooldown on the product identity, so an EAN-13 and a Digital Link QR for the same
 * product count once. Per-frame, synchronous and pure but for its clock.
 */
export class ScanGate {
  readonly counters: GateCounters = { accepted: 0, duplicates: 0, rejected: 0 };
  /** Per accepted identity: when it was last seen, which the cooldown runs from. */
  private readonly lastSeen = new Map<string, number>();
  /** When each 1D text (by symbology) was last read, for the rivalry check. */
  private readonly sightings = new Map<string, number>();
  /** Per 1D text that came with a rival: since when it waits for a frame free of rivals. */
  private readonly rivalledSince = new Map<string, number>();
  /** The 1D value being agreed on: looks so far, and whether a second look vouched for it. */
  private candidate: { key: string; count: number; vouched: boolean; at: number } | null = null;

  constructor(private readonly options: GateOptions) {}

  /**
   * One decoded value. Typed values (manual entry, a wedge scanner) skip the frame agreement,
   * which guards against camera misreads, but share the checks and the cooldown.
   */
  offer(offered: Offered, source: 'camera' | 'typed' = 'camera'): GateOutcome {
    const { evidence, ...decoded } = offered;
    const now = this.options.now();
    const scan = identify(decoded);
    if (!scan.ok) {
      this.counters.rejected += 1;
      this.candidate = null;
      return { kind: 'rejected', reason: scan.reason, decoded };
    }
    if (source === 'camera' && LINEAR.has(decoded.format))
      this.sightings.set(`${decoded.format}:${decoded.text}`, now);
    const last = this.lastSeen.get(scan.identity);
    if (last !== undefined && now - last < this.options.cooldownMs) {
      // Seeing it again extends the cooldown: it runs from the last sighting.
      this.lastSeen.set(scan.identity, now);
      if (now - last < this.options.heldGapMs)
        return { kind: 'held', identity: scan.identity, decoded };
      this.counters.duplicates += 1;
      return { kind: 'duplicate', identity: scan.identity, decoded };
    }
    if (source === 'camera' && LINEAR.has(decoded.format) && this.options.agreementFrames > 1) {
      const key = `${decoded.format}:${decoded.text}`;
      if (this.rivalled(key, decoded.format, now) || evidence === 'contradicted') {
        this.candidate = null;
        return { kind: 'pending', decoded };
      }
      const confirmed = evidence === 'confirmed';
      const c = this.candidate;
      const agrees = c !== null && c.key === key && now - c.at <= this.options.agreementWindowMs;
      this.candidate = {
        key,
        count: (agrees ? c.count : 0) + (confirmed ? 2 : 1),
        // A read with no evidence at all (an engine that cannot look again) relies on frames.
        vouched: evidence === undefined || confirmed || (agrees && c.vouched),
        at: now,
      };
      if (this.candidate.count < this.options.agreementFrames || !this.candidate.vouched)
        return { kind: 'pending', decoded };
    }
    this.candidate = null;
    this.lastSeen.set(scan.identity, now);
    this.counters.accepted += 1;
    return { kind: 'accepted', scan, decoded };
  }

  /**
   * Whether a rival text of this symbology was read since this one began to wait for a frame
   * free of rivals (and forgets sightings older than the window).
   */
  private rivalled(key: string, format: string, now: number): boolean {
    let lastRival = -Infinity;
    for (const [other, at] of this.sightings) {
      if (now - at > this.options.rivalWindowMs) {
        this.sightings.delete(other);
        this.rivalledSince.delete(other);
      } else if (other !== key && other.startsWith(`${format}:`))
        lastRival = Math.max(lastRival, at);
    }
    const since = this.rivalledSince.get(key);
    if (lastRival === -Infinity || (since !== undefined && lastRival < since)) return false;
    this.rivalledSince.set(key, now);
    return true;
  }

  /** Forget cooldowns, e.g. when the operator deliberately rescans after a manual clear. */
  reset(): void {
    this.lastSeen.clear();
    this.sightings.clear();
    this.rivalledSince.clear();
    this.candidate = null;
  }
}
