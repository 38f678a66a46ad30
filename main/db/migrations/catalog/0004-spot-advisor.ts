import type { Migration } from '../../migrate';

/**
 * Catalog version 4: spot interruption bands from AWS's Spot Advisor data (spot-advisor-data.json).
 * One row per (region, OS, instance type) the advisor lists, copied as published: the band (`r` →
 * the file's `ranges[r]` label and max) and the advisor's savings figure (`s`, percent vs On-Demand
 * over the last 30 days). Rows are kept whether or not the catalog prices the type: the listing joins
 * what it shows. On an older catalog the table starts empty (the app says n/a with the way to fill it:
 * Update from AWS, or import spot-advisor-data.json). Rows are typed by SpotAdvisorDbRow.
 */
export const m0004SpotAdvisor: Migration = {
  version: 4,
  name: 'spot interruption bands from the Spot Advisor data',
  up(db) {
    db.exec(`
      CREATE TABLE spot_advisor (
        region TEXT NOT NULL,
        os TEXT NOT NULL CHECK (os IN ('linux','windows')),
        instance_type TEXT NOT NULL,
        range_index INTEGER NOT NULL CHECK (range_index >= 0),
        band_label TEXT NOT NULL,
        band_max_pct REAL NOT NULL,
        savings_pct REAL NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (region, os, instance_type)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
