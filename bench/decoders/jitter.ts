import type { Frame } from '../../src/features/scanner/engines/types';

/** A seeded PRNG (mulberry32): every run jitters the same frames the same way. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How much a hand-held camera moves between frames, and how noisy its sensor is. */
export const JITTER = { shiftPx: 2, turnDeg: 1, noiseSigma: 4 } as const;

/**
 * One camera frame of a still scene: shifted up to ±2 px, turned up to ±1°, with sensor noise.
 * Inverse mapping with bilinear sampling; outside the frame the edge pixels repeat, as the
 * frame's own padding does.
 */
export function jittered(frame: Frame, random: () => number): Frame {
  const { width: w, height: h, data: src } = frame;
  const spread = (max: number) => (random() * 2 - 1) * max;
  const dx = spread(JITTER.shiftPx);
  const dy = spread(JITTER.shiftPx);
  const angle = (spread(JITTER.turnDeg) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [w / 2, h / 2];
  const out = new Uint8ClampedArray(src.length);
  const at = (x: number, y: number, k: number) =>
    src[(Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))) * 4 + k] ?? 0;
  const gauss = () => (random() + random() + random() - 1.5) * 2 * JITTER.noiseSigma;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const rx = x - cx - dx;
      const ry = y - cy - dy;
      const sx = cos * rx + sin * ry + cx;
      const sy = -sin * rx + cos * ry + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const n = gauss();
      const o = (y * w + x) * 4;
      for (let k = 0; k < 3; k++) {
        const top = at(x0, y0, k) * (1 - fx) + at(x0 + 1, y0, k) * fx;
        const bottom = at(x0, y0 + 1, k) * (1 - fx) + at(x0 + 1, y0 + 1, k) * fx;
        out[o + k] = top * (1 - fy) + bottom * fy + n;
      }
      out[o + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}
