import type { Migration } from '../../migrate';

/** Catalog version 2: dates per scope and the newest source per scope (issue: dates per scope). */
export const m0002DatedScopes: Migration = {
  version: 2,
  name: 'dates per scope and the newest source per scope (issue: dates per scope)',
  up() {
    // Filled in by the change that introduces it.
  },
};
