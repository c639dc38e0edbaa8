import { mkdirSync } from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { type FrameSize, writeY4m } from './y4m';

/**
 * A product as a camera sees it: a printed pack (panel, lines of text, an EAN-13) on a shelf,
 * with the sensor noise a real still carries. Noise matters: it is what makes camera JPEGs
 * large, and a clean synthetic picture would flatter any compressor.
 */
export async function productScene({ width, height }: FrameSize, noise = 6): Promise<Buffer> {
  const code = await bwipjs.toBuffer({
    bcid: 'ean13',
    text: '4006381333931',
    scale: Math.max(2, Math.round(width / 500)),
    height: 18,
    includetext: true,
  });
  const line = (i: number) =>
    `<rect x="${width * 0.16}" y="${height * (0.2 + i * 0.03)}" width="${width * (0.25 + ((i * 37) % 23) / 100)}" height="${height * 0.01}" fill="#2b2b2b"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#b89f7a"/><stop offset="1" stop-color="#6f5b43"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="${width * 0.1}" y="${height * 0.08}" width="${width * 0.8}" height="${height * 0.84}" rx="${width * 0.02}" fill="#f3ead8" stroke="#3a3a3a" stroke-width="${width / 400}"/>
    <rect x="${width * 0.1}" y="${height * 0.08}" width="${width * 0.8}" height="${height * 0.08}" fill="#c0392b"/>
    <circle cx="${width * 0.72}" cy="${height * 0.35}" r="${height * 0.12}" fill="#e6b422"/>
    ${Array.from({ length: 14 }, (_, i) => line(i)).join('')}</svg>`;
  const clean = await sharp(Buffer.from(svg))
    .composite([{ input: code, left: Math.round(width * 0.56), top: Math.round(height * 0.6) }])
    .removeAlpha()
    .raw()
    .toBuffer();
  for (let i = 0; i < clean.length; i++) {
    // Box-Muller-free noise: the sum of three uniforms is close enough to Gaussian here.
    const n = (Math.random() + Math.random() + Math.random() - 1.5) * 2 * noise;
    clean[i] = Math.max(0, Math.min(255, (clean[i] ?? 0) + n));
  }
  return sharp(clean, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A one-frame y4m of the product scene, for Chromium's fake capture device. */
export async function productVideo(size: FrameSize, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `product-${size.width}x${size.height}.y4m`);
  await writeY4m(file, [{ image: await productScene(size), frames: 1 }], size, 5);
  return file;
}
