import { randomUUID } from 'node:crypto';
import { createTranslator } from 'short-uuid';
import { SHORTUUID_ALPHABET, UUID_PATTERN } from '#contract';

// The upstream alphabet, not short-uuid's default (Part A).
const translator = createTranslator(SHORTUUID_ALPHABET);

export interface NewId {
  id: string;
  uuid: string;
}

export function newId(): NewId {
  const uuid = randomUUID();
  return { id: translator.fromUUID(uuid), uuid };
}

/** Paths accept the short id or the UUID of the same row; this gives the short id either way. */
export function toShortId(idOrUuid: string): string {
  return UUID_PATTERN.test(idOrUuid) ? translator.fromUUID(idOrUuid.toLowerCase()) : idOrUuid;
}
