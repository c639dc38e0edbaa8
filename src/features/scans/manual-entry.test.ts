import { describe, expect, it } from 'vitest';
import { checkTyped } from './manual-entry';

describe('checkTyped', () => {
  it('normalises typed GTINs like scanned ones', () => {
    expect(checkTyped(' 4006381333931 ')).toMatchObject({
      ok: true,
      gtin: '04006381333931',
      format: 'ean13',
    });
    expect(checkTyped('036000291452')).toMatchObject({ ok: true, gtin: '00036000291452' });
  });
  it('asks for a correction on a bad check digit, and for input when empty', () => {
    expect(checkTyped('4006381333932')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/check digit/),
    });
    expect(checkTyped('  ')).toMatchObject({ ok: false });
  });
  it('keeps other text as it is', () => {
    expect(checkTyped('SKU-42')).toMatchObject({ ok: true, gtin: '', rawValue: 'SKU-42' });
  });
});
