import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

// In Node there is no page to fetch the .wasm from, and the default is a CDN: hand it the bytes.
const require = createRequire(import.meta.url);
let prepared = false;
function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
  });
  prepared = true;
}

export interface Decoded {
  format: string;
  text: string;
}

/** Decodes every barcode in an image file's bytes (PNG or JPEG) with ZXing-C++, independently of the app. */
export async function decodeImage(bytes: Uint8Array): Promise<Decoded[]> {
  prepare();
  const results: ReadResult[] = await readBarcodes(new Uint8Array(bytes), {
    tryHarder: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
}
