import { Decimal, toUsdString } from '@shared/money';
import type { NewestPrices } from './ec2-prices';
import { priceOrNull, readJson } from './read-snapshot';

export const PRICE_WATCHER_FILE = 'aws-price-watcher-ec2-ondemand-linux-2025-06-13.json';
export const PRICE_WATCHER_SOURCE = 'aws-price-watcher-od-2025-06';
const KEY_PREFIX = 'OnDemand Linux-instancetype-';

export interface NewerOnDemandRead {
  /** Location names that name a catalog region, with the region's code. */
  mapped: Map<string, string>;
  /** Location names no catalog region carries (Local and Wavelength Zones), sorted. */
  unmapped: string[];
  /** Figures offered to the merge (it keeps each only where no newer source has it). */
  figures: number;
}

/**
 * AWS's pricing-page feed for EC2 On-Demand Linux as QuinnyPig/aws-price-watcher processed it on
 * 2025-06-13: `"OnDemand Linux-instancetype-<type>" → { "<AWS location name>": "<USD/h>" }`. Location
 * names are turned into region codes through `regionCodeByName` (the names the catalog's regions table
 * gets); a name that no region carries is a Local or Wavelength Zone, which the catalog does not price.
 */
export function readNewerOnDemand(
  prices: NewestPrices,
  regionCodeByName: ReadonlyMap<string, string>,
): NewerOnDemandRead {
  const feed = readJson<Record<string, Record<string, string>>>(PRICE_WATCHER_FILE);
  const mapped = new Map<string, string>();
  const unmapped = new Set<string>();
  let figures = 0;
  for (const [key, byLocation] of Object.entries(feed)) {
    if (!key.startsWith(KEY_PREFIX)) throw new Error(`${PRICE_WATCHER_FILE}: unexpected key ${key}`);
    const type = key.slice(KEY_PREFIX.length);
    for (const [location, price] of Object.entries(byLocation)) {
      const region = regionCodeByName.get(location);
      if (region === undefined) {
        unmapped.add(location);
        continue;
      }
      mapped.set(location, region);
      const p = priceOrNull(price);
      if (!p) continue;
      // The feed pads to ten decimals ("0.0960000000"); the catalog keeps the shortest form ("0.096").
      prices.onDemand(region, type, 'linux', toUsdString(new Decimal(p)), PRICE_WATCHER_SOURCE);
      figures++;
    }
  }
  return { mapped, unmapped: [...unmapped].sort(), figures };
}
