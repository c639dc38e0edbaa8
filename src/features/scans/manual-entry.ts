import { codePointLength, RAW_VALUE_MAX } from '#contract';
import { identify } from '../../lib/gs1/identify';
import type { Symbology } from '../../lib/gs1/symbology';

/** A GTIN's lengths and the symbology that prints each, so a typed GTIN is checked like a scan. */
const GTIN_FORMATS: Readonly<Record<number, Symbology>> = {
  8: 'ean8',
  12: 'upca',
  13: 'ean13',
  14: 'itf',
};

export type TypedCheck =
  | {
      ok: true;
      /** The symbology the scan gate checks it as. */
      format: Symbology;
      /** What the capture records as its format: the symbology, or "text" for a text code. */
      label: string;
      identity: string;
      gtin: string;
      gs1DlData: Record<string, string>;
      rawValue: string;
    }
  /** `asText`: the value may be kept as a text code if the operator says so. */
  | { ok: false; reason: string; asText: boolean };

export type TypedCode = Extract<TypedCheck, { ok: true }>;

/**
 * Checks a typed code like a scanned one. Digits are a GTIN and must pass its check digit;
 * anything else is kept only as an explicit text code (`asText`), never silently as a barcode.
 */
export function checkTyped(input: string, options: { asText?: boolean } = {}): TypedCheck {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Type a barcode number or code first.', asText: false };
  const length = codePointLength(text);
  if (length > RAW_VALUE_MAX)
    return {
      ok: false,
      reason: `That is ${length} characters; a code holds at most ${RAW_VALUE_MAX}.`,
      asText: false,
    };
  // Digits with the spaces or dashes people type from a label are a GTIN.
  if (/^[\d\s-]+$/.test(text)) {
    const digits = text.replace(/[\s-]/g, '');
    const format = GTIN_FORMATS[digits.length];
    if (format) {
      const result = identify({ format, text: digits, gs1: false });
      if (!result.ok)
        return {
          ok: false,
          reason: `The check digit of ${digits} is wrong: check the number and try again.`,
          asText: false,
        };
      return { ...result, format, label: format };
    }
    if (!options.asText)
      return {
        ok: false,
        reason: `A GTIN has 8, 12, 13 or 14 digits; ${digits} has ${digits.length}.`,
        asText: true,
      };
  } else if (!options.asText) {
    return { ok: false, reason: `${text} is not a GTIN.`, asText: true };
  }
  // A typed URL goes through the QR path so a GS1 Digital Link still yields its GTIN.
  const format: Symbology = /^https?:\/\//i.test(text) ? 'qr' : 'code128';
  const result = identify({ format, text, gs1: false });
  if (!result.ok) return { ok: false, reason: result.reason, asText: false };
  return { ...result, format, label: 'text' };
}
