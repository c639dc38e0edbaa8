import { describe, expect, it } from 'vitest';
import { selectEngine } from './select-engine';

const RETAIL = ['ean13', 'upca', 'qr'] as const;

describe('selectEngine', () => {
  it('auto prefers native when it covers the formats, then wasm, then JS', () => {
    expect(
      selectEngine(
        'auto',
        { nativeFormats: ['ean13', 'upca', 'qr', 'code128'], wasm: true },
        RETAIL,
      ),
    ).toEqual({ engine: 'native', fellBack: false });
    expect(selectEngine('auto', { nativeFormats: ['qr'], wasm: true }, RETAIL)).toEqual({
      engine: 'zxing-wasm',
      fellBack: false,
    });
    expect(selectEngine('auto', { nativeFormats: null, wasm: true }, RETAIL).engine).toBe(
      'zxing-wasm',
    );
    expect(selectEngine('auto', { nativeFormats: null, wasm: false }, RETAIL).engine).toBe(
      'zxing-js',
    );
  });
  it('honours a forced engine that can run, and falls back from one that cannot', () => {
    expect(selectEngine('zxing-js', { nativeFormats: null, wasm: true }, RETAIL)).toEqual({
      engine: 'zxing-js',
      fellBack: false,
    });
    expect(selectEngine('native', { nativeFormats: null, wasm: true }, RETAIL)).toEqual({
      engine: 'zxing-wasm',
      fellBack: true,
    });
    expect(selectEngine('zxing-wasm', { nativeFormats: null, wasm: false }, RETAIL)).toEqual({
      engine: 'zxing-js',
      fellBack: true,
    });
  });
});
