import type Database from 'better-sqlite3';
import type { PurchaseModel } from '../../shared/catalog-types';

const best = (term: 1 | 3) => `(SELECT p.effective_hourly_usd FROM ec2_prices p
    WHERE p.region = k.region AND p.os = k.os AND p.instance_type = k.instance_type AND p.tenancy = 'shared'
      AND p.model IN ('reserved', 'savings-plan') AND p.term_years = ${term}
    ORDER BY CAST(p.effective_hourly_usd AS REAL) LIMIT 1)`;
const simple = (
  model: Extract<PurchaseModel, 'on-demand' | 'spot'>,
) => `(SELECT p.hourly_usd FROM ec2_prices p
    WHERE p.region = k.region AND p.os = k.os AND p.instance_type = k.instance_type AND p.tenancy = 'shared'
      AND p.model = '${model}' AND p.term_years = 0 AND p.payment_option = '' AND p.offering_class = '' AND p.plan_type = '')`;

/**
 * Rebuilds the per (region, OS, type) headline prices from ec2_prices: on-demand, the cheapest 1-year
 * and 3-year commitment by effective hourly rate, and spot. Run inside the transaction that wrote the
 * prices (catalog build, import).
 */
export function refreshPriceSummary(db: Database.Database, regions?: readonly string[]): number {
  const insert = `INSERT INTO price_summary (region, os, instance_type, od_hourly, best_1y, best_3y, spot_hourly)
       SELECT k.region, k.os, k.instance_type, ${simple('on-demand')}, ${best(1)}, ${best(3)}, ${simple('spot')}
       FROM (SELECT DISTINCT region, os, instance_type FROM ec2_prices WHERE tenancy = 'shared'`;
  if (regions === undefined) {
    db.exec('DELETE FROM price_summary');
    return db.prepare(`${insert}) k`).run().changes;
  }
  // An import of region files only changes those regions' headline prices.
  const del = db.prepare('DELETE FROM price_summary WHERE region = ?');
  const ins = db.prepare(`${insert} AND region = ?) k`);
  let changes = 0;
  for (const region of regions) {
    del.run(region);
    changes += ins.run(region).changes;
  }
  return changes;
}
