import { LINEAR, type Symbology } from '../../../lib/gs1/symbology';
import { centreRect, cropAndScale, fromCrop, type Rect } from './frame-ops';
import type { DecodedSymbol, DecoderEngine, Frame } from './types';

/** Crops a region and scales it; the worker does this on the GPU-backed canvas, Node in JS. */
export type Cropper = (frame: Frame, rect: Rect, scale: number) => Frame | Promise<Frame>;

export interface PipelineOptions {
  formats: readonly Symbology[];
  /** How to crop and enlarge (default: the plain-JS bilinear cropAndScale). */
  crop?: Cropper;
  /** Decode only this region of the frame (the viewfinder), when set. */
  roi?: Rect | null;
  /** Try a centred, enlarged crop when the whole frame yields nothing. */
  retryCentre?: boolean;
}

export interface PipelineResult {
  symbols: DecodedSymbol[];
  /** Which pass found them: the whole frame (or ROI), or the enlarged centre. */
  pass: 'frame' | 'centre' | 'none';
}

/** The centre retry: the middle half of each side, at two enlargements that must agree. */
const CENTRE = { fraction: 0.5, scales: [2, 2.5] } as const;

const distance = (
  a: { x: number; y: number } | undefined,
  b: { x: number; y: number } | undefined,
) => (a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0);

/**
 * A 1D read whose quad is a sliver (a few pixels across, hundreds along) came from one or two
 * scan lines through texture, not from a barcode: such phantoms pass check digits 1 time in 10.
 */
export function plausible(symbol: DecodedSymbol): boolean {
  // ZXing-JS reports a 1D read as two points on the scan line: no quad, nothing to judge.
  if (!LINEAR.has(symbol.format) || symbol.points.length < 4) return true;
  const [tl, tr, br, bl] = symbol.points;
  const along = Math.max(distance(tl, tr), distance(bl, br));
  const across = Math.max(distance(tl, bl), distance(tr, br));
  return across >= Math.max(4, 0.03 * along);
}

/** Symbols minus any symbology that produced two different texts: an ambiguous frame. */
function unambiguous(symbols: DecodedSymbol[]): DecodedSymbol[] {
  const texts = new Map<string, Set<string>>();
  for (const s of symbols) texts.set(s.format, (texts.get(s.format) ?? new Set()).add(s.text));
  return symbols.filter((s) => !LINEAR.has(s.format) || (texts.get(s.format)?.size ?? 0) === 1);
}

/**
 * One frame through the engine: the frame (or its ROI) first; if that finds nothing, the centre
 * enlarged, where a code held at a distance sits. Results come back in frame coordinates.
 */
export async function decodeFrame(
  engine: DecoderEngine,
  frame: Frame,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const region = options.roi ?? null;
  const crop = options.crop ?? cropAndScale;
  const first = (
    region
      ? await engine.decode(await crop(frame, region, 1), options.formats)
      : await engine.decode(frame, options.formats)
  ).filter(plausible);
  if (first.length) {
    return {
      symbols: region
        ? first.map((s) => ({ ...s, points: s.points.map((p) => fromCrop(p, region, 1)) }))
        : first,
      pass: 'frame',
    };
  }
  if (options.retryCentre === false) return { symbols: [], pass: 'none' };
  const base = region ?? { x: 0, y: 0, width: frame.width, height: frame.height };
  const inner = centreRect(base, CENTRE.fraction);
  const rect = { ...inner, x: base.x + inner.x, y: base.y + inner.y };
  // Enlarging invents detail as well as revealing it, so a centre read counts only when two
  // enlargements read the same text and neither saw two different texts of one symbology.
  const [a, b] = await Promise.all(
    CENTRE.scales.map(async (scale) =>
      unambiguous(
        (await engine.decode(await crop(frame, rect, scale), options.formats)).filter(plausible),
      ),
    ),
  );
  const scale = CENTRE.scales[0];
  const agreed = (a ?? []).filter((s) =>
    (b ?? []).some((t) => t.format === s.format && t.text === s.text),
  );
  return agreed.length
    ? {
        symbols: agreed.map((s) => ({
          ...s,
          points: s.points.map((p) => fromCrop(p, rect, scale)),
        })),
        pass: 'centre',
      }
    : { symbols: [], pass: 'none' };
}
