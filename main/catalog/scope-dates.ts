import type Database from 'better-sqlite3';
import { SQL } from './statements';

/**
 * Rebuilds scope_dates (the as-of date and row count of every scope per source, migration 2) from
 * ec2_prices, ebs_prices, host_prices, dedicated_fees and sources: for the whole catalog, or for the regions an import touched. Run
 * inside the transaction that wrote the prices (catalog build, import), like refreshPriceSummary.
 */
export function refreshScopeDates(db: Database.Database, regions?: readonly string[]): void {
  if (regions === undefined) {
    db.prepare(SQL.clearScopeDates).run();
    db.prepare(SQL.fillEc2ScopeDates).run();
    db.prepare(SQL.fillEbsScopeDates).run();
    db.prepare(SQL.fillHostScopeDates).run();
    db.prepare(SQL.fillFeeScopeDates).run();
    return;
  }
  const clear = db.prepare<[region: string]>(SQL.clearRegionScopeDates);
  const ec2 = db.prepare<[region: string]>(SQL.fillRegionEc2ScopeDates);
  const ebs = db.prepare<[region: string]>(SQL.fillRegionEbsScopeDates);
  const hosts = db.prepare<[region: string]>(SQL.fillRegionHostScopeDates);
  const fees = db.prepare<[region: string]>(SQL.fillRegionFeeScopeDates);
  for (const region of regions) {
    clear.run(region);
    ec2.run(region);
    ebs.run(region);
    hosts.run(region);
    fees.run(region);
  }
}
