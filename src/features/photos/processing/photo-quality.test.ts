import bwipjs from 'bwip-js/node';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_EDGE, assessQuality, fitScale } from './photo-quality';

/** A product label: a printed panel with lines of "text" and an EAN-13, on a kraft shelf. */
async function label(width: number, height: number): Promise<Buffer> {
  const code = await bwipjs.toBuffer({
    bcid: 'ean13',
    text: '4006381333931',
    scale: 3,
    height: 20,
    includetext: true,
  });
  const lines = Array.from(
    { length: 12 },
    (_, i) =>
      `<rect x="${width * 0.15}" y="${height * (0.18 + i * 0.025)}" width="${width * (0.3 + ((i * 37) % 20) / 100)}" height="${height * 0.008}" fill="#222"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#c9b79c"/>
    <rect x="${width * 0.1}" y="${height * 0.1}" width="${width * 0.8}" height="${height * 0.8}" rx="20" fill="#f4efe6" stroke="#333" stroke-width="3"/>
    ${lines}</svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: code, left: Math.round(width * 0.55), top: Math.round(height * 0.55) }])
    .png()
    .toBuffer();
}

/** Scores an image the way the photo worker does: scaled (never enlarged) to ANALYSIS_EDGE. */
async function score(image: Buffer | Sharp) {
  const { data, info } = await (Buffer.isBuffer(image) ? sharp(image) : image)
    .resize(ANALYSIS_EDGE, ANALYSIS_EDGE, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return assessQuality(new Uint8ClampedArray(data), info.width, info.height);
}

describe.each([
  { size: '4:3 phone photo', width: 1600, height: 1200, blur: 5 },
  { size: 'VGA frame grab', width: 640, height: 480, blur: 3 },
])('photo quality on a $size', ({ width, height, blur }) => {
  it('passes the sharp, well-lit photo', async () => {
    const report = await score(await label(width, height));
    expect(report.issues).toEqual([]);
  });

  it('flags the blurred version of the same photo as blurry, and only as blurry', async () => {
    const photo = await label(width, height);
    const sharpScore = await score(photo);
    const blurred = await score(sharp(photo).blur(blur));
    expect(blurred.issues).toEqual(['blurry']);
    expect(blurred.sharpness).toBeLessThan(sharpScore.sharpness / 10);
  });

  it('scores sharpness down as blur goes up', async () => {
    const photo = await label(width, height);
    const scores = [];
    for (const sigma of [0.5, 1, 2, 4])
      scores.push((await score(sharp(photo).blur(sigma))).sharpness);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('flags the dark version as dark, not blurry: focus is judged on the stretched picture', async () => {
    const photo = await label(width, height);
    const dark = await score(sharp(photo).linear(0.2, 0));
    expect(dark.issues).toEqual(['dark']);
    expect(dark.meanLuma).toBeLessThan(55);
  });

  it('flags a dark and blurred photo for both', async () => {
    const photo = await label(width, height);
    const report = await score(sharp(photo).linear(0.2, 0).blur(blur));
    expect(report.issues).toEqual(['blurry', 'dark']);
  });
});

describe('photo quality on degenerate pictures', () => {
  it('calls a blank, blown-out frame blurry and overexposed', async () => {
    const white = sharp({ create: { width: 800, height: 600, channels: 3, background: '#fff' } });
    expect((await score(white.png())).issues).toEqual(['blurry', 'overexposed']);
  });

  it('calls a black frame dark and blurry', async () => {
    const black = sharp({ create: { width: 800, height: 600, channels: 3, background: '#000' } });
    expect((await score(black.png())).issues).toEqual(['blurry', 'dark']);
  });

  it('does not fail on images smaller than the Laplacian kernel', () => {
    expect(assessQuality(new Uint8ClampedArray(2 * 2 * 4), 2, 2).sharpness).toBe(0);
  });
});

describe('fitScale', () => {
  it('shrinks the longest edge to the limit and never enlarges', () => {
    expect(fitScale(4032, 3024, 2048)).toBeCloseTo(2048 / 4032);
    expect(fitScale(3024, 4032, 2048)).toBeCloseTo(2048 / 4032);
    expect(fitScale(640, 480, 2048)).toBe(1);
  });
});
