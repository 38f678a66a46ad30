import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { catalogMigrations } from '../db/migrations/catalog';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { prepareCatalogWrites } from './statements';

export interface CatalogUpgrade {
  fromVersion: number;
  toVersion: number;
  /** The copy of the file as it was before the upgrade: `<file>.v<from>-backup-<timestamp>`. */
  backup: string;
}

/** A file-name-safe UTC timestamp: 2025-11-29T12-52-07-123Z. */
export const fileStamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

const versionOf = (file: string): number => {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

/**
 * Brings the user's imported catalog to this app's schema, in place: a catalog imported by an older
 * version of the app (schema version 1 ≤ v < latest) is first copied aside as
 * `<file>.v<v>-backup-<timestamp>`, then migrated read-write (every pending catalog migration, which
 * also fills the tables they derive from the prices, such as scope_dates), in one transaction taken
 * with a write lock, so a second process starting at the same moment waits and then finds it done.
 * Returns what was done, or null when the file is missing, already current, newer than the app (the
 * read-only open then refuses it) or not a catalog at all (version 0: never written to). A file that
 * cannot be read throws as it is; a failed migration leaves the file as it was (the transaction rolls
 * back, the copy is removed) and throws "it could not be upgraded from schema version …"; the caller
 * falls back.
 */
export function upgradeImportedCatalog(file: string, now: Date = new Date()): CatalogUpgrade | null {
  if (!existsSync(file)) return null;
  const latest = catalogMigrations.length;
  const fromVersion = versionOf(file);
  if (fromVersion < 1 || fromVersion >= latest) return null;
  const backup = `${file}.v${fromVersion}-backup-${fileStamp(now)}`;
  copyFileSync(file, backup);
  // No WAL: the catalog stays in rollback-journal mode, which read-only opens need; FULL for durability.
  const db = openDatabase(file, { fileMustExist: true, durability: 'none' });
  try {
    db.pragma('synchronous = FULL');
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have upgraded it between the version check and the lock.
      if ((db.pragma('user_version', { simple: true }) as number) < latest) {
        migrate(db, catalogMigrations, 'catalog');
        prepareCatalogWrites(db).putMeta.run({ key: 'schema_version', value: String(latest) });
      }
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      // The file is as it was: no copy is needed (and none piles up from start to start).
      rmSync(backup, { force: true });
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`it could not be upgraded from schema version ${fromVersion} to ${latest}: ${reason}`, {
        cause: err,
      });
    }
  } finally {
    db.close();
  }
  return { fromVersion, toVersion: latest, backup };
}
