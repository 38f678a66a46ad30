import type { Migration } from '../../migrate';

/** The user database: saved scenarios (the JSON document is the source of truth) and settings. */
export const m0001Scenarios: Migration = {
  version: 1,
  name: 'scenarios and settings',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        revision INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX scenarios_updated ON scenarios(updated_at DESC);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `);
  },
};
