import type { DecodeHints } from './types';

/**
 * One way to read a frame. Each is cheap on its own; together they read far more than any one,
 * and a camera gives 30 frames a second, so consecutive frames try different ones.
 */
export interface Strategy {
  name: string;
  /** Options for the engine (ZXing-C++'s; others ignore them). */
  hints?: DecodeHints;
  /** Enlarge the region by this factor before decoding (default 1). */
  scale?: number;
  /** Only the centred part of the region covering this fraction of each side (default 1). */
  centre?: number;
  /** A pixel filter before decoding. */
  filter?: 'stretch' | 'sharpen';
}

export interface ScheduleOptions {
  /** A frame's decoding stops trying strategies once this much time has gone. */
  budgetMs: number;
  now: () => number;
}

export interface ReadOptions {
  /**
   * Asked before each strategy after the front: true when a newer frame is waiting, which then
   * goes first. Trying more on an old frame would make a code that just came into view wait.
   */
  newerFrame?: () => Promise<boolean>;
}

/**
 * After this many frames in a row whose turns a newer frame cut short, the next one takes its
 * turn anyway: on a phone too slow for any slack, the other strategies still run, less often.
 */
const MAX_SKIPPED_TURNS = 3;

export interface ScheduledRead<T> {
  /** What the reading strategy found; empty when none read. */
  found: T[];
  /** The strategy that read, or null. */
  strategy: string | null;
  /** The strategies this frame tried, in order. */
  tried: string[];
}

/** Weight of the newest measurement in a strategy's running cost. */
const COST_WEIGHT = 0.3;

/**
 * Which strategies each frame tries. The one in front (the last that read; at first the plain
 * decode) runs on every frame; the others take turns after it, as many as fit the per-frame
 * budget, so a run of frames covers them all at about the cost of one decode each. A strategy
 * that reads moves to the front and stays there while it keeps reading: the next frames of the
 * same code start with what worked. Once it misses, the first strategy (the cheap default) is
 * in front again: the next code is most likely an easy one, and a dear strategy left in front
 * made every later code wait for it (an EAN-13's latency went from 35 ms to 60).
 */
export class StrategySchedule {
  private front: Strategy;
  /** The first strategy: in front whenever no other has just read. */
  private readonly home: Strategy;
  /** The others, in their turn order; `cursor` is whose turn is next. */
  private readonly rest: Strategy[];
  private cursor = 0;
  /** Frames in a row whose first turn a newer frame took. */
  private skipped = 0;
  private readonly cost = new Map<string, number>();

  constructor(
    strategies: readonly Strategy[],
    private readonly options: ScheduleOptions,
  ) {
    const [first, ...rest] = strategies;
    if (!first) throw new Error('A schedule needs at least one strategy');
    this.front = first;
    this.home = first;
    this.rest = rest;
  }

  /** The front strategy's name: what the next frame tries first. */
  get leader(): string {
    return this.front.name;
  }

  /**
   * Reads one frame: `attempt` runs a strategy and resolves to what it found. The front always
   * runs; the first strategy whose turn it is runs when it would fit the budget on its own (so
   * one dearer than what the front leaves is not starved for ever); the next ones run only while
   * their expected cost fits in what is left. A frame thus never runs past its budget by more
   * than the front strategy's cost.
   */
  async read<T>(
    attempt: (strategy: Strategy) => Promise<T[]>,
    { newerFrame }: ReadOptions = {},
  ): Promise<ScheduledRead<T>> {
    const { now, budgetMs } = this.options;
    const started = now();
    const tried: string[] = [];
    const run = async (strategy: Strategy) => {
      const at = now();
      const found = await attempt(strategy);
      this.measured(strategy.name, now() - at);
      tried.push(strategy.name);
      if (found.length) this.promote(strategy);
      return found;
    };
    const front = this.front;
    const first = await run(front);
    if (first.length) return { found: first, strategy: front.name, tried };
    if (front !== this.home) {
      this.goHome();
      // The front stopped reading: most likely a new code came, which the first strategy reads
      // best. It runs on this frame too, unless a newer frame waits to start with it anyway.
      if (newerFrame && (await newerFrame())) return { found: [], strategy: null, tried };
      const home = await run(this.home);
      if (home.length) return { found: home, strategy: this.home.name, tried };
    }
    for (const strategy of this.turns()) {
      const left = budgetMs - (now() - started);
      const cost = this.cost.get(strategy.name) ?? 0;
      const firstTurn = tried.length === 1;
      if (left <= 0) break;
      // Dearer than a whole frame's budget: it never runs, and its turn passes.
      if (firstTurn && cost > budgetMs) {
        this.advance();
        continue;
      }
      if (!firstTurn && cost > left) break;
      const owed = firstTurn && this.skipped >= MAX_SKIPPED_TURNS;
      if (!owed && newerFrame && (await newerFrame())) {
        if (firstTurn) this.skipped++;
        break;
      }
      if (firstTurn) this.skipped = 0;
      this.advance();
      const found = await run(strategy);
      if (found.length) return { found, strategy: strategy.name, tried };
    }
    return { found: [], strategy: null, tried };
  }

  private advance() {
    this.cursor = (this.cursor + 1) % Math.max(1, this.rest.length);
  }

  /** The non-front strategies from whose turn it is, once round. */
  private turns(): Strategy[] {
    return [...this.rest.slice(this.cursor), ...this.rest.slice(0, this.cursor)];
  }

  private measured(name: string, ms: number) {
    const before = this.cost.get(name);
    this.cost.set(name, before === undefined ? ms : before + COST_WEIGHT * (ms - before));
  }

  /** The first strategy takes the front back from one that has stopped reading. */
  private goHome() {
    if (this.front !== this.home) this.promote(this.home);
  }

  /** The reading strategy swaps places with the front; the turn order is otherwise kept. */
  private promote(strategy: Strategy) {
    if (strategy === this.front) return;
    const at = this.rest.indexOf(strategy);
    this.rest[at] = this.front;
    this.front = strategy;
  }
}
