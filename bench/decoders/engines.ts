// A CommonJS package whose named exports Node cannot detect: take them off the default export.
import ZXing from '@zxing/library';
import { identify } from '../../src/lib/gs1/identify';
import { LINEAR, type Symbology } from '../../src/lib/gs1/symbology';
import { createSchedule, decodeFrame } from '../../src/features/scanner/engines/decode-pipeline';
import type { Frame } from '../../src/features/scanner/engines/types';
import { nodeWasmEngine } from '../node-engines';

/** A decoder under test: a frame in, the texts it would hand on (with their formats). */
export interface BenchEngine {
  name: string;
  decode(
    frame: Frame,
    formats: readonly Symbology[],
  ): Promise<{ format: Symbology; text: string }[]>;
}

const { BarcodeFormat, BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } =
  ZXing;
type BarcodeFormat = ZXing.BarcodeFormat;

const wasm = nodeWasmEngine();

/** The worker's schedule, kept across images as the worker keeps it across codes. */
const schedule = createSchedule(() => performance.now());

/**
 * The project's pipeline on one frame: the very modules the decoder worker runs (engine,
 * strategy schedule, second look, and its crops in JS), then what the gate would accept on a first frame: a valid
 * check digit, and for 1D a second look that confirmed it. Agreement across frames is measured
 * by the frames-to-read table.
 */
export const pipelineEngine: BenchEngine = {
  name: 'pipeline',
  async decode(frame, formats) {
    const { symbols } = await decodeFrame(wasm, frame, { formats, schedule });
    return symbols.filter(
      (s) => identify(s).ok && (!LINEAR.has(s.format) || s.evidence === 'confirmed'),
    );
  },
};

/** ZXing-C++ (zxing-wasm) as the app loads it, one pass over the frame, nothing else. */
export const rawWasmEngine: BenchEngine = {
  name: 'zxing-wasm',
  decode: (frame, formats) => wasm.decode(frame, formats),
};

const FROM_ZXING: Partial<Record<BarcodeFormat, Symbology>> = {
  [BarcodeFormat.EAN_13]: 'ean13',
  [BarcodeFormat.EAN_8]: 'ean8',
  [BarcodeFormat.UPC_A]: 'upca',
  [BarcodeFormat.UPC_E]: 'upce',
  [BarcodeFormat.CODE_128]: 'code128',
  [BarcodeFormat.ITF]: 'itf',
  [BarcodeFormat.QR_CODE]: 'qr',
  [BarcodeFormat.DATA_MATRIX]: 'datamatrix',
  [BarcodeFormat.RSS_14]: 'databar',
  [BarcodeFormat.RSS_EXPANDED]: 'databar-expanded',
};

/**
 * ZXing-JS the way @zxing/browser's BrowserMultiFormatReader runs it by default: a
 * MultiFormatReader with no hints (every format, no TRY_HARDER), `decodeWithState`, on the
 * canvas's greyscale. One difference, in the baseline's favour: the reader is reset after every
 * image. @zxing/browser never resets it, and across unrelated images its RSS readers then
 * return stale results, which would count as misreads here but are a sequence artefact.
 */
export function browserDefaultsEngine(): BenchEngine {
  const reader = new MultiFormatReader();
  reader.setHints(undefined);
  return {
    name: '@zxing/browser defaults',
    decode(frame) {
      const grey = new Uint8ClampedArray(frame.width * frame.height);
      const d = frame.data;
      // HTMLCanvasElementLuminanceSource's weights.
      for (let i = 0, j = 0; j < grey.length; i += 4, j++)
        grey[j] = (306 * (d[i] ?? 0) + 601 * (d[i + 1] ?? 0) + 117 * (d[i + 2] ?? 0) + 0x200) >> 10;
      // MultiFormatReader console.warns every MicroQR miss; nothing a benchmark should print.
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const result = reader.decodeWithState(
          new BinaryBitmap(
            new HybridBinarizer(new RGBLuminanceSource(grey, frame.width, frame.height)),
          ),
        );
        const format = FROM_ZXING[result.getBarcodeFormat()];
        return Promise.resolve(format ? [{ format, text: result.getText() }] : []);
      } catch {
        // NotFound, Checksum and Format exceptions all mean "no code in this frame".
        return Promise.resolve([]);
      } finally {
        console.warn = warn;
        reader.reset();
      }
    },
  };
}
