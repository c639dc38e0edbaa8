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
  /**
   * For a 1D read: whether a second, enlarged look at its region read the same text
   * (`confirmed`), another one (`contradicted`), or nothing. Set by the pipeline; the gate
   * weighs it.
   */
  evidence?: Evidence;
}

export type Evidence = 'confirmed' | 'contradicted' | 'unconfirmed';

/**
 * How hard, and how, one decode tries. ZXing-C++ honours them all; the other engines ignore them
 * (each strategy of the schedule still runs, as a plain decode).
 */
export interface DecodeHints {
  /** Scan lines that must agree on a 1D text (ZXing-C++'s default is 2). */
  minLineCount?: number;
  /** Also try the inverted image (light bars on dark). */
  tryInvert?: boolean;
  /** A closing filter before decoding 2D codes. */
  tryDenoise?: boolean;
  /** The shorter side from which a downscaled copy is tried as well (ZXing-C++: 500). */
  downscaleThreshold?: number;
  /** Also try the image turned a quarter (ZXing-C++'s default here is yes). */
  tryRotate?: boolean;
  /** How many codes to look for in one frame (the app's default is 2; batch mode asks for 20). */
  maxSymbols?: number;
}

/** One decoder behind the scanner: ZXing-C++ (wasm), the native BarcodeDetector, or ZXing-JS. */
export interface DecoderEngine {
  readonly name: 'zxing-wasm' | 'native' | 'zxing-js';
  decode(
    frame: Frame,
    formats: readonly Symbology[],
    hints?: DecodeHints,
  ): Promise<DecodedSymbol[]>;
}
