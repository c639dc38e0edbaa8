import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import type { Symbology } from '../../src/lib/gs1/symbology';

/** One generated image: a rendered code, degraded one way, with the text it must give. */
export interface CorpusImage {
  format: Symbology;
  name: string;
  png: Buffer;
  expected: string;
}

/** What to render per format: bwip-js id, module scale, and the values (first is the quick one). */
const RENDER: Record<Symbology, { bcid: string; scale: number; values: string[] }> = {
  ean13: { bcid: 'ean13', scale: 3, values: ['4006381333931', '9780201379624'] },
  ean8: { bcid: 'ean8', scale: 3, values: ['96385074', '55123457'] },
  upca: { bcid: 'upca', scale: 3, values: ['036000291452', '012345678905'] },
  upce: { bcid: 'upce', scale: 3, values: ['01234565', '04252614'] },
  code128: { bcid: 'code128', scale: 2, values: ['SCAN-TEST-0042', 'Aisle 7 / Bay 12'] },
  itf: { bcid: 'itf14', scale: 2, values: ['15400141288763', '10012345678902'] },
  qr: {
    bcid: 'qrcode',
    scale: 5,
    values: ['https://id.gs1.org/01/09506000134352/10/LOT42', 'Closient scanner test 123'],
  },
  datamatrix: { bcid: 'datamatrix', scale: 6, values: ['DM-TEST-0042', 'LOT 2026-11 SN 998877'] },
  databar: { bcid: 'databaromni', scale: 3, values: ['(01)09506000134352', '(01)04006381333931'] },
  'databar-expanded': {
    bcid: 'databarexpanded',
    scale: 3,
    values: ['(01)09506000134352(10)LOT42', '(01)04006381333931(17)271231'],
  },
};

/** A seeded PRNG (mulberry32), so every run degrades the same pixels the same way. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function raw(png: Buffer) {
  const { data, info } = await sharp(png)
    .flatten({ background: '#fff' })
    .greyscale()
    .raw()
    .toBuffer({
      resolveWithObject: true,
    });
  return { data, width: info.width, height: info.height };
}
const fromRaw = (data: Buffer, width: number, height: number) =>
  sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();

/** Gaussian-ish noise (sum of uniforms), sigma about 30 grey levels. */
async function noise(png: Buffer): Promise<Buffer> {
  const { data, width, height } = await raw(png);
  const next = random(42);
  for (let i = 0; i < data.length; i++) {
    const n = (next() + next() + next() - 1.5) * 60;
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + n));
  }
  return fromRaw(data, width, height);
}

/**
 * Perspective: the top edge 70% as wide as the bottom, as a code seen from below. An inverse
 * homography with bilinear sampling; sharp has affine transforms but no projective one.
 */
async function perspective(png: Buffer): Promise<Buffer> {
  const src = await raw(png);
  const { width, height } = src;
  const out = Buffer.alloc(width * height, 255);
  const squeeze = 0.3;
  for (let y = 0; y < height; y++) {
    const v = y / (height - 1);
    const rowScale = 1 - squeeze * (1 - v);
    const margin = ((1 - rowScale) * width) / 2;
    for (let x = 0; x < width; x++) {
      const sx = (x - margin) / rowScale;
      if (sx < 0 || sx > width - 1) continue;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const a = src.data[y * width + x0] ?? 255;
      const b = src.data[y * width + Math.min(width - 1, x0 + 1)] ?? 255;
      out[y * width + x] = a * (1 - fx) + b * fx;
    }
  }
  return fromRaw(out, width, height);
}

/** A soft white highlight over a third of the code, as shelf lighting on a glossy label. */
async function glare(png: Buffer): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = meta.width ?? 100;
  const h = meta.height ?? 100;
  const svg = `<svg width="${w}" height="${h}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="0.85"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${w * 0.35}" cy="${h * 0.45}" rx="${w * 0.2}" ry="${h * 0.45}" fill="url(#g)"/></svg>`;
  return sharp(png)
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
}

/** Each degradation; "clean" is the control. Strengths are set where ZXing starts to struggle. */
export const DEGRADATIONS: Record<string, (png: Buffer, scale: number) => Promise<Buffer>> = {
  clean: (png) => Promise.resolve(png),
  blur: (png, scale) =>
    sharp(png)
      .blur(0.6 * scale)
      .png()
      .toBuffer(),
  noise,
  rotation: (png) => sharp(png).rotate(12, { background: '#fff' }).png().toBuffer(),
  perspective,
  'low-contrast': (png) =>
    sharp(png).flatten({ background: '#fff' }).linear(0.22, 160).png().toBuffer(),
  glare,
  small: async (png) => {
    const width = Math.round(((await sharp(png).metadata()).width ?? 100) * 0.4);
    return sharp(png).resize({ width }).png().toBuffer();
  },
  jpeg: async (png) =>
    sharp(await sharp(png).flatten({ background: '#fff' }).jpeg({ quality: 10 }).toBuffer())
      .png()
      .toBuffer(),
};

/** Renders every retail format and degrades each rendering every way. */
export async function generateCorpus(options: { quick: boolean }): Promise<CorpusImage[]> {
  const images: CorpusImage[] = [];
  const degradations = options.quick ? ['clean', 'blur'] : Object.keys(DEGRADATIONS);
  for (const [format, spec] of Object.entries(RENDER) as [
    Symbology,
    (typeof RENDER)[Symbology],
  ][]) {
    for (const value of options.quick ? spec.values.slice(0, 1) : spec.values) {
      const png = await bwipjs.toBuffer({
        bcid: spec.bcid,
        text: value,
        scale: spec.scale,
        paddingwidth: 10,
        paddingheight: 10,
        backgroundcolor: 'FFFFFF',
        includetext: false,
      });
      for (const name of degradations) {
        const degrade = DEGRADATIONS[name];
        if (!degrade) continue;
        images.push({ format, name, png: await degrade(png, spec.scale), expected: value });
      }
    }
  }
  return images;
}
