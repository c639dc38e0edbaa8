import { identify, type Decoded, type Identification } from '../../../lib/gs1/identify';
import { LINEAR } from '../../../lib/gs1/symbology';

export interface GateOptions {
  /** Frames that must agree on a 1D value before it counts (1 turns agreement off). */
  agreementFrames: number;
  /** The same product again within this window is a duplicate, not a new scan. */
  cooldownMs: number;
  /** Agreement must come from recent frames; an old sighting does not vouch for a new one. */
  agreementWindowMs: number;
  /** Sightings closer than this are one continuous presence in view, not a new presentation. */
  heldGapMs: number;
  now: () => number;
}

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
 * The misread guards between the decoder and a capture: check digits (via identify), agreement
 * of 1D reads across frames, and the duplicate cooldown on the product identity, so an EAN-13
 * and a Digital Link QR for the same product count once. Per-frame, synchronous and pure but
 * for its clock.
 */
export class ScanGate {
  readonly counters: GateCounters = { accepted: 0, duplicates: 0, rejected: 0 };
  /** Per accepted identity: when it was last seen, which the cooldown runs from. */
  private readonly lastSeen = new Map<string, number>();
  private candidate: { key: string; count: number; at: number } | null = null;

  constructor(private readonly options: GateOptions) {}

  /**
   * One decoded value. Typed values (manual entry, a wedge scanner) skip the frame agreement,
   * which guards against camera misreads, but share the checks and the cooldown.
   */
  offer(decoded: Decoded, source: 'camera' | 'typed' = 'camera'): GateOutcome {
    const now = this.options.now();
    const scan = identify(decoded);
    if (!scan.ok) {
      this.counters.rejected += 1;
      this.candidate = null;
      return { kind: 'rejected', reason: scan.reason, decoded };
    }
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
      const c = this.candidate;
      const agrees = c !== null && c.key === key && now - c.at <= this.options.agreementWindowMs;
      this.candidate = { key, count: agrees ? c.count + 1 : 1, at: now };
      if (this.candidate.count < this.options.agreementFrames) return { kind: 'pending', decoded };
    }
    this.candidate = null;
    this.lastSeen.set(scan.identity, now);
    this.counters.accepted += 1;
    return { kind: 'accepted', scan, decoded };
  }

  /** Forget cooldowns, e.g. when the operator deliberately rescans after a manual clear. */
  reset(): void {
    this.lastSeen.clear();
    this.candidate = null;
  }
}
