import type Database from 'better-sqlite3';
import type { CatalogTable } from '../catalog/rows';
import { countRows, SQL } from '../catalog/statements';
import { ImportError, type ImportErrorWhere } from './errors';

/** Tables a usable catalog never has empty. */
const MUST_HAVE_ROWS: readonly CatalogTable[] = [
  'regions',
  'instance_types',
  'ec2_prices',
  'price_summary',
  'ebs_volume_types',
  'sources',
  'meta',
];

/**
 * The checks an imported catalog must pass, after its commit and before it may replace the current
 * one: every row points at an existing region and type, no table a catalog needs is empty, and the
 * catalog holds at least the `ec2Rows` price rows the import wrote under `sourceId`. `end` = where
 * the file ended (its problems are found only once all of it is read).
 */
export function verifyImportedCatalog(
  db: Database.Database,
  wrote: { sourceId: string; ec2Rows: number },
  end: ImportErrorWhere,
): void {
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0)
    throw new ImportError('bad-value', `${fk.length} rows point at missing regions or types`, end);
  for (const table of MUST_HAVE_ROWS) {
    if (countRows(db, table) === 0)
      throw new ImportError('empty', `table ${table} would be empty after the import`, end);
  }
  const mine = db.prepare<[string], number>(SQL.priceRowsOfSource).pluck().get(wrote.sourceId) ?? 0;
  if (mine < wrote.ec2Rows) {
    throw new ImportError(
      'bad-value',
      `wrote ${wrote.ec2Rows} price rows but the catalog holds ${mine}`,
      end,
    );
  }
}
