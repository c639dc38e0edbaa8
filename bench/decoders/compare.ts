import { identify } from '../../src/lib/gs1/identify';
import { GTIN_SYMBOLOGY, type Symbology } from '../../src/lib/gs1/symbology';

/**
 * Whether a decoder's text is the expected one. GTIN formats compare as GTIN-14 (UPC-A, UPC-E
 * and EAN-13 come back in 8, 12 or 13 digits depending on the decoder); GS1 element strings
 * compare without parentheses and separators, and DataBar with or without its leading AI 01.
 */
export function sameValue(format: Symbology, got: string, expected: string): boolean {
  if (GTIN_SYMBOLOGY[format]) {
    const a = gtinOf(format, got);
    return a !== null && a === gtinOf(format, expected);
  }
  return canonical(got) === canonical(expected);
}

function gtinOf(format: Symbology, text: string): string | null {
  // A 13-digit text in a UPC set is the expanded form (as the .txt files store it).
  const asFormat =
    /^\d{13}$/.test(text) && (format === 'upca' || format === 'upce') ? 'ean13' : format;
  const result = identify({ format: asFormat, text, gs1: false });
  return result.ok ? result.gtin : null;
}

function canonical(text: string): string {
  // GS (0x1D) separates variable-length AIs; parentheses are the human-readable form.
  const plain = text.replaceAll(String.fromCharCode(0x1d), '').replace(/[()]/g, '');
  return /^01\d{14}$/.test(plain) ? plain.slice(2) : plain;
}

/** The format a ZXing test-set folder holds ("ean13-3" → ean13, "qrcode-1" → qr). */
export function formatOfSet(set: string): Symbology | null {
  const name = set.replace(/-\d+$/, '');
  const known: Record<string, Symbology> = {
    ean13: 'ean13',
    ean8: 'ean8',
    upca: 'upca',
    upce: 'upce',
    code128: 'code128',
    itf: 'itf',
    qrcode: 'qr',
    datamatrix: 'datamatrix',
    rss14: 'databar',
    rssexpanded: 'databar-expanded',
  };
  return known[name] ?? null;
}
