/**
 * Photo quality scoring: pure functions over pixels, run in the photo worker and in tests.
 *
 * Sharpness is the variance of the Laplacian (Pech-Pacheco et al., 2000), measured per tile and
 * averaged over the sharpest quarter of tiles. A whole-image variance would call a sharp
 * product on a plain shelf "blurry" because the plain areas dilute it; the sharpest tiles say
 * whether anything in the picture is in focus. Scores are comparable only at one analysis size,
 * so the worker always measures a copy scaled to ANALYSIS_EDGE.
 */

export type QualityIssue = 'blurry' | 'dark' | 'overexposed';

export interface QualityReport {
  /** Laplacian variance of the sharpest quarter of tiles, at ANALYSIS_EDGE. */
  sharpness: number;
  /** Mean luma, 0–255. */
  meanLuma: number;
  /** Share of pixels darker than DARK_PIXEL. */
  darkFraction: number;
  /** Share of pixels at or above CLIPPED_PIXEL. */
  clippedFraction: number;
  issues: QualityIssue[];
}

/** The longest edge the quality check measures at. */
export const ANALYSIS_EDGE = 1024;

export const QUALITY_LIMITS = {
  /** Below this the sharpest parts of the picture are still soft. Calibrated in the tests. */
  minSharpness: 150,
  /** A mean below this is too dark for the vision pipeline to read labels. */
  minMeanLuma: 55,
  /** Almost everything blown out: a flash on glossy film, or a lens pointed at a lamp. */
  maxClippedFraction: 0.99,
} as const;

const DARK_PIXEL = 40;
const CLIPPED_PIXEL = 250;
const TILES = 8;
/** Contrast stretching amplifies noise too: a near-flat picture must not become "sharp". */
const MAX_STRETCH = 6;

/** Rec. 601 luma of RGBA pixels (the weights JPEG uses). */
export function lumaOf(rgba: Uint8ClampedArray, width: number, height: number): Float32Array {
  const luma = new Float32Array(width * height);
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) {
    luma[i] = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
  }
  return luma;
}

/** Variance of the 4-neighbour Laplacian over the sharpest quarter of an 8x8 grid of tiles. */
export function sharpnessOf(luma: Float32Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  const tileW = Math.max(1, Math.floor((width - 2) / TILES));
  const tileH = Math.max(1, Math.floor((height - 2) / TILES));
  const sums = new Float64Array(TILES * TILES);
  const squares = new Float64Array(TILES * TILES);
  const counts = new Uint32Array(TILES * TILES);
  for (let y = 1; y < height - 1; y++) {
    const ty = Math.min(TILES - 1, Math.floor((y - 1) / tileH));
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap =
        (luma[i - 1] ?? 0) +
        (luma[i + 1] ?? 0) +
        (luma[i - width] ?? 0) +
        (luma[i + width] ?? 0) -
        4 * (luma[i] ?? 0);
      const t = ty * TILES + Math.min(TILES - 1, Math.floor((x - 1) / tileW));
      sums[t] = (sums[t] ?? 0) + lap;
      squares[t] = (squares[t] ?? 0) + lap * lap;
      counts[t] = (counts[t] ?? 0) + 1;
    }
  }
  const variances: number[] = [];
  for (let t = 0; t < sums.length; t++) {
    const n = counts[t] ?? 0;
    if (n === 0) continue;
    const mean = (sums[t] ?? 0) / n;
    variances.push((squares[t] ?? 0) / n - mean * mean);
  }
  variances.sort((a, b) => b - a);
  const top = variances.slice(0, Math.max(1, Math.floor(variances.length / 4)));
  return top.reduce((a, b) => a + b, 0) / top.length;
}

/** The gain that maps the 1st–99th percentile of luma onto 0–255, at most MAX_STRETCH. */
export function stretchOf(luma: Float32Array): number {
  const histogram = new Uint32Array(256);
  for (const v of luma) histogram[Math.min(255, Math.max(0, Math.round(v)))]! += 1;
  const percentile = (q: number) => {
    const target = q * luma.length;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v] ?? 0;
      if (seen >= target) return v;
    }
    return 255;
  };
  const range = percentile(0.99) - percentile(0.01);
  return Math.min(MAX_STRETCH, 255 / Math.max(1, range));
}

export function exposureOf(luma: Float32Array) {
  let sum = 0;
  let dark = 0;
  let clipped = 0;
  for (const v of luma) {
    sum += v;
    if (v < DARK_PIXEL) dark++;
    if (v >= CLIPPED_PIXEL) clipped++;
  }
  const n = Math.max(1, luma.length);
  return { meanLuma: sum / n, darkFraction: dark / n, clippedFraction: clipped / n };
}

/** Scores RGBA pixels (already scaled to ANALYSIS_EDGE) and names what is wrong, if anything. */
export function assessQuality(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): QualityReport {
  const luma = lumaOf(rgba, width, height);
  const exposure = exposureOf(luma);
  // Laplacian variance grows with the square of contrast, so a dim or washed-out but focused
  // picture would read as blurry: measure focus on the picture stretched to full range.
  const sharpness = sharpnessOf(luma, width, height) * stretchOf(luma) ** 2;
  const issues: QualityIssue[] = [];
  if (sharpness < QUALITY_LIMITS.minSharpness) issues.push('blurry');
  if (exposure.meanLuma < QUALITY_LIMITS.minMeanLuma) issues.push('dark');
  if (exposure.clippedFraction > QUALITY_LIMITS.maxClippedFraction) issues.push('overexposed');
  return { sharpness, ...exposure, issues };
}

/** The longest-edge scale that fits `width` x `height` into `edge`, never enlarging. */
export function fitScale(width: number, height: number, edge: number): number {
  return Math.min(1, edge / Math.max(width, height, 1));
}
