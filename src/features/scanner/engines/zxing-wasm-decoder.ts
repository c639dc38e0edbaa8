import {
  prepareZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ReadResult,
} from 'zxing-wasm/reader';
import type { Symbology } from '../../../lib/gs1/symbology';
import type { DecodedSymbol, DecodeHints, DecoderEngine, Frame } from './types';

type ZxingFormat = NonNullable<ReaderOptions['formats']>[number];

const TO_ZXING: Record<Symbology, ZxingFormat[]> = {
  ean13: ['EAN13'],
  ean8: ['EAN8'],
  upca: ['UPCA'],
  upce: ['UPCE'],
  code128: ['Code128'],
  itf: ['ITF'],
  qr: ['QRCode'],
  datamatrix: ['DataMatrix'],
  databar: ['DataBar'],
  'databar-expanded': ['DataBarExpanded'],
};

const FROM_ZXING: Record<string, Symbology> = {
  EAN13: 'ean13',
  EAN8: 'ean8',
  UPCA: 'upca',
  UPCE: 'upce',
  Code128: 'code128',
  ITF: 'itf',
  ITF14: 'itf',
  QRCode: 'qr',
  QRCodeModel2: 'qr',
  DataMatrix: 'datamatrix',
  DataBar: 'databar',
  DataBarOmni: 'databar',
  DataBarStk: 'databar',
  DataBarStkOmni: 'databar',
  DataBarLtd: 'databar',
  DataBarExp: 'databar-expanded',
  DataBarExpStk: 'databar-expanded',
};

/**
 * Where the .wasm comes from. zxing-wasm fetches it from a CDN unless told otherwise, which
 * fails offline and on a closed network: the app serves its own copy, Node passes the bytes.
 */
export type WasmSource = { url: string } | { binary: ArrayBuffer };

function toSymbol(r: ReadResult): DecodedSymbol | null {
  const format = FROM_ZXING[r.format];
  if (!format || !r.isValid) return null;
  const p = r.position;
  return {
    format,
    text: r.text,
    gs1: r.contentType === 'GS1',
    points: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft],
  };
}

/** ZXing-C++ compiled to WebAssembly: the default engine, run inside a worker in the app. */
export function createZxingWasmEngine(source: WasmSource): DecoderEngine {
  prepareZXingModule({
    overrides:
      'url' in source
        ? {
            locateFile: (path: string, prefix: string) =>
              path.endsWith('.wasm') ? source.url : prefix + path,
          }
        : { wasmBinary: source.binary },
  });
  return {
    name: 'zxing-wasm',
    async decode(
      frame: Frame,
      formats: readonly Symbology[],
      { maxSymbols = 2, ...hints }: DecodeHints = {},
    ): Promise<DecodedSymbol[]> {
      // A plain {data, width, height} is what readBarcodes reads from an ImageData; the cast keeps
      // this file free of DOM types so Node (tests, bench) can use it too.
      const results = await readBarcodes(frame as unknown as Parameters<typeof readBarcodes>[0], {
        formats: formats.flatMap((f) => TO_ZXING[f]),
        tryHarder: true,
        tryRotate: true,
        tryInvert: false,
        // Two, not one, by default: the gate needs to see a second reading when there is one;
        // more than two costs 3x the decode time on frames with a code (11.8 vs 3.4 ms).
        maxNumberOfSymbols: maxSymbols,
        textMode: 'Plain',
        ...hints,
      });
      return results.map(toSymbol).filter((s): s is DecodedSymbol => s !== null);
    },
  };
}
