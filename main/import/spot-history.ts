import { readFile, stat } from 'node:fs/promises';
import { Decimal, toUsdString } from '../../shared/money';
import type { CatalogWriter } from './catalog-writer';
import { ImportError } from './errors';
import type { Os } from './mapping';
import { isObject, parseSlice, str } from './parse-slice';
import { canonicalPrice } from './price-string';

const OS_BY_DESCRIPTION: Record<string, Os> = {
  'Linux/UNIX': 'linux',
  'Linux/UNIX (Amazon VPC)': 'linux',
  Windows: 'windows',
  'Windows (Amazon VPC)': 'windows',
  'Red Hat Enterprise Linux': 'rhel',
  'Red Hat Enterprise Linux (Amazon VPC)': 'rhel',
  'SUSE Linux': 'sles',
  'SUSE Linux (Amazon VPC)': 'sles',
};

// describe-spot-price-history output is small (pages of API results); 512 MB is V8's string limit.
const MAX_BYTES = 512 << 20;

export interface SpotResult {
  publicationDate: string;
  observations: number;
  skipped: number;
}

/**
 * `aws ec2 describe-spot-price-history --output json` → one 'spot' price per (region, type, OS).
 * Rule: take each Availability Zone's latest observation, then the mean across the region's AZs,
 * rounded half-up to 6 decimals (AWS quotes spot prices to 6). It is an observation, not a
 * guaranteed price; as-of = the newest timestamp in the file.
 */
export async function readSpotHistory(
  path: string,
  w: CatalogWriter,
  signal?: AbortSignal,
): Promise<SpotResult> {
  const { size } = await stat(path);
  if (size > MAX_BYTES) {
    throw new ImportError('too-large', 'spot price history over 512 MB; split it by region', {
      byteOffset: 0,
    });
  }
  const doc = parseSlice(await readFile(path, { encoding: 'utf8', signal }), 0, 'SpotPriceHistory');
  if (!isObject(doc) || !Array.isArray(doc.SpotPriceHistory)) {
    throw new ImportError(
      'wrong-offer',
      'not describe-spot-price-history output (no SpotPriceHistory array)',
      {
        byteOffset: 0,
        field: 'SpotPriceHistory',
      },
    );
  }
  // key (region|type|os) → AZ → latest [timestamp, price]
  const latest = new Map<string, Map<string, [string, string]>>();
  let newest = '';
  let skipped = 0;
  doc.SpotPriceHistory.forEach((row: unknown, i: number) => {
    const field = `SpotPriceHistory[${i}]`;
    if (!isObject(row)) throw new ImportError('bad-value', 'not an object', { field });
    const az = str(row.AvailabilityZone);
    const type = str(row.InstanceType);
    const ts = str(row.Timestamp);
    const os = OS_BY_DESCRIPTION[str(row.ProductDescription) ?? ''];
    if (!az || !type || !ts || Number.isNaN(Date.parse(ts))) {
      throw new ImportError('bad-value', 'needs AvailabilityZone, InstanceType and a Timestamp', { field });
    }
    const price = canonicalPrice(row.SpotPrice, { field: `${field}.SpotPrice` });
    if (!os) {
      skipped++;
      return;
    }
    const iso = new Date(ts).toISOString();
    if (iso > newest) newest = iso;
    const key = `${az.replace(/[a-z]$/, '')}|${type}|${os}`;
    let zones = latest.get(key);
    if (!zones) latest.set(key, (zones = new Map()));
    const prev = zones.get(az);
    if (!prev || iso > prev[0]) zones.set(az, [iso, price]);
  });
  if (!newest)
    throw new ImportError('empty', 'no spot price observations for a supported OS', {
      field: 'SpotPriceHistory',
    });
  w.header({
    offerCode: 'describe-spot-price-history',
    version: newest.slice(0, 10),
    publicationDate: newest,
  });
  for (const [key, zones] of latest) {
    const [region, type, os] = key.split('|') as [string, string, Os];
    let sum = new Decimal(0);
    for (const [, price] of zones.values()) sum = sum.plus(price);
    const mean = toUsdString(sum.div(zones.size).toDecimalPlaces(6, Decimal.ROUND_HALF_UP));
    if (mean === '0' || !w.instanceType(type, null)) {
      skipped++;
      continue;
    }
    w.region(region, undefined);
    w.ec2({
      region,
      instanceType: type,
      os,
      model: 'spot',
      termYears: 0,
      paymentOption: '',
      offeringClass: '',
      planType: '',
      upfrontUsd: '0',
      hourlyUsd: mean,
      effectiveHourlyUsd: mean,
    });
  }
  return { publicationDate: newest, observations: doc.SpotPriceHistory.length, skipped };
}
