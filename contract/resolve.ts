import { z } from 'zod/mini';
import { boundedText, isHttpUrl } from './text';

/** Any text is accepted; a non-HTTP URL gets a 200 with `error_message` (Part B 2.5). */
export const ResolveUrlRequest = z.object({ url: boundedText(1, 2048) });
export type ResolveUrlRequest = z.input<typeof ResolveUrlRequest>;

export const ResolveUrlResponse = z.object({
  initial_url: z.string(),
  final_url: z.string(),
  hops: z.int().check(z.nonnegative()),
  error_message: z.string(),
  succeeded: z.boolean(),
  chain: z._default(z.array(z.string()), []),
});
export type ResolveUrlResponse = z.infer<typeof ResolveUrlResponse>;

export const SaveRedirectRequest = z.object({
  url: boundedText(1, 2048).check(z.refine(isHttpUrl, 'Must be an http:// or https:// URL.')),
});
export type SaveRedirectRequest = z.input<typeof SaveRedirectRequest>;

/** The created rule, in the Resolver API's rule shape. */
export const RedirectRule = z.object({
  short_id: z.string(),
  scope_type: z.literal('PRODUCT'),
  order_index: z.int().check(z.nonnegative()),
  is_active: z.boolean(),
  destination_type: z.literal('CUSTOM_URL'),
  custom_url: z.string(),
});
export type RedirectRule = z.infer<typeof RedirectRule>;
