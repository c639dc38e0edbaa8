import { describe, expect, it } from 'vitest';
import { ScanGate, type GateOptions } from './scan-gate';

function gate(options: Partial<GateOptions> = {}) {
  let t = 1_000;
  const g = new ScanGate({
    agreementFrames: 2,
    cooldownMs: 2_000,
    agreementWindowMs: 500,
    heldGapMs: 400,
    rivalWindowMs: 300,
    now: () => t,
    ...options,
  });
  return { g, advance: (ms: number) => (t += ms) };
}
const ean = (text: string) => ({ format: 'ean13' as const, text, gs1: false });
const qr = (text: string) => ({ format: 'qr' as const, text, gs1: false });

describe('ScanGate', () => {
  it('accepts a 1D code only when two frames agree', () => {
    const { g, advance } = gate();
    expect(g.offer(ean('4006381333931')).kind).toBe('pending');
    advance(100);
    const second = g.offer(ean('4006381333931'));
    expect(second.kind).toBe('accepted');
    expect(second.kind === 'accepted' && second.scan.gtin).toBe('04006381333931');
  });

  it('accepts a 1D read on its first frame when a second look confirmed it', () => {
    const { g } = gate();
    const strong = g.offer({ ...ean('9506000134352'), evidence: 'confirmed' });
    expect(strong.kind).toBe('accepted');
    // The evidence is the gate's to weigh, not part of the scan.
    expect(strong.decoded).toEqual(ean('9506000134352'));
    // The check digit still rules: a confirmed wrong one is refused.
    expect(g.offer({ ...ean('4006381333932'), evidence: 'confirmed' }).kind).toBe('rejected');
  });

  it('never accepts a 1D read no second look vouched for, however often it repeats', () => {
    const { g, advance } = gate({ agreementFrames: 3 });
    const weak = { ...ean('4006381333931'), evidence: 'unconfirmed' as const };
    for (let i = 0; i < 10; i++, advance(33)) expect(g.offer(weak).kind).toBe('pending');
    // One confirmed look among the agreeing frames is what it lacked.
    expect(g.offer({ ...weak, evidence: 'confirmed' }).kind).toBe('accepted');
  });

  it('with 3 looks asked for, a confirmed frame needs one more agreeing frame', () => {
    const { g, advance } = gate({ agreementFrames: 3 });
    const seen = { ...ean('4006381333931'), evidence: 'confirmed' as const };
    expect(g.offer(seen).kind).toBe('pending');
    advance(33);
    expect(g.offer({ ...seen, evidence: 'unconfirmed' }).kind).toBe('accepted');
  });

  it('starts over when a second look read another text', () => {
    const { g, advance } = gate({ agreementFrames: 3 });
    g.offer({ ...ean('4006381333931'), evidence: 'confirmed' });
    advance(33);
    expect(g.offer({ ...ean('4006381333931'), evidence: 'contradicted' }).kind).toBe('pending');
    advance(33);
    expect(g.offer({ ...ean('4006381333931'), evidence: 'unconfirmed' }).kind).toBe('pending');
  });

  it('holds a 1D read that came with a rival until a frame free of rivals', () => {
    const { g, advance } = gate();
    const right = { ...ean('4006381333931'), evidence: 'confirmed' as const };
    const rival = { ...ean('9506000134352'), evidence: 'confirmed' as const };
    expect(g.offer(rival).kind).toBe('accepted');
    // A product swapped for the next: one frame with the last one's sighting still fresh...
    advance(33);
    expect(g.offer(right).kind).toBe('pending');
    // ...then a frame without it, and the new one counts.
    advance(33);
    expect(g.offer(right).kind).toBe('accepted');
    // 2D codes are not 1D rivals.
    expect(g.offer(qr('hello')).kind).toBe('accepted');
  });

  it('never accepts either of two texts read in turn, one code read two ways', () => {
    const { g, advance } = gate();
    const a = { ...ean('4006381333931'), evidence: 'confirmed' as const };
    const b = { ...ean('9506000134352'), evidence: 'confirmed' as const };
    expect(g.offer(a).kind).toBe('accepted');
    for (let i = 0; i < 10; i++) {
      advance(33);
      // b's rival a (held in view) keeps coming back: b never counts.
      expect(g.offer(b).kind).toBe('pending');
      advance(33);
      g.offer(a);
    }
    // Two texts in one frame are rivals too.
    const { g: fresh } = gate();
    expect(fresh.offer(b).kind).toBe('accepted');
    expect(fresh.offer(a).kind).toBe('pending');
    expect(fresh.offer(b).kind).toBe('held');
  });

  it('does not let a different read or a stale one count as agreement', () => {
    const { g, advance } = gate();
    g.offer(ean('4006381333931'));
    expect(g.offer(ean('9506000134352')).kind).toBe('pending');
    advance(600);
    expect(g.offer(ean('9506000134352')).kind).toBe('pending');
  });

  it('accepts 2D codes on one frame, and 1D too when agreement is set to 1', () => {
    expect(gate().g.offer(qr('hello')).kind).toBe('accepted');
    expect(gate({ agreementFrames: 1 }).g.offer(ean('4006381333931')).kind).toBe('accepted');
  });

  it('rejects and counts a bad check digit, and never accepts it', () => {
    const { g } = gate();
    for (let i = 0; i < 3; i++) expect(g.offer(ean('4006381333932')).kind).toBe('rejected');
    expect(g.counters).toEqual({ accepted: 0, duplicates: 0, rejected: 3 });
  });

  it('suppresses the same product during the cooldown, across symbologies', () => {
    const { g, advance } = gate();
    g.offer(ean('9506000134352'));
    g.offer(ean('9506000134352'));
    advance(500);
    expect(g.offer(qr('https://id.gs1.org/01/09506000134352'))).toMatchObject({
      kind: 'duplicate',
      identity: '09506000134352',
    });
    expect(g.counters.duplicates).toBe(1);
  });

  it('counts the cooldown from the last sighting, and accepts again once it has passed', () => {
    const { g, advance } = gate();
    g.offer(qr('A'));
    advance(1_500);
    expect(g.offer(qr('A')).kind).toBe('duplicate');
    advance(1_500);
    expect(g.offer(qr('A')).kind).toBe('duplicate');
    advance(2_001);
    expect(g.offer(qr('A')).kind).toBe('accepted');
  });

  it('stays silent while an accepted code is held in view, frame after frame', () => {
    const { g, advance } = gate();
    g.offer(qr('A'));
    for (let i = 0; i < 30; i++) {
      advance(100);
      expect(g.offer(qr('A')).kind).toBe('held');
    }
    expect(g.counters.duplicates).toBe(0);
    advance(1_000);
    expect(g.offer(qr('A')).kind).toBe('duplicate');
  });

  it('accepts a typed 1D value at once but still applies the cooldown to it', () => {
    const { g, advance } = gate();
    expect(g.offer(ean('4006381333931'), 'typed').kind).toBe('accepted');
    advance(1_000);
    expect(g.offer(ean('4006381333931'), 'typed').kind).toBe('duplicate');
  });

  it('accepts two different products in a row', () => {
    const { g, advance } = gate({ agreementFrames: 1 });
    expect(g.offer(ean('4006381333931')).kind).toBe('accepted');
    advance(10);
    expect(g.offer(ean('9506000134352')).kind).toBe('accepted');
    expect(g.counters.accepted).toBe(2);
  });

  it('holds its boundaries exactly: cooldown, held gap and agreement window', () => {
    const accept = (g: ScanGate, at: () => void) => {
      g.offer(qr('X'));
      at();
      return g.offer(qr('X')).kind;
    };
    // The cooldown is [last, last + cooldownMs): at cooldownMs it is a new scan.
    let t = gate();
    expect(accept(t.g, () => t.advance(1_999))).toBe('duplicate');
    t = gate();
    expect(accept(t.g, () => t.advance(2_000))).toBe('accepted');
    // Held while sightings are closer than heldGapMs; at heldGapMs it is a duplicate.
    t = gate();
    expect(accept(t.g, () => t.advance(399))).toBe('held');
    t = gate();
    expect(accept(t.g, () => t.advance(400))).toBe('duplicate');
    // Agreement counts a frame exactly agreementWindowMs later, not one after it.
    t = gate();
    t.g.offer(ean('4006381333931'));
    t.advance(500);
    expect(t.g.offer(ean('4006381333931')).kind).toBe('accepted');
    t = gate();
    t.g.offer(ean('4006381333931'));
    t.advance(501);
    expect(t.g.offer(ean('4006381333931')).kind).toBe('pending');
  });

  it('counts what it decides, and a reset forgets cooldowns and candidates', () => {
    const { g, advance } = gate({ agreementFrames: 1 });
    g.offer(qr('A'));
    advance(500);
    g.offer(qr('A'));
    g.offer(ean('4006381333932'));
    expect(g.counters).toEqual({ accepted: 1, duplicates: 1, rejected: 1 });
    g.reset();
    expect(g.offer(qr('A')).kind).toBe('accepted');
  });
});
