import type { Symbology } from '../../../lib/gs1/symbology';

/** RGBA pixels, as ImageData has them; a plain shape so that Node tests and workers share it. */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface DecodedSymbol {
  format: Symbology;
  text: string;
  /** The symbol carried GS1 data (FNC1 / GS1 content type). */
  gs1: boolean;
  /** Corners in frame pixels: top-left, top-right, bottom-right, bottom-left. */
  points: Point[];
}

/** One decoder behind the scanner: ZXing-C++ (wasm), the native BarcodeDetector, or ZXing-JS. */
export interface DecoderEngine {
  readonly name: 'zxing-wasm' | 'native' | 'zxing-js';
  decode(frame: Frame, formats: readonly Symbology[]): Promise<DecodedSymbol[]>;
}
