import type { Symbology } from '../../../lib/gs1/symbology';
import type { DecodedSymbol, DecoderEngine, Frame } from './types';

/** The Shape Detection API, which TypeScript's DOM library does not describe yet. */
interface DetectedBarcode {
  rawValue: string;
  format: string;
  cornerPoints: { x: number; y: number }[];
}
interface BarcodeDetectorLike {
  detect(source: ImageData | ImageBitmap): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const TO_NATIVE: Record<Symbology, string> = {
  ean13: 'ean_13',
  ean8: 'ean_8',
  upca: 'upc_a',
  upce: 'upc_e',
  code128: 'code_128',
  itf: 'itf',
  qr: 'qr_code',
  datamatrix: 'data_matrix',
  databar: 'rss_14',
  'databar-expanded': 'rss_expanded',
};
const FROM_NATIVE = new Map(
  Object.entries(TO_NATIVE).map(([ours, theirs]) => [theirs, ours as Symbology]),
);

const detectorClass = (): BarcodeDetectorClass | null =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;

/** Formats the native detector supports here, or null when there is no detector. */
export async function nativeFormats(): Promise<Symbology[] | null> {
  const Detector = detectorClass();
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    return supported.map((f) => FROM_NATIVE.get(f)).filter((f): f is Symbology => f !== undefined);
  } catch {
    return null;
  }
}

/** The platform's BarcodeDetector (Android Chrome): fast, and no download. */
export function createNativeEngine(): DecoderEngine {
  const Detector = detectorClass();
  if (!Detector) throw new Error('BarcodeDetector is not available');
  let detector: BarcodeDetectorLike | null = null;
  let configured = '';
  return {
    name: 'native',
    async decode(frame: Frame, formats) {
      const key = formats.join(',');
      if (!detector || key !== configured) {
        detector = new Detector({ formats: formats.map((f) => TO_NATIVE[f]) });
        configured = key;
      }
      // Frames in the worker are real ImageData objects.
      const found = await detector.detect(frame as unknown as ImageData);
      return found.flatMap((b): DecodedSymbol[] => {
        const format = FROM_NATIVE.get(b.format);
        return format ? [{ format, text: b.rawValue, gs1: false, points: b.cornerPoints }] : [];
      });
    },
  };
}
