import { existsSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogProblem } from '@shared/import/jobs';
import { fileStamp, upgradeImportedCatalog, type CatalogUpgrade } from './upgrade-catalog';

/**
 * The user's imported catalog (`<user-data>/catalog.sqlite`) can be damaged by a disk, a sync tool or
 * a hand edit. It must never stop the app from starting: the shipped catalog is opened instead, the
 * unusable file and the reason are reported (Data screen, CLI stderr), and the file is only ever moved
 * aside on request, never deleted. One imported by an older version of the app is upgraded in place
 * first (upgrade-catalog.ts), keeping a copy of it as it was.
 */

export interface CatalogLocations {
  /** The user's imported catalog: the only file this module falls back from. */
  imported: string;
  /** The catalog that ships with the app. */
  shipped: string;
}

export interface OpenedCatalog<T> {
  value: T;
  /** Set when the requested catalog could not be used and the shipped one was opened instead. */
  problem: CatalogProblem | null;
  /** Set when the imported catalog was brought to this app's schema before it was opened. */
  upgraded: CatalogUpgrade | null;
}

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function catalogProblemWarning(problem: CatalogProblem, shipped: string): string {
  return (
    `warning: the imported catalog ${problem.file} cannot be used (${problem.reason}); ` +
    `using the shipped catalog ${shipped} instead. Reset to the shipped catalog on the Data screen ` +
    `to move the file aside.`
  );
}

/**
 * Opens `requested` with `open`. When that is the imported catalog, an older schema version is first
 * upgraded in place (upgradeImportedCatalog, said through `warn`); when opening it then fails for any
 * reason (not a database, wrong schema version, unreadable, the upgrade failed), opens the shipped
 * catalog instead and says why through `warn` (default: stderr). A catalog chosen explicitly by path
 * (PLANNER_CATALOG, --catalog) is never changed or swapped for another: its error is thrown as it is.
 */
export function openCatalogOrShipped<T>(
  requested: string,
  where: CatalogLocations,
  open: (path: string) => T,
  warn: (message: string) => void = (message) => process.stderr.write(message + '\n'),
): OpenedCatalog<T> {
  const isImported =
    resolve(requested) === resolve(where.imported) && resolve(requested) !== resolve(where.shipped);
  try {
    let upgraded: CatalogUpgrade | null = null;
    if (isImported) {
      upgraded = upgradeImportedCatalog(requested);
      if (upgraded) {
        warn(
          `note: upgraded the imported catalog ${resolve(requested)} from schema version ${upgraded.fromVersion} ` +
            `to ${upgraded.toVersion}; the file as it was is kept as ${upgraded.backup}`,
        );
      }
    }
    return { value: open(requested), problem: null, upgraded };
  } catch (err) {
    if (!isImported) throw err;
    const problem: CatalogProblem = { file: resolve(requested), reason: reasonOf(err) };
    let value: T;
    try {
      value = open(where.shipped);
    } catch (shippedErr) {
      throw new Error(
        `Neither catalog can be opened: ${problem.file} (${problem.reason}) nor the shipped ${where.shipped} (${reasonOf(shippedErr)}).`,
        { cause: shippedErr },
      );
    }
    warn(catalogProblemWarning(problem, where.shipped));
    return { value, problem, upgraded: null };
  }
}

/**
 * Moves `file` (and its -wal, -shm and -journal companions, which belong to it) aside as
 * `<file>.<tag>-<timestamp>`, so a later look (or a recovery tool) still has it. Returns the new path,
 * or null when there was no file. The caller must have closed every handle on it first.
 */
export function setCatalogAside(
  file: string,
  tag: 'bad' | 'replaced',
  now: Date = new Date(),
): string | null {
  if (!existsSync(file)) return null;
  const aside = `${file}.${tag}-${fileStamp(now)}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
