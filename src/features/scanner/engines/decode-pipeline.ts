import { GTIN_SYMBOLOGY, LINEAR, type Symbology } from '../../../lib/gs1/symbology';
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
 * A read whose quad is a sliver (a few pixels across, hundreds along) came from one or two scan
 * lines, which for EAN/UPC and ITF is as often texture as a barcode: such phantoms pass their
 * single mod-10 check digit 1 time in 10. Code 128 (mod 103) and DataBar (finder patterns and
 * a mod-89/211 check) do not produce them, so their slivers are real reads of a blurred code.
 */
export function plausible(symbol: DecodedSymbol): boolean {
  // ZXing-JS reports a 1D read as two points on the scan line: no quad, nothing to judge.
  if (!GTIN_SYMBOLOGY[symbol.format] || symbol.points.length < 4) return true;
  const [tl, tr, br, bl] = symbol.points;
  const along = Math.max(distance(tl, tr), distance(bl, br));
  const across = Math.max(distance(tl, bl), distance(tr, br));
  return across >= Math.max(4, 0.03 * along);
}

/**
 * Drops implausible reads, except a sliver whose text another read of the same frame confirms:
 * a blurred code often reads only along its sharper top and bottom rows, which gives slivers at
 * two places with one text, where texture gives a single sliver. Reads of one text merge into
 * one symbol spanning them all, so a frame never offers the same code twice (which the frame
 * agreement would count as two frames).
 */
export function confirmed(symbols: DecodedSymbol[]): DecodedSymbol[] {
  const groups = new Map<string, DecodedSymbol[]>();
  for (const s of symbols) {
    const key = `${s.format}\u0000${s.text}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const seenTwice = group.length > 1 && distance(group[0]?.points[0], group[1]?.points[0]) >= 4;
    if (!seenTwice && !group.some(plausible)) return [];
    if (group.length === 1) return [first];
    const points = group.flatMap((s) => s.points);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    return [
      {
        ...first,
        points: [
          { x: x0, y: y0 },
          { x: x1, y: y0 },
          { x: x1, y: y1 },
          { x: x0, y: y1 },
        ],
      },
    ];
  });
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
  const first = confirmed(
    region
      ? await engine.decode(await crop(frame, region, 1), options.formats)
      : await engine.decode(frame, options.formats),
  );
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
  const readAt = async (scale: number) =>
    unambiguous(confirmed(await engine.decode(await crop(frame, rect, scale), options.formats)));
  // The second enlargement only confirms the first, so a first that finds nothing (most frames
  // without a code) ends the retry at half the cost.
  const a = await readAt(CENTRE.scales[0]);
  if (!a.length) return { symbols: [], pass: 'none' };
  const b = await readAt(CENTRE.scales[1]);
  const scale = CENTRE.scales[0];
  const agreed = a.filter((s) => b.some((t) => t.format === s.format && t.text === s.text));
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
