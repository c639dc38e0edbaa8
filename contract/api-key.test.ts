import { describe, expect, it } from 'vitest';
import { apiKeyChecksum, checkApiKey, formatApiKey } from './api-key';

const BODY = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('API keys', () => {
  it('computes the CRC-32 of the body as 8 lowercase hex digits', () => {
    // Reference value from zlib.crc32('123456789') = 0xcbf43926.
    expect(apiKeyChecksum('123456789')).toBe('cbf43926');
    expect(apiKeyChecksum(BODY)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('accepts a well-formed key for each prefix', () => {
    for (const prefix of ['csb', 'csu', 'cpk'] as const) {
      expect(checkApiKey(formatApiKey(prefix, BODY))).toEqual({ ok: true, prefix });
    }
  });

  it('names what is wrong with a bad key', () => {
    const good = formatApiKey('cpk', BODY);
    expect(checkApiKey(good.replace('cpk', 'xyz'))).toEqual({ ok: false, reason: 'prefix' });
    expect(checkApiKey(good.slice(0, -1) + (good.endsWith('0') ? '1' : '0'))).toEqual({
      ok: false,
      reason: 'checksum',
    });
    expect(checkApiKey(`cpk_${BODY.slice(1)}_${apiKeyChecksum(BODY.slice(1))}`)).toEqual({
      ok: false,
      reason: 'format',
    });
    expect(checkApiKey('cpk_only_two_underscores_more')).toEqual({ ok: false, reason: 'format' });
    expect(checkApiKey('')).toEqual({ ok: false, reason: 'format' });
    expect(checkApiKey(`cpk_${BODY}_${apiKeyChecksum(BODY).toUpperCase()}`)).toEqual({
      ok: false,
      reason: 'format',
    });
  });
});
