import { describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { parseConnectInput } from './connect-link';

const KEY = formatApiKey('cpk', 'A'.repeat(32));
const APP = 'https://scanner.example';

describe('parseConnectInput', () => {
  it('takes a bare key for this origin', () => {
    expect(parseConnectInput(`  ${KEY} `, APP)).toEqual({
      ok: true,
      connection: { apiKey: KEY, apiBaseUrl: '' },
    });
  });

  it('takes the key, and the API, from a connect or trust link', () => {
    expect(parseConnectInput(`${APP}/connect#key=${KEY}&api=`, APP)).toEqual({
      ok: true,
      connection: { apiKey: KEY, apiBaseUrl: '' },
    });
    // The local server's phone QR: another origin is that server's API.
    expect(parseConnectInput(`https://192.168.1.20:8443/trust#key=${KEY}`, APP)).toEqual({
      ok: true,
      connection: { apiKey: KEY, apiBaseUrl: 'https://192.168.1.20:8443' },
    });
    expect(
      parseConnectInput(`${APP}/connect#key=${KEY}&api=https://api.example/`, APP),
    ).toMatchObject({ ok: true, connection: { apiBaseUrl: 'https://api.example/' } });
  });

  it('says what is wrong with anything else', () => {
    expect(parseConnectInput(' ', APP)).toEqual({
      ok: false,
      reason: 'Paste a key or a connect link first.',
    });
    expect(parseConnectInput(`${APP}/connect`, APP)).toEqual({
      ok: false,
      reason: 'That link carries no key (#key=…).',
    });
    expect(parseConnectInput(KEY.slice(0, -1) + '0', APP)).toMatchObject({ ok: false });
    expect(parseConnectInput('4006381333931', APP)).toEqual({
      ok: false,
      reason: 'That is not an API key or a connect link.',
    });
  });
});
