import { ProposalField } from '#contract';
import type { Clock } from '../clock';
import { iso } from '../clock';
import type { Sql } from '../store/sql';
import { newId } from '../ids';

/** The product fields enrichment may propose values for: the contract's proposal fields. */
export const ENRICHABLE_FIELDS = ProposalField.options;
export type EnrichableField = ProposalField;

/** A value the enrichment sources would propose for a product, waiting for a capture. */
export interface PendingEnrichment {
  field_name: EnrichableField;
  proposed_value: string;
  confidence: string;
  reasoning: string;
  source: string;
}

export interface ProductRow {
  id: string;
  gtin: string;
  name: string;
  brand_name: string;
  description: string;
  category: string;
  ingredients: string;
  ai_summary: string;
  images: string;
  pending_enrichment: string;
  lookup_error: string;
  modified: string;
}

export interface ProductInput {
  gtin: string;
  name: string;
  brand_name?: string;
  description?: string;
  category?: string;
  ingredients?: string;
  ai_summary?: string;
  images?: string;
  pending_enrichment?: PendingEnrichment[];
  /** When set, looking this product up fails with this message (to exercise FAILED). */
  lookup_error?: string;
}

const UPSERT = `INSERT INTO products (id, gtin, name, brand_name, description, category, ingredients, ai_summary, images, pending_enrichment, lookup_error, modified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(gtin) DO UPDATE SET name = excluded.name, brand_name = excluded.brand_name, description = excluded.description,
       category = excluded.category, ingredients = excluded.ingredients, ai_summary = excluded.ai_summary, images = excluded.images,
       pending_enrichment = excluded.pending_enrichment, lookup_error = excluded.lookup_error, modified = excluded.modified`;

export function productsRepository(sql: Sql, clock: Clock) {
  const repo = {
    /** Inserts or updates by GTIN-14; returns how many were written. */
    upsertMany: (products: ProductInput[]): Promise<number> =>
      sql.transaction(async () => {
        const now = iso(clock);
        for (const p of products) {
          await sql.run(UPSERT, [
            newId().id,
            p.gtin,
            p.name,
            p.brand_name ?? '',
            p.description ?? '',
            p.category ?? '',
            p.ingredients ?? '',
            p.ai_summary ?? '',
            p.images ?? '',
            JSON.stringify(p.pending_enrichment ?? []),
            p.lookup_error ?? '',
            now,
          ]);
        }
        return products.length;
      }),
    byGtin: (gtin14: string) =>
      sql.get<ProductRow>('SELECT * FROM products WHERE gtin = ?', [gtin14]),
    byId: (id: string) => sql.get<ProductRow>('SELECT * FROM products WHERE id = ?', [id]),
    count: async () => (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM products'))?.n ?? 0,
    /** Sets a field in one organization's view of a product; the shared row is untouched. */
    async setFieldFor(
      orgId: string,
      productId: string,
      field: EnrichableField,
      value: string,
    ): Promise<void> {
      if (!ENRICHABLE_FIELDS.includes(field)) throw new Error(`Not an enrichable field: ${field}`);
      await sql.run(
        `INSERT INTO product_overrides (org_id, product_id, field_name, value, modified) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (org_id, product_id, field_name) DO UPDATE SET value = excluded.value, modified = excluded.modified`,
        [orgId, productId, field, value, iso(clock)],
      );
    },
    /** A product as one organization sees it: the shared row with that organization's fields. */
    async viewFor(orgId: string, product: ProductRow): Promise<ProductRow> {
      const rows = await sql.all<{ field_name: EnrichableField; value: string }>(
        'SELECT field_name, value FROM product_overrides WHERE org_id = ? AND product_id = ?',
        [orgId, product.id],
      );
      const view = { ...product };
      for (const r of rows) view[r.field_name] = r.value;
      return view;
    },
  };
  return repo;
}

export type ProductsRepository = ReturnType<typeof productsRepository>;
