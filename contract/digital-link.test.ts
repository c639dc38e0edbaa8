import { describe, expect, it } from 'vitest';
import { digitalLinkParseResponse, parseDigitalLink } from './digital-link';

describe('parseDigitalLink', () => {
  it('reads the documented example, expiry from the path only', () => {
    expect(
      digitalLinkParseResponse('https://gtin1.com/01/00614141123452/10/LOT1/21/SN1?17=261231'),
    ).toEqual({
      is_valid: true,
      url: 'https://gtin1.com/01/00614141123452/10/LOT1/21/SN1?17=261231',
      gtin: '00614141123452',
      lot: 'LOT1',
      expiry: null,
      serial: 'SN1',
      raw_ais: { '01': '00614141123452', '10': 'LOT1', '21': 'SN1' },
    });
  });

  it('normalises a short GTIN, allows a path prefix and decodes values', () => {
    expect(parseDigitalLink('https://example.com/dl/01/9506000134352/10/A%2FB')).toEqual({
      gtin: '09506000134352',
      ais: { '01': '09506000134352', '10': 'A/B' },
    });
  });

  it('reads query AIs only when asked', () => {
    expect(
      parseDigitalLink('https://id.gs1.org/01/09506000134352?17=261231', { includeQuery: true })
        .ais,
    ).toEqual({
      '01': '09506000134352',
      '17': '261231',
    });
  });

  it('is invalid without a mod-10-valid GTIN, and never throws', () => {
    for (const url of [
      'https://id.gs1.org/01/09506000134353',
      'https://example.com/',
      'not a url',
      'https://x.com/01/',
    ]) {
      expect(digitalLinkParseResponse(url)).toMatchObject({
        is_valid: false,
        gtin: null,
        raw_ais: {},
      });
    }
  });
});
