import bwipjs from 'bwip-js/node';

/** The symbologies the fixtures can show, named the way tests speak of them. */
export type BarcodeFormat =
  | 'ean13'
  | 'ean8'
  | 'upca'
  | 'upce'
  | 'code128'
  | 'itf14'
  | 'qr'
  | 'datamatrix'
  | 'gs1-128'
  | 'gs1-datamatrix';

export interface BarcodeSpec {
  format: BarcodeFormat;
  value: string;
  /** Pixels per module; the default suits a 640x480 frame. */
  scale?: number;
}

const BWIP: Record<BarcodeFormat, { bcid: string; scale: number; linear: boolean }> = {
  ean13: { bcid: 'ean13', scale: 3, linear: true },
  ean8: { bcid: 'ean8', scale: 3, linear: true },
  upca: { bcid: 'upca', scale: 3, linear: true },
  upce: { bcid: 'upce', scale: 3, linear: true },
  code128: { bcid: 'code128', scale: 2, linear: true },
  itf14: { bcid: 'itf14', scale: 2, linear: true },
  'gs1-128': { bcid: 'gs1-128', scale: 2, linear: true },
  qr: { bcid: 'qrcode', scale: 6, linear: false },
  datamatrix: { bcid: 'datamatrix', scale: 8, linear: false },
  'gs1-datamatrix': { bcid: 'gs1datamatrix', scale: 8, linear: false },
};

/** Renders a barcode to PNG bytes with bwip-js (pure JS, so it runs anywhere Node does). */
export async function renderBarcode(spec: BarcodeSpec): Promise<Buffer> {
  const { bcid, scale, linear } = BWIP[spec.format];
  return bwipjs.toBuffer({
    bcid,
    text: spec.value,
    scale: spec.scale ?? scale,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
    ...(linear ? { height: 18, includetext: true } : {}),
  });
}

/** PNG dimensions, read from the IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Renders at the format's usual scale, or smaller until it fits the frame: a QR holding a long
 * Digital Link URL is taller than a 480-pixel frame at the default scale.
 */
export async function renderBarcodeToFit(
  spec: BarcodeSpec,
  frame: { width: number; height: number },
): Promise<Buffer> {
  for (let scale = spec.scale ?? BWIP[spec.format].scale; scale >= 1; scale--) {
    const png = await renderBarcode({ ...spec, scale });
    const size = pngSize(png);
    if (size.width <= frame.width && size.height <= frame.height) return png;
  }
  throw new Error(
    `${spec.format} ${spec.value} does not fit a ${frame.width}x${frame.height} frame.`,
  );
}

/** Well-known valid values per format, for tests that just need "a barcode". */
export const SAMPLE_CODES = {
  ean13: '4006381333931',
  ean8: '96385074',
  upca: '036000291452',
  upce: '01234565',
  code128: 'ABC-12345-xyz',
  itf14: '10614141000415',
  qr: 'hello-from-the-fake-camera',
  datamatrix: 'DM-0123456789',
  gs1DigitalLink: 'https://id.gs1.org/01/09506000134352/10/LOT42',
} as const;
