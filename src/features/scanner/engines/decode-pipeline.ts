import { LINEAR, type Symbology } from '../../../lib/gs1/symbology';
import {
  centreRect,
  cropAndScale,
  fromCrop,
  type Rect,
  sharpen,
  stretchContrast,
} from './frame-ops';
import { type Strategy, StrategySchedule } from './strategy-schedule';
import type { DecodedSymbol, DecoderEngine, Evidence, Frame, Point } from './types';

export interface PipelineOptions {
  formats: readonly Symbology[];
  /** Decode only this region of the frame (the viewfinder), when set. */
  roi?: Rect | null;
  /** Codes to look for in one frame: batch mode's many, or the default. */
  maxSymbols?: number;
  /**
   * 1D texts a second look confirmed lately (the worker keeps them for a few seconds): a code
   * held in view, or a shelf of them in batch mode, is not looked at again on every frame.
   */
  confirmed?: ConfirmedMemory;
  /**
   * Which strategies this frame tries. The worker keeps one schedule across frames, so what read
   * the last frame goes first; without one, a frame gets the plain decode alone.
   */
  schedule?: StrategySchedule;
  /** Whether a newer frame waits: the schedule's other strategies then give way to it. */
  newerFrame?: () => Promise<boolean>;
}

export interface PipelineResult {
  symbols: DecodedSymbol[];
  /** The strategy that read them, or null. */
  strategy: string | null;
  /** The strategies this frame tried. */
  tried: string[];
}

/** ZXing-C++ as it is asked by default: the strategy every frame starts with. */
export const PLAIN: Strategy = { name: 'plain' };

/**
 * The strategies the scanner cycles through, measured on the shared real photos in 640x480
 * frames (`npm run bench -- decoders`): each reads photos the plain decode misses.
 */
export const STRATEGIES: readonly Strategy[] = [
  PLAIN,
  { name: 'one-line', hints: { minLineCount: 1 } },
  { name: 'enlarged', scale: 2 },
  { name: 'centre-enlarged', centre: 0.5, scale: 2 },
  { name: 'inverted', hints: { tryInvert: true } },
  { name: 'stretched', filter: 'stretch' },
  { name: 'denoised', hints: { tryDenoise: true } },
  { name: 'sharpened', filter: 'sharpen' },
  { name: 'downscaled', hints: { downscaleThreshold: 240 } },
];

/** What the scanner spends on one frame before the next strategy waits for the next frame. */
export const FRAME_BUDGET_MS = 30;

export function createSchedule(now: () => number, budgetMs = FRAME_BUDGET_MS): StrategySchedule {
  return new StrategySchedule(STRATEGIES, { budgetMs, now });
}

const FILTERS = { stretch: stretchContrast, sharpen } as const;

/**
 * Reads of one text merge into one symbol spanning them all (a blurred code often reads along
 * its sharper top and bottom rows apart): a frame never offers the same code twice, which the
 * frame agreement would count as two frames.
 */
