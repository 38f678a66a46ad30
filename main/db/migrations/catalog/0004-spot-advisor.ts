import type { Migration } from '../../migrate';

/** Catalog version 4: spot interruption bands from AWS's Spot Advisor data. */
export const m0004SpotAdvisor: Migration = {
  version: 4,
  name: 'spot interruption bands from the Spot Advisor data',
  up() {
    // Filled in by the change that introduces it.
  },
};
