import type Database from 'better-sqlite3';
import { SQL } from './statements';

/**
 * Rebuilds the per (region, OS, type) headline prices from ec2_prices: on-demand, the cheapest 1-year
 * and 3-year commitment by effective hourly rate, and spot (SQL.fillPriceSummary). Run inside the
 * transaction that wrote the prices (catalog build, import).
 */
export function refreshPriceSummary(db: Database.Database, regions?: readonly string[]): number {
  if (regions === undefined) {
    db.prepare(SQL.clearPriceSummary).run();
    return db.prepare(SQL.fillPriceSummary).run().changes;
  }
  // An import of region files only changes those regions' headline prices.
  const clear = db.prepare<[region: string]>(SQL.clearRegionPriceSummary);
  const fill = db.prepare<[region: string]>(SQL.fillRegionPriceSummary);
  let changes = 0;
  for (const region of regions) {
    clear.run(region);
    changes += fill.run(region).changes;
  }
  return changes;
}
