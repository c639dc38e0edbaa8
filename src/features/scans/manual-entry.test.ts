import { describe, expect, it } from 'vitest';
import { checkTyped } from './manual-entry';

describe('checkTyped', () => {
  it('reads digits as a GTIN and normalises it like a scan', () => {
    expect(checkTyped(' 4006381333931 ')).toMatchObject({
      ok: true,
      gtin: '04006381333931',
      format: 'ean13',
      label: 'ean13',
    });
    expect(checkTyped('036000291452')).toMatchObject({ ok: true, gtin: '00036000291452' });
    expect(checkTyped('9638 5074')).toMatchObject({ ok: true, gtin: '00000096385074' });
    expect(checkTyped('4-006381-333931')).toMatchObject({ ok: true, rawValue: '4006381333931' });
    expect(checkTyped('10012345678902')).toMatchObject({ ok: true, format: 'itf' });
  });

  it('refuses a GTIN whose check digit fails, even when asked for a text code', () => {
    for (const asText of [false, true])
      expect(checkTyped('4006381333932', { asText })).toEqual({
        ok: false,
        reason: 'The check digit of 4006381333932 is wrong: check the number and try again.',
        asText: false,
      });
  });

  it('never keeps digits of no GTIN length, or free text, without the explicit choice', () => {
    expect(checkTyped('12345')).toEqual({
      ok: false,
      reason: 'A GTIN has 8, 12, 13 or 14 digits; 12345 has 5.',
      asText: true,
    });
    expect(checkTyped('SKU-42')).toEqual({
      ok: false,
      reason: 'SKU-42 is not a GTIN.',
      asText: true,
    });
  });

  it('keeps a text code as it is when the operator chooses it', () => {
    expect(checkTyped('12345', { asText: true })).toMatchObject({
      ok: true,
      rawValue: '12345',
      gtin: '',
      label: 'text',
    });
    expect(checkTyped('SKU-42', { asText: true })).toMatchObject({ ok: true, label: 'text' });
    // A typed Digital Link still yields its GTIN.
    expect(checkTyped('https://id.gs1.org/01/09506000134352', { asText: true })).toMatchObject({
      ok: true,
      gtin: '09506000134352',
      format: 'qr',
      label: 'text',
    });
  });

  it('asks for input when empty and refuses more than 500 code points', () => {
    expect(checkTyped('  ')).toMatchObject({ ok: false, asText: false });
    expect(checkTyped('x'.repeat(501), { asText: true })).toEqual({
      ok: false,
      reason: 'That is 501 characters; a code holds at most 500.',
      asText: false,
    });
    expect(checkTyped('é'.repeat(500), { asText: true })).toMatchObject({ ok: true });
  });
});
