import { z } from 'zod';
import { boundedText } from './text';

export const DigitalLinkParseRequest = z.object({ url: boundedText(1, 4096) });

export const DigitalLinkParseResponse = z.object({
  is_valid: z.boolean(),
  url: z.string(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  serial: z.string().nullable(),
  raw_ais: z.record(z.string(), z.string()),
});
export type DigitalLinkParseResponse = z.infer<typeof DigitalLinkParseResponse>;
