import { describe, expect, it } from 'vitest';
import { type Strategy, StrategySchedule } from './strategy-schedule';

const named = (...names: string[]): Strategy[] => names.map((name) => ({ name }));

/** A clock that only moves when an attempt "takes" time. */
function fakeClock() {
  let t = 0;
  return { now: () => t, spend: (ms: number) => (t += ms) };
}

/** An attempt that costs `cost[name]` ms and reads when `reads(name)` says so. */
function attempt(
  clock: ReturnType<typeof fakeClock>,
  cost: Record<string, number>,
  reads: (name: string) => boolean = () => false,
) {
  return (s: Strategy) => {
    clock.spend(cost[s.name] ?? 0);
    return Promise.resolve(reads(s.name) ? [s.name] : []);
  };
}

describe('StrategySchedule', () => {
  it('runs the front strategy, then the others in turn while they fit the budget', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'a', 'b', 'c'), {
      budgetMs: 25,
      now: clock.now,
    });
    const cost = { plain: 10, a: 10, b: 10, c: 10 };
    // Unknown costs count as free, so the first frame tries until the budget is spent.
    const first = await schedule.read(attempt(clock, cost));
    expect(first.tried).toEqual(['plain', 'a', 'b']);
    // Now every cost is known: 10 + 10 fits in 25, a third does not.
    expect((await schedule.read(attempt(clock, cost))).tried).toEqual(['plain', 'c']);
    expect((await schedule.read(attempt(clock, cost))).tried).toEqual(['plain', 'a']);
    expect((await schedule.read(attempt(clock, cost))).tried).toEqual(['plain', 'b']);
  });

  it('gives a dearer strategy its turn, past the budget by no more than the front', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'dear', 'cheap', 'huge'), {
      budgetMs: 30,
      now: clock.now,
    });
    // 'dear' does not fit after the front (12 + 25 > 30) but fits a frame on its own; 'huge'
    // never does.
    const cost = { plain: 12, dear: 25, cheap: 5, huge: 40 };
    const seen = new Set<string>();
    for (let frame = 0; frame < 20; frame++) {
      const started = clock.now();
      const { tried } = await schedule.read(attempt(clock, cost));
      for (const name of tried) seen.add(name);
      expect(tried[0]).toBe('plain');
      // The first try of a strategy of unknown cost is the one allowed overrun.
      if (frame > 2) expect(clock.now() - started).toBeLessThanOrEqual(30 + cost.plain);
    }
    expect(seen.has('dear')).toBe(true);
    const late = [];
    for (let frame = 0; frame < 6; frame++)
      late.push(...(await schedule.read(attempt(clock, cost))).tried);
    expect(late).toContain('dear');
    expect(late).not.toContain('huge');
  });

  it('runs the front strategy even when it alone is over budget', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'a'), { budgetMs: 5, now: clock.now });
    const cost = { plain: 50, a: 1 };
    await schedule.read(attempt(clock, cost));
    expect((await schedule.read(attempt(clock, cost))).tried).toEqual(['plain']);
  });

  it('keeps a strategy that reads in front for the next frames', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'a', 'b', 'c'), {
      budgetMs: 25,
      now: clock.now,
    });
    const cost = { plain: 10, a: 10, b: 10, c: 10 };
    const onlyB = (name: string) => name === 'b';
    const found = await schedule.read(attempt(clock, cost, onlyB));
    expect(found).toMatchObject({ strategy: 'b', found: ['b'], tried: ['plain', 'a', 'b'] });
    expect(schedule.leader).toBe('b');
    // The next frame starts with b and reads at once.
    expect(await schedule.read(attempt(clock, cost, onlyB))).toMatchObject({
      strategy: 'b',
      tried: ['b'],
    });
    // When b stops reading, the first strategy is in front again, and tries this frame too
    // (what the camera shows now is most likely a new code); the others (b among them) take
    // their turns on the next frames.
    const missed = await schedule.read(attempt(clock, cost));
    expect(missed.tried.slice(0, 2)).toEqual(['b', 'plain']);
    expect(schedule.leader).toBe('plain');
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { tried } = await schedule.read(attempt(clock, cost));
      expect(tried[0]).toBe('plain');
      for (const n of tried) seen.add(n);
    }
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'plain']);
  });

  it('reads a new code with the first strategy on the frame where the front stops reading', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'a'), { budgetMs: 25, now: clock.now });
    const cost = { plain: 5, a: 10 };
    await schedule.read(attempt(clock, cost, (name) => name === 'a'));
    expect(schedule.leader).toBe('a');
    // A code only the plain decode reads: found on this frame, not the next.
    expect(await schedule.read(attempt(clock, cost, (name) => name === 'plain'))).toMatchObject({
      strategy: 'plain',
      tried: ['a', 'plain'],
    });
    // Unless a newer frame waits, which starts with it.
    await schedule.read(attempt(clock, cost, (name) => name === 'a'));
    const waiting = await schedule.read(
      attempt(clock, cost, (name) => name === 'plain'),
      {
        newerFrame: () => Promise.resolve(true),
      },
    );
    expect(waiting).toMatchObject({ strategy: null, tried: ['a'] });
    expect(schedule.leader).toBe('plain');
  });

  it('gives way to a newer frame after the front, but not on every frame', async () => {
    const clock = fakeClock();
    const schedule = new StrategySchedule(named('plain', 'a', 'b'), {
      budgetMs: 30,
      now: clock.now,
    });
    const cost = { plain: 10, a: 5, b: 5 };
    const waiting = { newerFrame: () => Promise.resolve(true) };
    // A newer frame waits: the front alone, three frames in a row; the fourth takes its turn.
    const tried = [];
    for (let frame = 0; frame < 4; frame++)
      tried.push((await schedule.read(attempt(clock, cost), waiting)).tried);
    expect(tried).toEqual([['plain'], ['plain'], ['plain'], ['plain', 'a']]);
    // With nothing waiting, the turns fill the budget again.
    const idle = { newerFrame: () => Promise.resolve(false) };
    expect((await schedule.read(attempt(clock, cost), idle)).tried).toEqual(['plain', 'b', 'a']);
  });

  it('covers every strategy within a few frames', async () => {
    const clock = fakeClock();
    const names = ['plain', 's1', 's2', 's3', 's4', 's5', 's6'];
    const schedule = new StrategySchedule(named(...names), { budgetMs: 20, now: clock.now });
    const cost = Object.fromEntries(names.map((n) => [n, 10]));
    const seen = new Set<string>();
    for (let frame = 0; frame < 7; frame++)
      for (const n of (await schedule.read(attempt(clock, cost))).tried) seen.add(n);
    expect(seen.size).toBe(names.length);
  });

  it('needs at least one strategy', () => {
    expect(() => new StrategySchedule([], { budgetMs: 1, now: () => 0 })).toThrow(/at least one/);
  });
});
