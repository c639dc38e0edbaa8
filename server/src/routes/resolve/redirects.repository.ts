import type { RedirectRule } from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { type Db, statement } from '../../db/database';
import { newId } from '../../ids';

export function redirectsRepository(db: Db, clock: Clock) {
  return {
    /** Appends a PRODUCT-scoped rule after the product's existing ones, never ahead of them. */
    append(productId: string, orgId: string, url: string): RedirectRule {
      const next = db
        .prepare(
          'SELECT COALESCE(MAX(order_index) + 1, 0) AS n FROM redirect_rules WHERE product_id = ? AND org_id = ?',
        )
        .get(productId, orgId) as { n: number };
      const shortId = newId().id;
      statement(
        db,
        'INSERT INTO redirect_rules (short_id, product_id, org_id, order_index, custom_url, created) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(shortId, productId, orgId, next.n, url, iso(clock));
      return {
        short_id: shortId,
        scope_type: 'PRODUCT',
        order_index: next.n,
        is_active: true,
        destination_type: 'CUSTOM_URL',
        custom_url: url,
      };
    },
  };
}
