/**
 * The contract's call names as plain data (no schema library), so the sandboxed preload can list its
 * channels without bundling zod. contract.ts checks at compile time that this list and the contract agree.
 */
export const CALL_NAMES = [
  'catalog.meta',
  'catalog.regions',
  'catalog.families',
  'catalog.instances',
  'catalog.priceOptions',
  'catalog.regionPrices',
  'catalog.find',
  'catalog.listing',
  'ebs.volumeTypes',
  'ebs.prices',
  'ebs.size',
  'ebs.fit',
  'ebs.cost',
  'ebs.snapshotCost',
  'pricing.estimate',
  'pricing.compare',
  'pricing.optimize',
  'pricing.regions',
  'jobs.status',
  'jobs.cancel',
  'data.status',
  'data.resetCatalog',
  'import.start',
  'import.updateFromAws',
  'import.status',
  'import.cancel',
  'scenarios.list',
  'scenarios.get',
  'scenarios.create',
  'scenarios.save',
  'scenarios.rename',
  'scenarios.duplicate',
  'scenarios.delete',
  'scenarios.import',
  'scenarios.export',
  'reports.render',
] as const;

export const CHANNEL_PREFIX = 'planner:';

/** Main → renderer: application-menu commands on one channel (main/app.ts sends, the preload relays). */
export const MENU_CHANNEL = 'planner:menu';
export const MENU_COMMANDS = ['export-report'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
