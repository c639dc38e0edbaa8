import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import type { DecodeHints, Frame } from '../../src/features/scanner/engines/types';
import { seeded } from './jitter';

/**
 * A degraded render of a retail 1D code: bars a module or two wide after scaling, blurred,
 * sensor noise, and a low JPEG quality, as a cheap phone sees a small label.
 */
export interface MisreadCase {
  symbology: 'ean13' | 'upca';
  value: string;
  /** Pixels per module after scaling. */
  moduleWidth: number;
  /** Gaussian blur sigma, in pixels. */
  blur: number;
  /** Noise amplitude, in grey levels. */
  noise: number;
  quality: number;
  seed: number;
  /** The ZXing-C++ options under which it misreads... */
  hints: DecodeHints;
  /** ...and what it reads instead: a text whose check digit passes. */
  misreadAs: string;
}

/**
 * Renders that raw ZXing-C++ misreads on its own (a wrong text with a valid check digit),
 * found by a seeded search over 5,539 random renders. The app must accept none of them wrong.
 */
export const MISREAD_CORPUS: readonly MisreadCase[] = [
  {
    symbology: 'ean13',
    value: '1150763719226',
    moduleWidth: 1.8702223878353834,
    blur: 0.9757659752620385,
    noise: 20.46369781717658,
    quality: 6,
    seed: 173596177,
    hints: { minLineCount: 1 },
    misreadAs: '1750763119226',
  },
  {
    symbology: 'upca',
    value: '237961410276',
    moduleWidth: 1.363327826792374,
    blur: 0.6953698271652684,
    noise: 31.223636884242296,
    quality: 42,
    seed: 793259454,
    hints: {},
    misreadAs: '0237061410176',
  },
  {
    symbology: 'ean13',
    value: '3392226574203',
    moduleWidth: 1.4822344813495874,
    blur: 0.8293936509406195,
    noise: 34.09582359716296,
    quality: 30,
    seed: 616243223,
    hints: { minLineCount: 1 },
    misreadAs: '6322176574203',
  },
  {
    symbology: 'upca',
    value: '373595287737',
    moduleWidth: 1.9491856522625313,
    blur: 0.9162172970362008,
    noise: 31.24425046145916,
    quality: 18,
    seed: 704411749,
    hints: { minLineCount: 1 },
    misreadAs: '0373595221137',
  },
  {
    symbology: 'ean13',
    value: '3774300098162',
    moduleWidth: 1.4440847095800562,
    blur: 0.7287568128202111,
    noise: 14.203524766489863,
    quality: 34,
    seed: 321399941,
    hints: {},
    misreadAs: '3774301098161',
  },
  {
    symbology: 'ean13',
    value: '4136107956516',
    moduleWidth: 1.808346162037924,
    blur: 0.6479507002048195,
    noise: 18.833440663293004,
    quality: 8,
    seed: 303827465,
    hints: {},
    misreadAs: '8736105956516',
  },
  {
    symbology: 'ean13',
    value: '4201684059902',
    moduleWidth: 1.9890910324640572,
    blur: 1.0072217379463837,
    noise: 36.017877059057355,
    quality: 43,
    seed: 682597952,
    hints: {},
    misreadAs: '0261613059902',
  },
  {
    symbology: 'ean13',
    value: '4255193146103',
    moduleWidth: 1.7749790912726895,
    blur: 0.681276628933847,
    noise: 9.839364727959037,
    quality: 6,
    seed: 995184357,
    hints: { minLineCount: 1 },
    misreadAs: '7255183146103',
  },
  {
    symbology: 'upca',
    value: '505512665292',
    moduleWidth: 1.3816662697819992,
    blur: 0.45213637438137083,
    noise: 31.436336366459727,
    quality: 42,
    seed: 536542780,
    hints: { minLineCount: 1 },
    misreadAs: '0515512665291',
  },
  {
    symbology: 'ean13',
    value: '5275722900920',
    moduleWidth: 1.4746278585866093,
    blur: 0.7180709060747177,
    noise: 16.870025247335434,
    quality: 30,
    seed: 879907202,
    hints: { minLineCount: 1 },
    misreadAs: '4273791900910',
  },
  {
    symbology: 'ean13',
    value: '5320098606577',
    moduleWidth: 1.993318824772723,
    blur: 0.7169961058069021,
    noise: 39.45101097226143,
    quality: 31,
    seed: 804917440,
    hints: {},
    misreadAs: '0376090606577',
  },
  {
    symbology: 'upca',
    value: '536281229316',
    moduleWidth: 1.3575797317782416,
    blur: 0.7255251882132143,
    noise: 10.712676476687193,
    quality: 41,
    seed: 972062424,
    hints: { minLineCount: 1 },
    misreadAs: '0136181220316',
  },
  {
    symbology: 'upca',
    value: '549921680187',
    moduleWidth: 1.887964432593435,
    blur: 1.1057415814837441,
    noise: 33.04743940010667,
    quality: 28,
    seed: 939955767,
    hints: { minLineCount: 1 },
    misreadAs: '0549927680181',
  },
  {
    symbology: 'ean13',
    value: '6403945472897',
    moduleWidth: 1.8734820486977697,
    blur: 0.9542243192670867,
    noise: 19.52190777286887,
    quality: 40,
    seed: 305392501,
    hints: { minLineCount: 1 },
    misreadAs: '7404941472897',
  },
  {
    symbology: 'upca',
    value: '699477905958',
    moduleWidth: 1.4178736866218968,
    blur: 0.6062899945070968,
    noise: 33.11290183104575,
    quality: 42,
    seed: 828877603,
    hints: { minLineCount: 1 },
    misreadAs: '0699477905057',
  },
  {
    symbology: 'upca',
    value: '721336610489',
    moduleWidth: 1.9412694040685892,
    blur: 1.1075475082732738,
    noise: 35.72041501291096,
    quality: 12,
    seed: 720687342,
    hints: {},
    misreadAs: '0727336610429',
  },
  {
    symbology: 'ean13',
    value: '7213693007673',
    moduleWidth: 1.9359331933548674,
    blur: 0.7399891295470298,
    noise: 0.7589996326714754,
    quality: 35,
    seed: 818713302,
    hints: { minLineCount: 1 },
    misreadAs: '4213023007673',
  },
  {
    symbology: 'upca',
    value: '872266375891',
    moduleWidth: 1.3686258611036464,
    blur: 0.6572508495999501,
    noise: 34.19756724499166,
    quality: 32,
    seed: 96688933,
    hints: { minLineCount: 1 },
    misreadAs: '0871266375801',
  },
  {
    symbology: 'ean13',
    value: '8929212426267',
    moduleWidth: 1.8595503060147167,
    blur: 0.9537299507763237,
    noise: 20.086185447871685,
    quality: 16,
    seed: 989270216,
    hints: { minLineCount: 1 },
    misreadAs: '0979772426267',
  },
  {
    symbology: 'ean13',
    value: '9076371316935',
    moduleWidth: 1.7938603372778743,
    blur: 0.6812725521856919,
    noise: 8.619150025770068,
    quality: 5,
    seed: 572856676,
    hints: { minLineCount: 1 },
    misreadAs: '5076351316935',
  },
  {
    symbology: 'ean13',
    value: '9974980948311',
    moduleWidth: 1.9712589498376474,
    blur: 1.0920033076079563,
    noise: 3.428380200639367,
    quality: 20,
    seed: 542593211,
    hints: { minLineCount: 1 },
    misreadAs: '0917900948311',
  },
];

/** The case's image, as a frame (pasted on white, no larger than 640x480). */
export async function renderMisreadCase(c: MisreadCase): Promise<Frame> {
  const rendered = await bwipjs.toBuffer({
    bcid: c.symbology,
    text: c.value,
    scale: 4,
    height: 12,
    paddingwidth: 12,
    paddingheight: 6,
    backgroundcolor: 'FFFFFF',
    includetext: false,
  });
  const renderedWidth = (await sharp(rendered).metadata()).width ?? 400;
  const width = Math.max(40, Math.round((renderedWidth / 4) * c.moduleWidth));
  const grey = await sharp(rendered)
    .flatten({ background: '#fff' })
    .greyscale()
    .resize({ width })
    .blur(c.blur)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const random = seeded(c.seed);
  const d = grey.data;
  for (let i = 0; i < d.length; i++) {
    const noise = (random() + random() + random() - 1.5) * c.noise;
    d[i] = Math.max(0, Math.min(255, (d[i] ?? 0) + noise));
  }
  const jpeg = await sharp(d, { raw: grey.info }).jpeg({ quality: c.quality }).toBuffer();
  const { data, info } = await sharp(jpeg)
    .resize(640, 480, { fit: 'contain', background: '#fff', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}
