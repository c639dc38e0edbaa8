import { z } from 'zod/mini';

/** The 57-symbol shortuuid alphabet of the upstream API (not the `short-uuid` package default). */
export const SHORTUUID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const SHORT_ID_PATTERN = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]{22}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ShortId = z
  .string()
  .check(
    z.regex(SHORT_ID_PATTERN, { error: 'Must be a 22-character short id.' }),
    z.meta({ format: 'shortuuid' }),
  );
export type ShortId = z.infer<typeof ShortId>;

/** Path parameters accept the short id or the canonical UUID of the same row (Part A). */
export const IdParam = z.string().check(
  z.refine((v) => SHORT_ID_PATTERN.test(v) || UUID_PATTERN.test(v), {
    error: 'Must be a 22-character short id or a UUID.',
  }),
);

export const ProposalId = z.uuid();

/**
 * Older upstream revisions name the identifier `short_id` or `public_id`; the client reads
 * `id ?? short_id ?? public_id` (Part A) so that it keeps working against them.
 */
export function withLegacyId<T extends z.core.$ZodType>(schema: T) {
  // What classic zod calls `preprocess`: a transform piped into the schema.
  return z.pipe(
    z.transform((raw: unknown) => {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
      const body = raw as Record<string, unknown>;
      if (body['id'] !== undefined) return body;
      const id = body['short_id'] ?? body['public_id'];
      return id === undefined ? body : { ...body, id };
    }),
    schema,
  );
}
