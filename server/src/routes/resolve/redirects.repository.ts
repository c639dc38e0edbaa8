import type { RedirectRule } from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import type { Sql } from '../../store/sql';
import { newId } from '../../ids';

export function redirectsRepository(sql: Sql, clock: Clock) {
  return {
    /** Appends a PRODUCT-scoped rule after the product's existing ones, never ahead of them. */
    async append(productId: string, orgId: string, url: string): Promise<RedirectRule> {
      const next = (await sql.get<{ n: number }>(
        'SELECT COALESCE(MAX(order_index) + 1, 0) AS n FROM redirect_rules WHERE product_id = ? AND org_id = ?',
        [productId, orgId],
      )) ?? { n: 0 };
      const shortId = newId().id;
      await sql.run(
        'INSERT INTO redirect_rules (short_id, product_id, org_id, order_index, custom_url, created) VALUES (?, ?, ?, ?, ?, ?)',
        [shortId, productId, orgId, next.n, url, iso(clock)],
      );
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
