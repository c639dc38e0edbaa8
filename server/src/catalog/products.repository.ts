import { ProposalField } from '#contract';
import type { Clock } from '../clock';
import { iso } from '../clock';
import { type Db, statement } from '../db/database';
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

export function productsRepository(db: Db, clock: Clock) {
  const upsert = statement(
    db,
    `INSERT INTO products (id, gtin, name, brand_name, description, category, ingredients, ai_summary, images, pending_enrichment, lookup_error, modified)
     VALUES (@id, @gtin, @name, @brand_name, @description, @category, @ingredients, @ai_summary, @images, @pending_enrichment, @lookup_error, @modified)
     ON CONFLICT(gtin) DO UPDATE SET name = excluded.name, brand_name = excluded.brand_name, description = excluded.description,
       category = excluded.category, ingredients = excluded.ingredients, ai_summary = excluded.ai_summary, images = excluded.images,
       pending_enrichment = excluded.pending_enrichment, lookup_error = excluded.lookup_error, modified = excluded.modified`,
  );
  const repo = {
    /** Inserts or updates by GTIN-14; returns how many were written. */
    upsertMany(products: ProductInput[]): number {
      const now = iso(clock);
      const write = db.transaction((items: ProductInput[]) => {
        for (const p of items) {
          upsert.run({
            id: newId().id,
            gtin: p.gtin,
            name: p.name,
            brand_name: p.brand_name ?? '',
            description: p.description ?? '',
            category: p.category ?? '',
            ingredients: p.ingredients ?? '',
            ai_summary: p.ai_summary ?? '',
            images: p.images ?? '',
            pending_enrichment: JSON.stringify(p.pending_enrichment ?? []),
            lookup_error: p.lookup_error ?? '',
            modified: now,
          });
        }
        return items.length;
      });
      return write(products);
    },
    byGtin: (gtin14: string) =>
      statement(db, 'SELECT * FROM products WHERE gtin = ?').get(gtin14) as ProductRow | undefined,
    byId: (id: string) =>
      statement(db, 'SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined,
    count: () => (statement(db, 'SELECT COUNT(*) AS n FROM products').get() as { n: number }).n,
    /** Sets a field in one organization's view of a product; the shared row is untouched. */
    setFieldFor(orgId: string, productId: string, field: EnrichableField, value: string): void {
      if (!ENRICHABLE_FIELDS.includes(field)) throw new Error(`Not an enrichable field: ${field}`);
      statement(
        db,
        `INSERT INTO product_overrides (org_id, product_id, field_name, value, modified) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (org_id, product_id, field_name) DO UPDATE SET value = excluded.value, modified = excluded.modified`,
      ).run(orgId, productId, field, value, iso(clock));
    },
    /** A product as one organization sees it: the shared row with that organization's fields. */
    viewFor(orgId: string, product: ProductRow): ProductRow {
      const rows = statement(
        db,
        'SELECT field_name, value FROM product_overrides WHERE org_id = ? AND product_id = ?',
      ).all(orgId, product.id) as { field_name: EnrichableField; value: string }[];
      const view = { ...product };
      for (const r of rows) view[r.field_name] = r.value;
      return view;
    },
  };
  return repo;
}

export type ProductsRepository = ReturnType<typeof productsRepository>;
