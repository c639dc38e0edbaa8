import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge-detector';

function type(detector: WedgeDetector, text: string, gapMs: number, start = 0) {
  let t = start;
  const results: (string | null)[] = [];
  for (const ch of text) {
    results.push(detector.key(ch, t));
    t += gapMs;
  }
  results.push(detector.key('Enter', t));
  return results.filter((r) => r !== null);
}

describe('WedgeDetector', () => {
  it('recognises a fast burst ended by Enter', () => {
    expect(type(new WedgeDetector(), '4006381333931', 8)).toEqual(['4006381333931']);
  });
  it('ignores typing at human speed', () => {
    expect(type(new WedgeDetector(), '4006381333931', 120)).toEqual([]);
  });
  it('drops a burst interrupted by a long pause, and short bursts', () => {
    const d = new WedgeDetector();
    expect(d.key('1', 0)).toBeNull();
    d.key('2', 5);
    d.key('3', 500);
    d.key('4', 505);
    expect(d.key('Enter', 510)).toBeNull();
    expect(type(new WedgeDetector(), '12', 5)).toEqual([]);
  });
  it('lets Shift through inside a code (upper-case Code 128) and accepts Tab as terminator', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const k of ['Shift', 'A', 'B', 'C', '-', '1', '2']) d.key(k, (t += 6));
    expect(d.key('Tab', (t += 6))).toBe('ABC-12');
  });
});
