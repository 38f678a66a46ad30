import type Database from 'better-sqlite3';
import type { SpotBandDbRow } from './rows';
import { SQL } from './statements';

/** Spot Advisor publishes bands for these systems only; other OSes have none. */
const ADVISOR_OSES = new Set(['linux', 'windows']);

/**
 * AWS Spot Advisor interruption bands of one type in every region, read from the catalog's
 * spot_advisor table (migration 4). A catalog without the table, or with it empty, has none: the
 * caller then says so ("Spot Advisor data not in this catalog") rather than showing a blank.
 */
export function createSpotBands(db: Database.Database) {
  const hasTable = db.prepare<[name: string], number>(SQL.tableExists).pluck().get('spot_advisor') === 1;
  const q = hasTable
    ? {
        hasRows: db.prepare<[], number>(SQL.spotAdvisorHasRows).pluck(),
        bandsOfType: db.prepare<[os: string, instanceType: string], SpotBandDbRow>(SQL.spotBandsOfType),
      }
    : null;
  return {
    /** True when the catalog holds any band. */
    available(): boolean {
      return q !== null && q.hasRows.get() === 1;
    },
    /** Region → its band row, for one type and OS (empty when the advisor has none). */
    ofType(os: string, instanceType: string): Map<string, SpotBandDbRow> {
      if (!q || !ADVISOR_OSES.has(os)) return new Map();
      return new Map(q.bandsOfType.all(os, instanceType).map((r) => [r.region, r]));
    },
  };
}

export type SpotBands = ReturnType<typeof createSpotBands>;
