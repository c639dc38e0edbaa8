import { z } from 'zod/mini';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/**
 * Part A extension of the local server (`GET /trust/info.json`): started with `--lan`, where a
 * phone goes to trust this server's certificate authority; otherwise `{ lan: false }`, so that
 * asking is never an error in the console.
 */
export const LanInfo = z.discriminatedUnion('lan', [
  z.object({ lan: z.literal(true), trust_url: z.url() }),
  z.object({ lan: z.literal(false) }),
]);
export type LanInfo = z.infer<typeof LanInfo>;
