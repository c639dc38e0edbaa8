import type { Capture } from '#contract';
import { CAPTURE_STATES } from '../../components/states';

/** One exported row: what an operator's spreadsheet needs of a capture. */
export interface ExportRow {
  value: string;
  gtin: string;
  format: string;
  quantity: number;
  note: string;
  scanned_at: string;
  status: string;
  product: string;
}

const COLUMNS: readonly (keyof ExportRow)[] = [
  'value',
  'gtin',
  'format',
  'quantity',
  'note',
  'scanned_at',
  'status',
  'product',
];

/** A quantity as counted (count mode), 1 for a plain scan, never NaN from a hand-edited value. */
export function quantityOf(capture: Capture): number {
  const n = Number(capture.metadata['quantity'] ?? '1');
  return Number.isInteger(n) && n >= 0 ? n : 1;
}

export function exportRows(captures: readonly Capture[]): ExportRow[] {
  return captures.map((c) => ({
    value: c.raw_value,
    gtin: c.gtin,
    format: c.metadata['format'] ?? '',
    quantity: quantityOf(c),
    note: c.metadata['note'] ?? '',
    // The device's time when it has one, the server's otherwise.
    scanned_at: c.metadata['scanned_at'] ?? c.created,
    status: CAPTURE_STATES[c.status].word,
    product: c.product_name ?? '',
  }));
}

/**
 * CSV by csv-stringify (quoting, embedded newlines and quotes); loaded only when the operator
 * exports. A leading =, +, - or @ is prefixed with ' so a spreadsheet does not run a scanned
 * value as a formula (OWASP "CSV injection").
 */
export async function toCsv(rows: readonly ExportRow[]): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const safe = (v: string | number) =>
    typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return stringify(
    rows.map((r) => COLUMNS.map((k) => safe(r[k]))),
    { header: true, columns: COLUMNS as string[], record_delimiter: 'windows' },
  );
}

export const toJson = (rows: readonly ExportRow[]) => JSON.stringify(rows, null, 2);

/** Per product (GTIN, or the value), the total counted across captures and devices. */
export function totalsByProduct(captures: readonly Capture[]) {
  const totals = new Map<string, { label: string; total: number }>();
  for (const c of captures) {
    const key = c.gtin || c.raw_value;
    const entry = totals.get(key) ?? { label: c.product_name ?? c.raw_value, total: 0 };
    entry.total += quantityOf(c);
    totals.set(key, entry);
  }
  return [...totals.entries()].map(([key, v]) => ({ key, ...v }));
}

/** Captures whose value, GTIN, product or note contains the query (case- and accent-blind). */
export function searchCaptures(captures: readonly Capture[], query: string): Capture[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const q = fold(query.trim());
  if (!q) return [...captures];
  return captures.filter((c) =>
    [c.raw_value, c.gtin, c.product_name ?? '', c.metadata['note'] ?? ''].some((f) =>
      fold(f).includes(q),
    ),
  );
}
