import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { GtinSchema, ProposalField } from '#contract';
import type { ProductInput } from './products.repository';

const Pending = z.object({
  field_name: ProposalField,
  proposed_value: z.string().min(1),
  confidence: z
    .string()
    .regex(/^(0(\.\d{1,2})?|1(\.0{1,2})?)$/, 'confidence is a decimal string 0.00-1.00'),
  reasoning: z.string().default(''),
  source: z.string().max(100).default('import'),
});

const Row = z.object({
  gtin: GtinSchema,
  name: z.string().trim().min(1, 'name is required'),
  brand_name: z.string().default(''),
  description: z.string().default(''),
  category: z.string().default(''),
  ingredients: z.string().default(''),
  ai_summary: z.string().default(''),
  images: z.string().default(''),
  pending_enrichment: z.array(Pending).default([]),
  lookup_error: z.string().default(''),
});

export interface ImportResult {
  products: ProductInput[];
  errors: string[];
}

/**
 * Reads a catalog file (JSON array, or CSV with a header row; in CSV, `pending_enrichment` is a
 * JSON cell). Every row is checked before anything is written, so a bad file imports nothing and
 * each problem is reported with its row number.
 */
export function parseCatalog(text: string, format: 'json' | 'csv'): ImportResult {
  let rows: unknown[];
  try {
    rows =
      format === 'json'
        ? (JSON.parse(text) as unknown[])
        : parseCsv<Record<string, string>>(text, {
            columns: true,
            skip_empty_lines: true,
            trim: true,
            bom: true,
          }).map((r) => ({
            ...r,
            pending_enrichment: r['pending_enrichment']
              ? (JSON.parse(r['pending_enrichment']) as unknown)
              : [],
          }));
  } catch (error) {
    return {
      products: [],
      errors: [
        `The file could not be read as ${format.toUpperCase()}: ${(error as Error).message}`,
      ],
    };
  }
  if (!Array.isArray(rows))
    return { products: [], errors: ['A JSON catalog must be an array of products.'] };
  const products: ProductInput[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const rowNumber = format === 'csv' ? index + 2 : index + 1;
    const parsed = Row.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`row ${rowNumber}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
      return;
    }
    const first = seen.get(parsed.data.gtin);
    if (first !== undefined)
      errors.push(`row ${rowNumber}: gtin ${parsed.data.gtin} repeats row ${first}`);
    seen.set(parsed.data.gtin, rowNumber);
    products.push(parsed.data);
  });
  return errors.length ? { products: [], errors } : { products, errors };
}
