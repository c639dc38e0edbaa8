import { describe, expect, it } from 'vitest';
import { identify } from './identify';

const id = (format: Parameters<typeof identify>[0]['format'], text: string, gs1 = false) =>
  identify({ format, text, gs1 });

describe('identify', () => {
  it.each([
    ['ean13', '4006381333931', '04006381333931'],
    ['ean8', '96385074', '00000096385074'],
    ['upca', '036000291452', '00036000291452'],
    ['upca', '0036000291452', '00036000291452'],
    ['upce', '01234565', '00012345000065'],
    ['upce', '0012345000065', '00012345000065'],
    ['itf', '10614141000415', '10614141000415'],
  ] as const)('%s %s is GTIN %s', (format, text, gtin) => {
    expect(id(format, text)).toEqual({
      ok: true,
      identity: gtin,
      gtin,
      gs1DlData: { '01': gtin },
      rawValue: text,
    });
  });

  it.each([
    ['ean13', '4006381333932'],
    ['ean8', '96385075'],
    ['upca', '036000291453'],
    ['upce', '01234566'],
    ['itf', '10614141000416'],
  ] as const)('rejects %s %s: the check digit is wrong', (format, text) => {
    expect(id(format, text)).toEqual({
      ok: false,
      reason: expect.stringMatching(/Check digit failed/),
    });
  });

  it('reads a GS1 Digital Link QR, path and query AIs', () => {
    expect(id('qr', 'https://id.gs1.org/01/09506000134352/10/LOT42?17=261231')).toEqual({
      ok: true,
      identity: '09506000134352',
      gtin: '09506000134352',
      gs1DlData: { '01': '09506000134352', '10': 'LOT42', '17': '261231' },
      rawValue: 'https://id.gs1.org/01/09506000134352/10/LOT42?17=261231',
    });
  });

  it('gives a plain URL its own identity and no GTIN', () => {
    expect(id('qr', 'https://example.com/menu')).toMatchObject({
      ok: true,
      identity: 'https://example.com/menu',
      gtin: '',
    });
  });

  it('parses GS1-128 and GS1 DataMatrix element strings, in plain and HRI form', () => {
    const expected = { '01': '09506000134352', '17': '261231', '10': 'LOT42' };
    expect(id('code128', '010950600013435217261231' + '10LOT42', true)).toMatchObject({
      ok: true,
      gtin: '09506000134352',
      gs1DlData: expected,
    });
    expect(id('datamatrix', '(01)09506000134352(17)261231(10)LOT42')).toMatchObject({
      ok: true,
      gtin: '09506000134352',
      gs1DlData: expected,
    });
    expect(id('datamatrix', '0109506000134352' + '10LOT42\u001d17261231', true)).toMatchObject({
      gs1DlData: { '01': '09506000134352', '10': 'LOT42', '17': '261231' },
    });
  });

  it('rejects a GS1 string whose GTIN fails its check digit, or that is malformed', () => {
    expect(id('code128', '0109506000134353', true)).toMatchObject({ ok: false });
    expect(id('databar', '01950600013435')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Malformed/),
    });
  });

  it('keeps an FNC1 Code 128 whose data is no element string as plain text', () => {
    // ZXing's test set has these: "16" is no AI, and AI 12 needs six digits.
    expect(id('code128', '168901', true)).toMatchObject({ ok: true, identity: '168901', gtin: '' });
    expect(id('code128', '123456', true)).toMatchObject({ ok: true, gs1DlData: {} });
  });

  it('keeps plain Code 128 and QR text as it is', () => {
    expect(id('code128', 'ABC-12345-xyz')).toEqual({
      ok: true,
      identity: 'ABC-12345-xyz',
      gtin: '',
      gs1DlData: {},
      rawValue: 'ABC-12345-xyz',
    });
  });

  it('gives the same identity to an EAN-13 and a Digital Link of the same product', () => {
    const a = id('ean13', '9506000134352');
    const b = id('qr', 'https://id.gs1.org/01/09506000134352');
    expect(a.ok && b.ok && a.identity === b.identity).toBe(true);
  });

  it('keeps a plain ITF (not 14 digits) as text, never as a misread', () => {
    expect(id('itf', '12345678')).toEqual({
      ok: true,
      identity: '12345678',
      gtin: '',
      gs1DlData: {},
      rawValue: '12345678',
    });
  });

  it('reads every AI from HRI text, a variable-length field before a fixed one included', () => {
    const result = id('code128', '(01)09506000134352(10)LOT42(17)261231');
    expect(result).toMatchObject({
      ok: true,
      gtin: '09506000134352',
      gs1DlData: { '01': '09506000134352', '10': 'LOT42', '17': '261231' },
    });
  });

  it('leaves plain text that only looks like GS1 data as text', () => {
    for (const text of ['10ABC', '0112345', '(no)data']) {
      expect(id('qr', text)).toEqual({
        ok: true,
        identity: text,
        gtin: '',
        gs1DlData: {},
        rawValue: text,
      });
    }
  });

  it('reads element strings with or without a symbology identifier, by flag or by symbology', () => {
    const ais = { '01': '09506000134352', '10': 'LOT42' };
    const gs = '\u001d';
    for (const [format, text, gs1] of [
      ['code128', `]C1010950600013435210LOT42`, true],
      ['code128', `010950600013435210LOT42`, true],
      ['datamatrix', `]d2010950600013435210LOT42${gs}`, true],
      ['databar-expanded', `010950600013435210LOT42`, false],
    ] as const) {
      expect(id(format, text, gs1), text).toMatchObject({
        ok: true,
        identity: '09506000134352',
        gs1DlData: ais,
      });
    }
    expect(id('databar', '0109506000134352')).toMatchObject({ gtin: '09506000134352' });
    // GS1 data with no GTIN keeps its text as the identity.
    expect(id('code128', '10LOT42', true)).toEqual({
      ok: true,
      identity: '10LOT42',
      gtin: '',
      gs1DlData: { '10': 'LOT42' },
      rawValue: '10LOT42',
    });
  });

  it('says exactly why a scan is refused', () => {
    expect(id('ean13', '4006381333932')).toEqual({
      ok: false,
      reason: 'Check digit failed for EAN13 4006381333932',
    });
    expect(id('code128', '(01)09506000134353')).toEqual({
      ok: false,
      reason: 'Check digit failed for GTIN 09506000134353',
    });
    for (const format of ['databar', 'databar-expanded'] as const) {
      expect(id(format, '0112')).toEqual({ ok: false, reason: 'Malformed GS1 data: 0112' });
    }
  });

  it('refuses a value longer than a capture holds, counting code points as the server does', () => {
    const url = `https://example.com/${'a'.repeat(480)}`;
    expect(id('qr', url.slice(0, 500))).toMatchObject({ ok: true });
    expect(id('qr', `${url.slice(0, 500)}b`)).toEqual({
      ok: false,
      reason: 'This code is 501 characters long; a capture holds at most 500.',
    });
    // 500 emoji are 1,000 UTF-16 units but 500 code points: the server takes them.
    expect(id('qr', '😀'.repeat(500))).toMatchObject({ ok: true });
    expect(id('qr', '😀'.repeat(501))).toMatchObject({ ok: false });
  });

  it('takes parentheses for HRI only at the start', () => {
    expect(id('qr', 'see (01)09506000134352')).toMatchObject({ ok: true, gs1DlData: {} });
  });
});
