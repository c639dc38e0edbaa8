import type { Symbology } from '../../../lib/gs1/symbology';
import type { DecoderEngine } from './types';

export type EngineName = DecoderEngine['name'];
export type EnginePreference = 'auto' | EngineName;

export interface EngineEnvironment {
  /** Formats the native BarcodeDetector supports here, or null when there is none. */
  nativeFormats: readonly Symbology[] | null;
  /** WebAssembly can be compiled (it exists, and no CSP forbids it). */
  wasm: boolean;
}

/**
 * `auto`: the native detector when it covers every format asked for (Android Chrome), else
 * ZXing-C++ in WebAssembly, else ZXing-JS. A forced engine that cannot run here falls back to
 * what `auto` would pick, and says so.
 */
export function selectEngine(
  preference: EnginePreference,
  env: EngineEnvironment,
  formats: readonly Symbology[],
): { engine: EngineName; fellBack: boolean } {
  const nativeOk =
    env.nativeFormats !== null && formats.every((f) => env.nativeFormats?.includes(f));
  const available = (name: EngineName) =>
    name === 'native' ? nativeOk : name === 'zxing-wasm' ? env.wasm : true;
  if (preference !== 'auto' && available(preference))
    return { engine: preference, fellBack: false };
  const auto: EngineName = nativeOk ? 'native' : env.wasm ? 'zxing-wasm' : 'zxing-js';
  return { engine: auto, fellBack: preference !== 'auto' };
}
