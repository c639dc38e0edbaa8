import { z } from 'zod/mini';
import CRC32 from 'crc-32';

export const API_KEY_PREFIXES = ['csb', 'csu', 'cpk'] as const;
export type ApiKeyPrefix = (typeof API_KEY_PREFIXES)[number];

/** CRC-32 of the key body as 8 lowercase hex digits (the documented checksum). */
export function apiKeyChecksum(body: string): string {
  return (CRC32.str(body) >>> 0).toString(16).padStart(8, '0');
}

export type ApiKeyCheck =
  { ok: true; prefix: ApiKeyPrefix } | { ok: false; reason: 'format' | 'prefix' | 'checksum' };

/**
 * Validates `<prefix>_<32 alphanumerics>_<crc32>` offline. It cannot say whether the server
 * knows the key, only whether it could be one (a typo or a truncated paste fails here).
 */
export function checkApiKey(key: string): ApiKeyCheck {
  const parts = key.trim().split('_');
  if (parts.length !== 3) return { ok: false, reason: 'format' };
  const [prefix, body, checksum] = parts as [string, string, string];
  if (!(API_KEY_PREFIXES as readonly string[]).includes(prefix)) {
    return { ok: false, reason: 'prefix' };
  }
  if (!/^[A-Za-z0-9]{32}$/.test(body) || !/^[0-9a-f]{8}$/.test(checksum)) {
    return { ok: false, reason: 'format' };
  }
  if (apiKeyChecksum(body) !== checksum) return { ok: false, reason: 'checksum' };
  return { ok: true, prefix: prefix as ApiKeyPrefix };
}

/** Assembles a key from its parts; the server draws `body` from a CSPRNG. */
export function formatApiKey(prefix: ApiKeyPrefix, body: string): string {
  return `${prefix}_${body}_${apiKeyChecksum(body)}`;
}

/** Part A extension: `GET /scanner/api/v1/key`, the key a request was made with. */
export const KeyInfo = z.object({
  prefix: z.enum(API_KEY_PREFIXES),
  expires_at: z.nullable(z.string()),
});
export type KeyInfo = z.infer<typeof KeyInfo>;
