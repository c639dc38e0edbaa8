import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/**
 * Part A extension, served only by the local server started with `--lan`: where a phone goes
 * to trust this server's certificate authority (`GET /trust/info.json`).
 */
export const LanInfo = z.object({
  lan: z.literal(true),
  trust_url: z.url(),
});
export type LanInfo = z.infer<typeof LanInfo>;
