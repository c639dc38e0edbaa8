import { identify } from '../../lib/gs1/identify';
import type { Symbology } from '../../lib/gs1/symbology';

/** The symbology a typed value would have, so it goes through the same checks as a scan. */
function typedFormat(text: string): Symbology {
  if (/^\d{13}$/.test(text)) return 'ean13';
  if (/^\d{12}$/.test(text)) return 'upca';
  if (/^\d{8}$/.test(text)) return 'ean8';
  if (/^\d{14}$/.test(text)) return 'itf';
  return /^https?:\/\//i.test(text) ? 'qr' : 'code128';
}

/** Checks a typed code like a scanned one; a bad check digit asks for a correction. */
export function checkTyped(input: string) {
  const text = input.trim();
  if (!text) return { ok: false as const, reason: 'Type a barcode number or code first.' };
  if (text.length > 500)
    return { ok: false as const, reason: 'That is longer than a code can be (500 characters).' };
  const format = typedFormat(text);
  const result = identify({ format, text, gs1: false });
  if (!result.ok)
    return {
      ok: false as const,
      reason: `The check digit of ${text} is wrong; check the number and try again.`,
    };
  return { ...result, format };
}

export type TypedCode = Extract<ReturnType<typeof checkTyped>, { ok: true }>;
