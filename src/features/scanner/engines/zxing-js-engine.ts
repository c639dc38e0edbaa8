import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
} from '@zxing/library';
import type { Symbology } from '../../../lib/gs1/symbology';
import { luma } from './frame-ops';
import type { DecodedSymbol, DecoderEngine, Frame } from './types';

const TO_ZXING: Record<Symbology, BarcodeFormat[]> = {
  ean13: [BarcodeFormat.EAN_13],
  ean8: [BarcodeFormat.EAN_8],
  upca: [BarcodeFormat.UPC_A],
  upce: [BarcodeFormat.UPC_E],
  code128: [BarcodeFormat.CODE_128],
  itf: [BarcodeFormat.ITF],
  qr: [BarcodeFormat.QR_CODE],
  datamatrix: [BarcodeFormat.DATA_MATRIX],
  databar: [BarcodeFormat.RSS_14],
  'databar-expanded': [BarcodeFormat.RSS_EXPANDED],
};

const FROM_ZXING = new Map<BarcodeFormat, Symbology>(
  Object.entries(TO_ZXING).flatMap(([ours, theirs]) =>
    theirs.map((t) => [t, ours as Symbology] as const),
  ),
);

/** Luminance (BT.601) of RGBA pixels: ZXing-JS's source takes one byte per pixel. */
function luminance(frame: Frame): Uint8ClampedArray {
  const out = new Uint8ClampedArray(frame.width * frame.height);
  const d = frame.data;
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = luma(d, i);
  }
  return out;
}

/**
 * ZXing-JS, the fallback where WebAssembly is unavailable or forbidden by a CSP. It is reset
 * after every decode: @zxing/library 0.23 otherwise returns stale RSS-14 results from
 * `decodeWithState`. It never reads UPC-E (an open upstream bug), which its format list hides.
 */
export function createZxingJsEngine(): DecoderEngine {
  const reader = new MultiFormatReader();
  let configured = '';
  return {
    name: 'zxing-js',
    decode(frame, formats) {
      const key = formats.join(',');
      if (key !== configured) {
        const hints = new Map<DecodeHintType, unknown>([
          [DecodeHintType.POSSIBLE_FORMATS, formats.flatMap((f) => TO_ZXING[f])],
          [DecodeHintType.TRY_HARDER, true],
        ]);
        reader.setHints(hints);
        configured = key;
      }
      try {
        const bitmap = new BinaryBitmap(
          new HybridBinarizer(new RGBLuminanceSource(luminance(frame), frame.width, frame.height)),
        );
        const result = reader.decodeWithState(bitmap);
        const format = FROM_ZXING.get(result.getBarcodeFormat());
        if (!format) return Promise.resolve([]);
        const points = result.getResultPoints().map((p) => ({ x: p.getX(), y: p.getY() }));
        const symbol: DecodedSymbol = { format, text: result.getText(), gs1: false, points };
        return Promise.resolve([symbol]);
      } catch (error) {
        if (error instanceof NotFoundException) return Promise.resolve([]);
        // Checksum and format exceptions are "nothing readable here", not failures.
        return Promise.resolve([]);
      } finally {
        reader.reset();
      }
    },
  };
}
