import { describe, expect, it } from 'vitest';
import type { DecodedSymbol, Evidence } from '../engines/types';
import { BatchTracker } from './batch-tracker';

const box = (x: number, y: number) => [
  { x, y },
  { x: x + 40, y },
  { x: x + 40, y: y + 20 },
  { x, y: y + 20 },
];
const ean = (text: string, x = 0, evidence: Evidence = 'confirmed'): DecodedSymbol => ({
  format: 'ean13',
  text,
  gs1: false,
  points: box(x, 10),
  evidence,
});
const qr = (text: string, x = 0): DecodedSymbol => ({
  format: 'qr',
  text,
  gs1: false,
  points: box(x, 50),
});

function tracker(inSession: string[] = []) {
  let t = 0;
  const b = new BatchTracker({
    goneAfterMs: 500,
    inSession: (k) => inSession.includes(k),
    now: () => t,
  });
  return { b, advance: (ms: number) => (t += ms) };
}

describe('BatchTracker', () => {
  it('captures every code in view at once, each once, however long it stays', () => {
    const { b, advance } = tracker();
    const scene = [ean('4006381333931', 0), ean('9780201379624', 50), qr('DM-1', 100)];
    const first = b.frame(scene);
    expect(first.captured.map((c) => c.track.key)).toEqual([
      '04006381333931',
      '09780201379624',
      'DM-1',
    ]);
    // Ten seconds in view, frame after frame: nothing captured again.
    for (let i = 0; i < 300; i++, advance(33)) expect(b.frame(scene).captured).toEqual([]);
    expect(b.tally()).toEqual({ inView: 3, captured: 3 });
  });

  it('waits for a confirming look before a 1D code counts', () => {
    const { b } = tracker();
    expect(b.frame([ean('4006381333931', 0, 'unconfirmed')]).captured).toEqual([]);
    expect(b.frame([ean('4006381333931', 0, 'unconfirmed')]).inView[0]?.state).toBe('reading');
    expect(b.frame([ean('4006381333931', 0)]).captured).toHaveLength(1);
  });

  it('marks what the session holds already, and refuses a bad check digit with the reason', () => {
    const { b } = tracker(['04006381333931']);
    const { inView, captured } = b.frame([ean('4006381333931', 0), ean('4006381333932', 50)]);
    expect(captured).toEqual([]);
    expect(inView.map((t) => t.state)).toEqual(['in-session', 'refused']);
    expect(inView[1]?.reason).toMatch(/check digit/i);
  });

  it('leaves out a code the operator taps, for good', () => {
    const { b, advance } = tracker();
    b.frame([ean('4006381333931', 0, 'unconfirmed'), qr('A', 100)]);
    expect(b.leaveOut('04006381333931')?.state).toBe('excluded');
    expect(b.leaveOut('not in view')).toBeNull();
    expect(b.frame([ean('4006381333931', 0)]).captured).toEqual([]);
    // Out of view and back: still left out.
    advance(1_000);
    b.frame([]);
    const back = b.frame([ean('4006381333931', 0)]);
    expect(back.captured).toEqual([]);
    expect(back.inView[0]?.state).toBe('excluded');
    expect(b.tally()).toEqual({ inView: 1, captured: 1 });
  });

  it('leaves out a captured code taken back, and does not capture it again', () => {
    const { b } = tracker();
    b.frame([qr('A', 0)]);
    // Captured codes stay captured when tapped: the screen removes them, then says so.
    expect(b.leaveOut('A')?.state).toBe('captured');
    b.takenBack('A');
    const again = b.frame([qr('A', 0)]);
    expect(again.captured).toEqual([]);
    expect(again.inView[0]?.state).toBe('excluded');
    expect(b.tally()).toEqual({ inView: 1, captured: 0 });
  });

  it('follows a code as it moves, and forgets it once out of view', () => {
    const { b, advance } = tracker();
    b.frame([qr('A', 0)]);
    advance(33);
    expect(b.frame([qr('A', 30)]).inView[0]?.points[0]).toEqual({ x: 30, y: 50 });
    advance(600);
    expect(b.frame([]).inView).toEqual([]);
    // Back in view: known as captured, not captured twice.
    const back = b.frame([qr('A', 0)]);
    expect(back.captured).toEqual([]);
    expect(back.inView[0]?.state).toBe('captured');
  });
});
