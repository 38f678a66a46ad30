import type { Migration } from '../../migrate';

/**
 * Catalog version 2: the as-of date of every scope the catalog holds. A scope is what one price file
 * replaces at once: EC2 prices of one region × purchase model × OS (Savings Plans: region × plan type,
 * every OS together) and EBS prices of one region. `scope_dates` is derived from the price tables and
 * `sources` (one row per scope and source, with its date and row count), filled when a catalog is built,
 * after each import (main/catalog/scope-dates.ts) and here, for a version-1 catalog that already holds
 * prices. The fill below is this migration's own copy of the statement, so it stays what version 2 was
 * even if the live one changes.
 */
export const m0002DatedScopes: Migration = {
  version: 2,
  name: 'dates per scope and the newest source per scope (issue: dates per scope)',
  up(db) {
    db.exec(`
      CREATE TABLE scope_dates (
        product TEXT NOT NULL CHECK (product IN ('ec2','ebs')),
        region TEXT NOT NULL,
        -- EC2: the purchase model; EBS: ''.
        model TEXT NOT NULL,
        -- EC2 except Savings Plans: the OS; Savings Plans and EBS: ''.
        os TEXT NOT NULL,
        -- Savings Plans: the plan type; otherwise ''.
        plan_type TEXT NOT NULL,
        tenancy TEXT NOT NULL,
        source_id TEXT NOT NULL,
        as_of TEXT NOT NULL,
        rows INTEGER NOT NULL,
        PRIMARY KEY (product, region, model, os, plan_type, tenancy, source_id)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO scope_dates (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
        SELECT 'ec2', p.region, p.model, CASE WHEN p.model = 'savings-plan' THEN '' ELSE p.os END,
          p.plan_type, p.tenancy, p.source_id, COALESCE(s.as_of, ''), COUNT(*)
        FROM ec2_prices p LEFT JOIN sources s ON s.id = p.source_id
        GROUP BY 2, 3, 4, 5, 6, 7;
      INSERT INTO scope_dates (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
        SELECT 'ebs', e.region, '', '', '', '', e.source_id, COALESCE(s.as_of, ''), COUNT(*)
        FROM ebs_prices e LEFT JOIN sources s ON s.id = e.source_id
        GROUP BY 2, 7;
    `);
  },
};
