import { isValid, upcE } from 'gtin';
import { z } from 'zod/mini';

/** Formats that carry a GTIN, as the scanner names them. */
export type GtinSymbology = 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'itf-14' | 'gtin';

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** True when `value` is 8, 12, 13 or 14 digits with a valid GS1 mod-10 check digit. */
export function isValidGtin(value: string): boolean {
  return /^\d+$/.test(value) && GTIN_LENGTHS.has(value.length) && isValid(value);
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, with its check digit) to its UPC-A form,
 * or returns null when it is not a valid UPC-E. The check digit is verified, not recomputed.
 */
export function expandUpcE(value: string): string | null {
  if (!/^[01]\d{7}$/.test(value)) return null;
  const upcA = upcE.expand(value);
  return isValid(upcA) ? upcA : null;
}

/**
 * Normalises a GTIN-bearing value to GTIN-14, or returns null when the digits or the check digit
 * are wrong. Eight digits are read as EAN-8 unless the symbology says UPC-E: the two cannot be
 * told apart from the digits alone.
 */
// Stryker disable next-line StringLiteral: any default but 'upc-e' reads the same ("not UPC-E").
export function toGtin14(value: string, symbology: GtinSymbology = 'gtin'): string | null {
  const digits = value.trim();
  if (symbology === 'upc-e') {
    const upcA = expandUpcE(digits);
    return upcA === null ? null : upcA.padStart(14, '0');
  }
  return isValidGtin(digits) ? digits.padStart(14, '0') : null;
}

export const GTIN_FORMAT_MESSAGE = 'GTIN must be 8, 12, 13, or 14 digits.';

/** A GTIN in any of its lengths, checked and normalised to GTIN-14. */
export const GtinSchema = z.pipe(
  z
    .string()
    .check(
      z.regex(/^(\d{8}|\d{12,14})$/, { error: GTIN_FORMAT_MESSAGE }),
      z.refine(isValidGtin, { error: 'GTIN check digit is wrong.' }),
    ),
  z.transform((v: string) => v.padStart(14, '0')),
);

/**
 * The `gtin` field of a capture write: empty when the client has none. One schema rather than
 * a union, so that a bad GTIN gets its specific message instead of "Invalid input".
 */
export const OptionalGtinSchema = z.pipe(
  z.string().check(
    z.superRefine((v, ctx) => {
      if (v === '') return;
      if (!/^(\d{8}|\d{12,14})$/.test(v))
        ctx.addIssue({ code: 'custom', message: GTIN_FORMAT_MESSAGE });
      else if (!isValidGtin(v))
        ctx.addIssue({ code: 'custom', message: 'GTIN check digit is wrong.' });
    }),
  ),
  z.transform((v: string) => (v === '' ? '' : v.padStart(14, '0'))),
);
