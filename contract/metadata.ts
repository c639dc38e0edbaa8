import { z } from 'zod/mini';
import { codePointLength } from './text';

export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

/** Metadata as stored and returned: a flat map of strings, `{}` by default, never null. */
export type Metadata = Readonly<Record<string, string>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks one metadata object against the documented rules and returns its entries.
 * It works on own entries only: `JSON.parse` makes `__proto__` an ordinary own key, and
 * copying such a key by assignment would change the prototype instead of storing it.
 */
function checkEntries(
  value: Record<string, unknown>,
  ctx: Pick<z.core.$RefinementCtx, 'addIssue'>,
  path: string,
) {
  const entries = Object.entries(value);
  if (entries.length > METADATA_LIMITS.maxKeys) {
    ctx.addIssue({
      code: 'custom',
      message: `Metadata can hold at most ${METADATA_LIMITS.maxKeys} keys; got ${entries.length}.`,
    });
  }
  for (const [key, val] of entries) {
    const where = `${path}.${key}`;
    if (key === '' || codePointLength(key) > METADATA_LIMITS.maxKeyLength) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `Metadata keys must be 1-${METADATA_LIMITS.maxKeyLength} characters (${where}).`,
      });
    }
    if (typeof val !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `Metadata values must be strings; serialise ${typeof val} values yourself (${where}).`,
      });
    } else if (codePointLength(val) > METADATA_LIMITS.maxValueLength) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `Metadata values must be at most ${METADATA_LIMITS.maxValueLength} characters (${where}).`,
      });
    }
  }
}

/** Builds a map without going through `obj[key] = …`, so `__proto__` stays data. */
const toMetadata = (entries: Iterable<readonly [string, string]>): Metadata =>
  Object.fromEntries(entries);

/** A complete metadata object, as the API returns it. */
export const MetadataSchema = z.pipe(
  z
    .custom<Record<string, unknown>>(isPlainObject, { error: 'Metadata must be a flat object.' })
    .check(z.superRefine((v, ctx) => checkEntries(v, ctx, 'metadata'))),
  z.transform((v: Record<string, unknown>) =>
    toMetadata(Object.entries(v as Record<string, string>)),
  ),
);

/**
 * A metadata write. Keys sent with `""` are deleted, `{}` or `null` clears everything, and the
 * rest are set. Values are checked here; the key count is checked after the merge.
 */
export const MetadataPatchSchema = z.pipe(
  z
    .custom<Record<string, unknown> | null>((v) => v === null || isPlainObject(v), {
      error: 'Metadata must be a flat object of strings, or null.',
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v !== null) checkEntries(v, ctx, 'metadata');
      }),
    ),
  z.transform((v: Record<string, unknown> | null) =>
    v === null ? null : toMetadata(Object.entries(v as Record<string, string>)),
  ),
);
export type MetadataPatch = Metadata | null;

/** The documented merge: keep what is not mentioned, delete `""`, clear on `{}` or `null`. */
export function mergeMetadata(old: Metadata, patch: MetadataPatch | undefined): Metadata {
  if (patch === undefined) return old;
  if (patch === null) return {};
  const changes = Object.entries(patch);
  if (changes.length === 0) return {};
  const merged = new Map(Object.entries(old));
  for (const [key, value] of changes) {
    if (value === '') merged.delete(key);
    else merged.set(key, value);
  }
  return toMetadata(merged);
}

/** The key limit applies to the merged result, so a merge can fail even if the patch is valid. */
export function metadataKeyCountError(merged: Metadata): string | null {
  const n = Object.keys(merged).length;
  return n > METADATA_LIMITS.maxKeys
    ? `Metadata can hold at most ${METADATA_LIMITS.maxKeys} keys; the merge would leave ${n}.`
    : null;
}

/** Reads metadata stored as JSON text (by the server, or in IndexedDB by the client). */
export const readMetadataJson = (text: string): Metadata => JSON.parse(text) as Metadata;
