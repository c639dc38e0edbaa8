import { parseBarcode } from 'gs1-barcode-parser-mod';
import { codePointLength, isHttpUrl, parseDigitalLink, RAW_VALUE_MAX, toGtin14 } from '#contract';
import { GTIN_SYMBOLOGY, type Symbology } from './symbology';

export interface Decoded {
  format: Symbology;
  text: string;
  /** True when the symbol carried the GS1 FNC1 flag (GS1-128, GS1 DataMatrix, DataBar). */
  gs1: boolean;
}

/** What a scan means: one identity per product, whatever symbol carried it. */
export type Identification =
  | {
      ok: true;
      /** GTIN-14 when there is one, otherwise the raw text: the duplicate cooldown's key. */
      identity: string;
      gtin: string;
      gs1DlData: Record<string, string>;
      rawValue: string;
    }
  | { ok: false; reason: string };

/** AIs from a GS1 element string; the library expects the symbology identifier prefix. */
function elementString(text: string): Record<string, string> | null {
  try {
    const code = text.startsWith(']') ? text : `]C1${text}`;
    return Object.fromEntries(parseBarcode(code).parsedCodeItems.map((e) => [e.ai, e.raw]));
    // Stryker disable next-line BlockStatement: undefined and null both read as "not GS1".
  } catch {
    return null;
  }
}

/** The HRI form "(01)0950...(10)LOT" back to an element string the parser reads. */
function fromHri(text: string): string {
  const GS = '\u001d';
  // Stryker disable next-line Regex: only called on text that starts with "(".
  return text.replace(/^\(/, '').replace(/\)/g, '').replace(/\(/g, GS);
}

/**
 * Verifies and normalises one decoded symbol: check digits for every GTIN-bearing format
 * (a wrong one is a misread, never sent), EAN-8/13, UPC-A/E and ITF-14 to GTIN-14, GS1 element
 * strings and Digital Link URLs to AIs keyed by code.
 */
export function identify(decoded: Decoded): Identification {
  const { format, text } = decoded;
  // The server refuses a longer raw_value, so such a code is refused here, at the scan, where
  // the operator can still act, rather than queued to fail later.
  const length = codePointLength(text);
  if (length > RAW_VALUE_MAX)
    return {
      ok: false,
      reason: `This code is ${length.toLocaleString('en')} characters long; a capture holds at most ${RAW_VALUE_MAX}.`,
    };
  const gtinKind = GTIN_SYMBOLOGY[format];
  if (gtinKind) {
    if (format === 'itf' && text.length !== 14) {
      // Plain ITF (not ITF-14) carries no GTIN: keep it as text.
      return { ok: true, identity: text, gtin: '', gs1DlData: {}, rawValue: text };
    }
    // Decoders give UPC-E either as its 8 digits or already expanded to 12/13.
    // Stryker disable next-line ConditionalExpression,StringLiteral: other formats read the same either way.
    const gtin = toGtin14(text, format === 'upce' && text.length !== 8 ? 'gtin' : gtinKind);
    if (!gtin)
      return { ok: false, reason: `Check digit failed for ${format.toUpperCase()} ${text}` };
    return { ok: true, identity: gtin, gtin, gs1DlData: { '01': gtin }, rawValue: text };
  }
  if (isHttpUrl(text)) {
    const dl = parseDigitalLink(text, { includeQuery: true });
    return dl.gtin
      ? { ok: true, identity: dl.gtin, gtin: dl.gtin, gs1DlData: dl.ais, rawValue: text }
      : { ok: true, identity: text, gtin: '', gs1DlData: {}, rawValue: text };
  }
  if (
    decoded.gs1 ||
    format === 'databar' ||
    format === 'databar-expanded' ||
    /^\(\d{2,4}\)/.test(text)
  ) {
    const ais = elementString(/^\(\d{2,4}\)/.test(text) ? fromHri(text) : text);
    if (!ais) {
      // DataBar carries nothing but GS1 data, so an unparsable one is a misread. A Code 128 or
      // 2D symbol flagged GS1 by its FNC1 has passed its own strong checksum: the characters are
      // what is printed, only not a valid element string, so they are kept as plain text.
      if (format === 'databar' || format === 'databar-expanded')
        return { ok: false, reason: `Malformed GS1 data: ${text}` };
      return { ok: true, identity: text, gtin: '', gs1DlData: {}, rawValue: text };
    }
    const gtin = ais['01'] ? toGtin14(ais['01']) : null;
    if (ais['01'] && !gtin)
      return { ok: false, reason: `Check digit failed for GTIN ${ais['01']}` };
    return { ok: true, identity: gtin ?? text, gtin: gtin ?? '', gs1DlData: ais, rawValue: text };
  }
  return { ok: true, identity: text, gtin: '', gs1DlData: {}, rawValue: text };
}
