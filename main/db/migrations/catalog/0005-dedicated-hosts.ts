import type { Migration } from '../../migrate';

/**
 * Catalog version 5: Dedicated Hosts and the Dedicated Instance per-Region fee, as AWS's price files
 * give them (main/import/mapping.ts). Dedicated Instance and host-tenancy instance prices need no new
 * table: they are ec2_prices rows with tenancy 'dedicated' / 'host' (the column exists since version 1).
 *
 * - host_prices: one Dedicated Host type (AWS names it by instance family: "m5") in one region, per
 *   host-hour: On-Demand (term_years 0, payment_option '') or a Dedicated Host Reservation (1 or 3
 *   years, a payment option; no offering class). Money is decimal text; effective = upfront ÷ term
 *   hours + hourly, as the importer writes it.
 * - host_capacity: what one host of the family holds in the region: its vCPUs and physical cores and,
 *   as a JSON object, how many instances of each size ({"xlarge": 8, "2xlarge": 4}).
 * - dedicated_fees: the region's per-Region fee for Dedicated Instances (USD per hour while at least
 *   one Dedicated Instance runs there), dated by its source.
 *
 * Their scopes (scope_dates, main/catalog/statements.ts) are product 'ec2' with os '': a region's
 * host On-Demand or Reservation prices (tenancy 'host'), and its fee (model 'on-demand', tenancy
 * 'dedicated'). On an older catalog the tables start empty: every lookup is n/a until AWS's price files
 * are imported. Rows are typed in main/catalog/rows.ts.
 */
export const m0005DedicatedHosts: Migration = {
  version: 5,
  name: 'Dedicated Host prices and capacity, the Dedicated Instance per-Region fee',
  up(db) {
    db.exec(`
      CREATE TABLE host_prices (
        region TEXT NOT NULL REFERENCES regions(code),
        family TEXT NOT NULL,
        model TEXT NOT NULL CHECK (model IN ('on-demand','reserved')),
        term_years INTEGER NOT NULL DEFAULT 0 CHECK (term_years IN (0,1,3)),
        payment_option TEXT NOT NULL DEFAULT ''
          CHECK (payment_option IN ('','no-upfront','partial-upfront','all-upfront')),
        upfront_usd TEXT NOT NULL DEFAULT '0',
        hourly_usd TEXT NOT NULL,
        effective_hourly_usd TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (region, family, model, term_years, payment_option)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE host_capacity (
        region TEXT NOT NULL REFERENCES regions(code),
        family TEXT NOT NULL,
        vcpu INTEGER,
        physical_cores INTEGER,
        instances_per_size TEXT NOT NULL CHECK (json_valid(instances_per_size)),
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (region, family)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dedicated_fees (
        region TEXT PRIMARY KEY REFERENCES regions(code),
        hourly_usd TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
