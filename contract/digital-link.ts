import { z } from 'zod/mini';
import { toGtin14 } from './gtin';
import { boundedText } from './text';

export const DigitalLinkParseRequest = z.object({ url: boundedText(1, 4096) });

export const DigitalLinkParseResponse = z.object({
  is_valid: z.boolean(),
  url: z.string(),
  gtin: z.nullable(z.string()),
  lot: z.nullable(z.string()),
  expiry: z.nullable(z.string()),
  serial: z.nullable(z.string()),
  raw_ais: z.record(z.string(), z.string()),
});
export type DigitalLinkParseResponse = z.infer<typeof DigitalLinkParseResponse>;

/** GS1 Application Identifiers are 2-4 digits. */
const AI = /^\d{2,4}$/;

export interface DigitalLinkParts {
  /** GTIN-14, when the URL has a `/01/{gtin}` with a valid check digit. */
  gtin: string | null;
  /** AI code to value, path first; query-string AIs only when asked for. */
  ais: Record<string, string>;
}

/**
 * Reads the AIs of a GS1 Digital Link URI: `/01/{gtin}` and the `/{ai}/{value}` pairs after it
 * (any path prefix before `/01/` is allowed, as custom resolver domains use one).
 */
export function parseDigitalLink(url: string, { includeQuery = false } = {}): DigitalLinkParts {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { gtin: null, ais: {} };
  }
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const start = segments.indexOf('01');
  const gtinValue = start >= 0 ? segments[start + 1] : undefined;
  const gtin = gtinValue === undefined ? null : toGtin14(gtinValue);
  if (gtin === null) return { gtin: null, ais: {} };
  const entries: [string, string][] = [['01', gtin]];
  for (let i = start + 2; i + 1 < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    if (!AI.test(ai)) break;
    entries.push([ai, segments[i + 1] ?? '']);
  }
  if (includeQuery) {
    for (const [key, value] of parsed.searchParams) {
      if (AI.test(key) && !entries.some(([k]) => k === key)) entries.push([key, value]);
    }
  }
  return { gtin, ais: Object.fromEntries(entries) };
}

/** The Products API's parse response, built from the path only (v1 reads expiry from the path). */
export function digitalLinkParseResponse(url: string): DigitalLinkParseResponse {
  const { gtin, ais } = parseDigitalLink(url);
  if (gtin === null) {
    return { is_valid: false, url, gtin: null, lot: null, expiry: null, serial: null, raw_ais: {} };
  }
  return {
    is_valid: true,
    url,
    gtin,
    lot: ais['10'] ?? null,
    expiry: ais['17'] ?? null,
    serial: ais['21'] ?? null,
    raw_ais: ais,
  };
}