export function merged(symbols: DecodedSymbol[]): DecodedSymbol[] {
  const groups = new Map<string, DecodedSymbol[]>();
  for (const s of symbols) {
    const key = `${s.format}\u0000${s.text}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    if (!first) return [];
    if (group.length === 1) return [first];
    const box = bounds(group.flatMap((s) => s.points));
    return [{ ...first, points: corners(box) }];
  });
}

const bounds = (points: Point[]): Rect => {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
};

const corners = ({ x, y, width, height }: Rect): Point[] => [
  { x, y },
  { x: x + width, y },
  { x: x + width, y: y + height },
  { x, y: y + height },
];

/**
 * The part of the frame a second look at a 1D read takes: its box with a quarter of its length
 * of quiet zone on each side, and at least a third of its length in height (ZXing-C++ reports a
 * 1D read as a thin box along its scan lines).
 */
export function lookAgainRect(symbol: DecodedSymbol, frame: Frame): Rect {
  const box = bounds(symbol.points);
  const half = Math.max(box.height, box.width * 0.3);
  const centreY = box.y + box.height / 2;
  const x0 = Math.max(0, Math.floor(box.x - box.width * 0.25));
  const x1 = Math.min(frame.width, Math.ceil(box.x + box.width * 1.25));
  const y0 = Math.max(0, Math.floor(centreY - half));
  const y1 = Math.min(frame.height, Math.ceil(centreY + half));
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/**
 * The second look enlarges the read's region 2x beyond the scale that read it, then 1.5x and
 * 1.25x while the last read nothing: a misread comes from one particular sampling of blurred
 * bars, and a finer one does not repeat it. Measured on the shared photos' right 1D reads (at
 * 640x480 and native size) and on misreads of the degraded renders: these three confirmed 113 of
 * 115 right reads and 1 of 323 misreads (which the gate's rival check then catches). A 3x look
 * confirmed the same right reads, but 29 misreads: magnified that far, blur reads as bars again.
 */
const LOOK_AGAIN_SCALES = [2, 1.5, 1.25] as const;

/**
 * Whether a 1D read runs more up and down than across: ZXing-C++ gives its first two corners
 * along the reading direction, in the frame's coordinates.
 */
export function runsUpright(symbol: DecodedSymbol): boolean {
  const [a, b] = symbol.points;
  if (!a || !b) return true;
  return Math.abs(b.y - a.y) > Math.abs(b.x - a.x);
}

/** The evidence for a 1D read: what second, enlarged looks at its region read. */
export async function lookAgain(
  engine: DecoderEngine,
  frame: Frame,
  symbol: DecodedSymbol,
  scale: number,
): Promise<Evidence> {
  const rect = lookAgainRect(symbol, frame);
  // Its reading direction is known, so the look tries turning the crop only for an upright
  // code: a third of the look's time for a code that reads across.
  const tryRotate = runsUpright(symbol);
  for (const enlarge of LOOK_AGAIN_SCALES) {
    const again = await engine.decode(cropAndScale(frame, rect, scale * enlarge), [symbol.format], {
      minLineCount: 1,
      tryRotate,
    });
    if (again.some((s) => s.text !== symbol.text)) return 'contradicted';
    if (again.length) return 'confirmed';
  }
  return 'unconfirmed';
}

/** 1D texts confirmed by a second look, remembered for `keepMs`. */
export class ConfirmedMemory {
  private readonly at = new Map<string, number>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number,
  ) {}

  has(symbol: Pick<DecodedSymbol, 'format' | 'text'>): boolean {
    const key = `${symbol.format}:${symbol.text}`;
    const when = this.at.get(key);
    if (when === undefined) return false;
    if (this.now() - when <= this.keepMs) return true;
    this.at.delete(key);
    return false;
  }

  add(symbol: Pick<DecodedSymbol, 'format' | 'text'>): void {
    const now = this.now();
    // A worker runs all day on a tablet: texts past their time go when a new one comes.
    for (const [key, when] of this.at) if (now - when > this.keepMs) this.at.delete(key);
    this.at.set(`${symbol.format}:${symbol.text}`, now);
  }
}

/** One strategy on one frame; results in frame coordinates. */
export async function runStrategy(
  engine: DecoderEngine,
  frame: Frame,
  strategy: Strategy,
  options: PipelineOptions,
): Promise<DecodedSymbol[]> {
  const base = options.roi ?? { x: 0, y: 0, width: frame.width, height: frame.height };
  const inner = strategy.centre ? centreRect(base, strategy.centre) : null;
  const rect = inner ? { ...inner, x: base.x + inner.x, y: base.y + inner.y } : base;
  const scale = strategy.scale ?? 1;
  const whole = !options.roi && !inner && scale === 1;
  let input = whole ? frame : cropAndScale(frame, rect, scale);
  if (strategy.filter) input = FILTERS[strategy.filter](input);
  const hints = options.maxSymbols
    ? { ...strategy.hints, maxSymbols: options.maxSymbols }
    : strategy.hints;
  const found = merged(await engine.decode(input, options.formats, hints));
  const symbols = whole
    ? found
    : found.map((s) => ({ ...s, points: s.points.map((p) => fromCrop(p, rect, scale)) }));
  const memory = options.confirmed;
  return Promise.all(
    symbols.map(async (s): Promise<DecodedSymbol> => {
      if (!LINEAR.has(s.format)) return s;
      if (memory?.has(s)) return { ...s, evidence: 'confirmed' };
      const evidence = await lookAgain(engine, frame, s, scale);
      if (evidence === 'confirmed') memory?.add(s);
      return { ...s, evidence };
    }),
  );
}

/** One frame through the engine, with the strategies its schedule gives it. */
export async function decodeFrame(
  engine: DecoderEngine,
  frame: Frame,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const schedule = options.schedule ?? new StrategySchedule([PLAIN], { budgetMs: 0, now: () => 0 });
  const { newerFrame } = options;
  const read = await schedule.read(
    (strategy) => runStrategy(engine, frame, strategy, options),
    newerFrame ? { newerFrame } : {},
  );
  return { symbols: read.found, strategy: read.strategy, tried: read.tried };
}
