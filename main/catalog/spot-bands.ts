import type Database from 'better-sqlite3';
import type { OperatingSystem } from '@shared/catalog-types';
import type { SpotBandDbRow } from './rows';
import { spotAdvisorOs } from './spot-advisor';
import { SQL } from './statements';

/**
 * AWS Spot Advisor interruption bands of one type in every region, from the catalog's spot_advisor
 * table (migration 4). A catalog whose table is empty has none: the caller then says so ("Spot Advisor
 * data not in this catalog") rather than showing a blank.
 */
export function createSpotBands(db: Database.Database) {
  const hasRows = db.prepare<[], number>(SQL.spotAdvisorHasRows).pluck();
  const bandsOfType = db.prepare<[os: string, instanceType: string], SpotBandDbRow>(SQL.spotBandsOfType);
  return {
    /** True when the catalog holds any band. */
    available(): boolean {
      return hasRows.get() === 1;
    },
    /** Region → its band row, for one type and OS (empty when the advisor has none, as for RHEL). */
    ofType(os: OperatingSystem, instanceType: string): Map<string, SpotBandDbRow> {
      const advisorOs = spotAdvisorOs(os);
      if (!advisorOs) return new Map();
      return new Map(bandsOfType.all(advisorOs, instanceType).map((r) => [r.region, r]));
    },
  };
}
