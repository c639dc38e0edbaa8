import { describe, expect, it } from 'vitest';
import { coverRegion, meanLuma } from './frame-ops';

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
