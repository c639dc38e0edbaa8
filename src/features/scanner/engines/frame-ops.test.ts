import { describe, expect, it } from 'vitest';
import { coverRegion, cropAndScale, meanLuma } from './frame-ops';

const solid = (value: number, width = 40, height = 30) => ({
  data: new Uint8ClampedArray(width * height * 4).fill(value),
  width,
  height,
});

describe('meanLuma', () => {
  it('tells black from a scene', () => {
    expect(meanLuma(solid(0))).toBe(0);
    expect(meanLuma(solid(200))).toBeCloseTo(200, 0);
    expect(meanLuma({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBe(0);
  });
});

/** A frame whose pixel (x, y) is the grey level `level(x, y)`. */
const grey = (width: number, height: number, level: (x: number, y: number) => number) => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = level(x, y);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { data, width, height };
};
/** The output's grey levels, row by row, checking each pixel is an opaque grey. */
const levels = (f: { data: Uint8ClampedArray; width: number; height: number }) =>
  Array.from({ length: f.height }, (_, y) =>
    Array.from({ length: f.width }, (_, x) => {
      const [r = -1, g, b, a] = f.data.subarray((y * f.width + x) * 4, (y * f.width + x) * 4 + 4);
      expect([g, b, a]).toEqual([r, r, 255]);
      return r;
    }),
  );

describe('cropAndScale', () => {
  it('enlarges with bilinear sampling between pixel centres', () => {
    // Columns 0, 100, 200, 250: the 2x crop of columns 1-2 samples at 0.75, 1.25, 1.75, 2.25.
    const ramp = grey(4, 2, (x) => [0, 100, 200, 250][x] ?? 0);
    const out = cropAndScale(ramp, { x: 1, y: 0, width: 2, height: 1 }, 2);
    expect(out).toMatchObject({ width: 4, height: 2 });
    expect(levels(out)).toEqual([
      [75, 125, 175, 213],
      [75, 125, 175, 213],
    ]);
  });

  it("gives ZXing-C++'s luminance of a colour", () => {
    const red = { data: Uint8ClampedArray.of(255, 0, 0, 255), width: 1, height: 1 };
    const green = { data: Uint8ClampedArray.of(0, 255, 0, 255), width: 1, height: 1 };
    const whole = { x: 0, y: 0, width: 1, height: 1 };
    expect(levels(cropAndScale(red, whole, 3))).toEqual([
      [76, 76, 76],
      [76, 76, 76],
      [76, 76, 76],
    ]);
    expect(levels(cropAndScale(green, whole, 1))).toEqual([[150]]);
  });

  it('stays inside the frame at its edges and with a fractional box', () => {
    const frame = grey(10, 8, (x, y) => x * 10 + y);
    const out = cropAndScale(frame, { x: 7.5, y: 5.25, width: 2.5, height: 2.75 }, 1.5);
    expect(out).toMatchObject({ width: 4, height: 4 });
    const all = levels(out).flat();
    expect(Math.min(...all)).toBeGreaterThanOrEqual(75);
    expect(Math.max(...all)).toBeLessThanOrEqual(97);
  });
});

describe('coverRegion', () => {
  it('maps a box on an element of the same aspect straight through the scale', () => {
    expect(
      coverRegion(
        { width: 640, height: 480 },
        { width: 320, height: 240 },
        {
          x: 32,
          y: 48,
          width: 256,
          height: 144,
        },
      ),
    ).toEqual({ x: 64, y: 96, width: 512, height: 288 });
  });

  it('accounts for the sides that cover crops away (a 4:3 frame in a tall phone element)', () => {
    // 640x480 covering 360x640: scale 4/3, the frame is 853 px wide on screen, 246.7 cropped
    // off each side. The element's full width is the frame's middle 270 px.
    const region = coverRegion(
      { width: 640, height: 480 },
      { width: 360, height: 640 },
      {
        x: 0,
        y: 0,
        width: 360,
        height: 640,
      },
    );
    expect(region).toEqual({ x: 185, y: 0, width: 270, height: 480 });
  });
});
