import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createZxingWasmEngine } from '../src/features/scanner/engines/zxing-wasm-decoder';

const require = createRequire(import.meta.url);

/** The wasm engine in Node: the bytes handed over directly instead of fetched. */
export function nodeWasmEngine() {
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return createZxingWasmEngine({
    binary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
  });
}
