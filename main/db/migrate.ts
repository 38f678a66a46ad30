import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/**
 * PRAGMA user_version runner: versions only go up, all pending migrations run in one transaction,
 * and a database newer than this app is refused instead of being damaged.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], label: string): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`${label} migrations must be numbered 1..n; found ${m.version} at ${i + 1}`);
  });
  const latest = sorted.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new Error(
      `The ${label} database has schema version ${current}, newer than this app understands (${latest}). ` +
        'Update the app; the database was left untouched.',
    );
  }
  if (current === latest) return current;
  db.transaction(() => {
    for (const m of sorted.slice(current)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}
