import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Capture } from '#contract';
import { exportRows, searchCaptures, toCsv, toJson, totalsByProduct } from './session-export';

const capture = (over: Partial<Capture> & { metadata?: Record<string, string> }): Capture => ({
  id: 'x'.repeat(22),
  status: 'COMPLETED',
  capture_type: 'BARCODE',
  raw_value: '4006381333931',
  gtin: '04006381333931',
  error_message: '',
  created: '2026-12-06T10:00:00Z',
  metadata: {},
  gs1_dl_data: {},
  product_short_id: null,
  product_name: 'STABILO BOSS',
  processed_at: null,
  uploaded_image_key: null,
  qr_analysis: null,
  ...over,
});

const captures = [
  capture({
    metadata: {
      quantity: '3',
      note: 'Shelf 4, "top"',
      scanned_at: '2026-12-06T11:00:00+01:00',
      format: 'ean13',
    },
  }),
  capture({ raw_value: '=HYPERLINK("x")', gtin: '', product_name: null, status: 'NOT_FOUND' }),
  capture({ metadata: { quantity: 'lots' } }),
  capture({ raw_value: 'Crème brûlée\nline two', gtin: '', product_name: null }),
];

describe('session export', () => {
  it('writes a CSV that parses back, one row per capture, with every column', async () => {
    const csv = await toCsv(exportRows(captures));
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      value: '4006381333931',
      gtin: '04006381333931',
      format: 'ean13',
      quantity: '3',
      note: 'Shelf 4, "top"',
      scanned_at: '2026-12-06T11:00:00+01:00',
      status: 'Product found',
      product: 'STABILO BOSS',
    });
    // A value that starts like a formula is not run by a spreadsheet.
    expect(rows[1]?.['value']).toBe('\'=HYPERLINK("x")');
    // A hand-edited quantity that is no number counts as 1; newlines stay inside their cell.
    expect(rows[2]?.['quantity']).toBe('1');
    expect(rows[3]?.['value']).toBe('Crème brûlée\nline two');
    expect(JSON.parse(toJson(exportRows(captures)))).toHaveLength(4);
  });

  it('totals each product across its captures', () => {
    expect(totalsByProduct(captures).map((t) => [t.key, t.total])).toEqual([
      ['04006381333931', 4],
      ['=HYPERLINK("x")', 1],
      ['Crème brûlée\nline two', 1],
    ]);
  });

  it('searches value, GTIN, product and note, blind to case and accents', () => {
    expect(searchCaptures(captures, 'creme')).toHaveLength(1);
    expect(searchCaptures(captures, 'SHELF 4')).toHaveLength(1);
    expect(searchCaptures(captures, 'stabilo')).toHaveLength(2);
    expect(searchCaptures(captures, '0400638')).toHaveLength(2);
    expect(searchCaptures(captures, '  ')).toHaveLength(4);
    expect(searchCaptures(captures, 'nothing like it')).toHaveLength(0);
  });
});
