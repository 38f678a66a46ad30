import type { Migration } from '../../migrate';

/** Catalog version 3: published and derived upfront fees, Savings Plans upfront parts. */
export const m0003UpfrontFees: Migration = {
  version: 3,
  name: 'published and derived upfront fees, Savings Plans upfront parts',
  up() {
    // Filled in by the change that introduces it.
  },
};
