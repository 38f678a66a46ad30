import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { prepareCatalogWrites } from '../../main/catalog/statements';
import { parseSpotAdvisor, spotAdvisorDbRow } from '../../main/import/spot-advisor-parse';
import { SNAPSHOT_DIR } from './read-snapshot';

/** AWS's Spot Advisor file as shipped (verbatim; provenance and date in pricing-data/README.md). */
export const SPOT_ADVISOR_FILE = 'spot-advisor-data.json';
/** Its row in sources.json (the file carries no date of its own: the as-of date is there). */
export const SPOT_ADVISOR_SOURCE_ID = 'aws-spot-advisor-2025-06-28';

/**
 * Writes the shipped Spot Advisor bands into the catalog being built (inside its transaction, after
 * the sources: each row names its source, a foreign key). Parsed by the importer's own parser.
 * Returns how many (region, OS, type) entries it wrote.
 */
export function writeSpotAdvisor(db: Database.Database): number {
  const data = parseSpotAdvisor(readFileSync(join(SNAPSHOT_DIR, SPOT_ADVISOR_FILE), 'utf8'));
  const put = prepareCatalogWrites(db).putSpotAdvisor;
  for (const r of data.rows) put.run(spotAdvisorDbRow(r, SPOT_ADVISOR_SOURCE_ID));
  return data.rows.length;
}
