import { describe, expect, it } from 'vitest';
import {
  expandUpcE,
  GTIN_FORMAT_MESSAGE,
  GtinSchema,
  isValidGtin,
  OptionalGtinSchema,
  toGtin14,
} from './gtin';

describe('GTIN check digits', () => {
  it.each([
    ['96385074', 'EAN-8'],
    ['036000291452', 'UPC-A'],
    ['4006381333931', 'EAN-13'],
    ['9506000134352', 'EAN-13'],
    ['10614141000415', 'GTIN-14 / ITF-14'],
    ['00614141123452', 'GTIN-14 zero-padded'],
  ])('accepts %s (%s)', (value) => {
    expect(isValidGtin(value)).toBe(true);
  });

  it.each(['96385075', '036000291453', '4006381333932', '10614141000416'])(
    'rejects %s with a wrong check digit',
    (value) => {
      expect(isValidGtin(value)).toBe(false);
    },
  );

  it.each([
    '',
    '1234567',
    '123456789',
    '12345678901',
    '123456789012345',
    '40063813339a1',
    ' 96385074',
  ])('rejects %j, which is not 8, 12, 13 or 14 digits', (value) => {
    expect(isValidGtin(value)).toBe(false);
  });
});

describe('toGtin14', () => {
  it('pads EAN-8, UPC-A and EAN-13 to GTIN-14', () => {
    expect(toGtin14('96385074', 'ean-8')).toBe('00000096385074');
    expect(toGtin14('036000291452', 'upc-a')).toBe('00036000291452');
    expect(toGtin14('4006381333931', 'ean-13')).toBe('04006381333931');
    expect(toGtin14('10614141000415', 'itf-14')).toBe('10614141000415');
  });

  it('expands UPC-E before padding, using the symbology to tell it from EAN-8', () => {
    // The real-images set stores UPC-E 01234565 as the GTIN 0012345000065.
    expect(toGtin14('01234565', 'upc-e')).toBe('00012345000065');
    expect(toGtin14('04252614', 'upc-e')).toBe('00042100005264');
    // Read as EAN-8, the same digits are a different product.
    expect(toGtin14('01234565', 'ean-8')).toBe('00000001234565');
  });

  it('rejects a UPC-E with a bad check digit or number system', () => {
    expect(toGtin14('01234566', 'upc-e')).toBeNull();
    expect(expandUpcE('21234565')).toBeNull();
    expect(expandUpcE('0123456')).toBeNull();
  });

  it('returns null for anything that is not a valid GTIN', () => {
    expect(toGtin14('4006381333932')).toBeNull();
    expect(toGtin14('hello')).toBeNull();
  });
});

describe('GtinSchema', () => {
  it('normalises to GTIN-14', () => {
    expect(GtinSchema.parse('4006381333931')).toBe('04006381333931');
  });
  it('gives the documented message for a bad length and a clear one for a bad check digit', () => {
    expect(GtinSchema.safeParse('12345').error?.issues[0]?.message).toBe(
      'GTIN must be 8, 12, 13, or 14 digits.',
    );
    expect(GtinSchema.safeParse('4006381333932').error?.issues[0]?.message).toMatch(/check digit/);
  });
  it('allows an empty GTIN where the field is optional', () => {
    expect(OptionalGtinSchema.parse('')).toBe('');
  });
});

describe('GTIN schemas and edges', () => {
  const message = (schema: typeof GtinSchema, v: string) =>
    schema.safeParse(v).error?.issues[0]?.message;

  it('says whether the shape or the check digit is wrong, for every shape', () => {
    for (const schema of [GtinSchema, OptionalGtinSchema]) {
      for (const bad of [
        '9',
        '963850745',
        'x96385074',
        '96385074x',
        'abcdefgh',
        '1234567890123456',
      ]) {
        expect(message(schema, bad), bad).toBe(GTIN_FORMAT_MESSAGE);
      }
      expect(message(schema, '4006381333932')).toBe('GTIN check digit is wrong.');
      expect(schema.parse('96385074')).toBe('00000096385074');
      expect(schema.parse('4006381333931')).toBe('04006381333931');
    }
    expect(OptionalGtinSchema.parse('')).toBe('');
    expect(GtinSchema.safeParse('').success).toBe(false);
  });

  it('trims before checking, and refuses UPC-E that is not 8 digits of system 0 or 1', () => {
    expect(toGtin14(' 4006381333931 ')).toBe('04006381333931');
    for (const bad of ['2345678', 'x0123456', '012345651', '21234565', '0123456']) {
      expect(expandUpcE(bad), bad).toBeNull();
    }
    expect(expandUpcE('01234565')).toBe('012345000065');
  });
});
