import { existsSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogProblem } from '@shared/import/jobs';

/**
 * The user's imported catalog (`<user-data>/catalog.sqlite`) can be damaged by a disk, a sync tool or
 * a hand edit. It must never stop the app from starting: the shipped catalog is opened instead, the
 * unusable file and the reason are reported (Data screen, CLI stderr), and the file is only ever moved
 * aside on request, never deleted.
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
 * Opens `requested` with `open`. When that is the imported catalog and opening it fails for any reason
 * (not a database, wrong schema version, unreadable), opens the shipped catalog instead and says why
 * through `warn` (default: stderr). A catalog chosen explicitly by path (PLANNER_CATALOG, --catalog)
 * is never swapped for another: its error is thrown as it is.
 */
export function openCatalogOrShipped<T>(
  requested: string,
  where: CatalogLocations,
  open: (path: string) => T,
  warn: (message: string) => void = (message) => process.stderr.write(message + '\n'),
): OpenedCatalog<T> {
  try {
    return { value: open(requested), problem: null };
  } catch (err) {
    if (resolve(requested) !== resolve(where.imported) || resolve(requested) === resolve(where.shipped)) {
      throw err;
    }
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
    return { value, problem };
  }
}

/** A file-name-safe UTC timestamp: 2025-11-29T12-52-07-123Z. */
const stamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

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
  const aside = `${file}.${tag}-${stamp(now)}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
