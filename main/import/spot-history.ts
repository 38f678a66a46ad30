import type { OperatingSystem } from '@shared/catalog-types';
import { Decimal, toUsdString } from '@shared/money';
import type { ByteReader } from './byte-reader';
import type { CatalogSink } from './catalog-sink';
import { ImportError, type ImportErrorWhere } from './errors';
import { isObject, own, parseSlice, str } from './parse-slice';
import { canonicalPrice } from './price-string';
import { scanJson } from './scanner';

const OS_BY_DESCRIPTION: Record<string, OperatingSystem> = {
  'Linux/UNIX': 'linux',
  'Linux/UNIX (Amazon VPC)': 'linux',
  Windows: 'windows',
  'Windows (Amazon VPC)': 'windows',
  'Red Hat Enterprise Linux': 'rhel',
  'Red Hat Enterprise Linux (Amazon VPC)': 'rhel',
  'SUSE Linux': 'sles',
  'SUSE Linux (Amazon VPC)': 'sles',
};

export interface SpotResult {
  publicationDate: string;
  observations: number;
  skipped: number;
}

/**
 * `aws ec2 describe-spot-price-history --output json` → one 'spot' price per (region, type, OS).
 * Rule: take each Availability Zone's latest observation, then the mean across the region's AZs,
 * rounded half-up to 6 decimals (AWS quotes spot prices to 6). It is an observation, not a
 * guaranteed price; as-of = the newest timestamp in the file. Read with the same streaming scanner
 * as the offer files, so every observation's problems are reported at its byte offset.
 */
export async function readSpotHistory(reader: ByteReader, w: CatalogSink): Promise<SpotResult> {
  // (region, type, os) → AZ → latest [timestamp, price]
  const latest = new Map<
    string,
    { region: string; type: string; os: OperatingSystem; zones: Map<string, [string, string]> }
  >();
  let newest = '';
  let newestAt: ImportErrorWhere = {};
  let skipped = 0;
  let rows = 0;
  let sawHistory = false;
  await scanJson(reader, {
    topString() {},
    wants(depth, keys, parentIsArray) {
      if (depth === 2 && keys[1] === 'SpotPriceHistory') sawHistory = true;
      return depth === 3 && parentIsArray && keys[1] === 'SpotPriceHistory';
    },
    value(buf, start, end, _depth, _keys, byteOffset) {
      const field = `SpotPriceHistory[${rows++}]`;
      const row = parseSlice(buf.toString('utf8', start, end), byteOffset, field);
      if (!isObject(row)) throw new ImportError('bad-value', 'not an object', { byteOffset, field });
      const az = str(row.AvailabilityZone);
      const type = str(row.InstanceType);
      const ts = str(row.Timestamp);
      const os = own(OS_BY_DESCRIPTION, str(row.ProductDescription));
      if (!az || !type || !ts || Number.isNaN(Date.parse(ts))) {
        throw new ImportError('bad-value', 'needs AvailabilityZone, InstanceType and a Timestamp', {
          byteOffset,
          field,
        });
      }
      const price = canonicalPrice(row.SpotPrice, { byteOffset, field: `${field}.SpotPrice` });
      if (!os) {
        skipped++;
        return;
      }
      const iso = new Date(ts).toISOString();
      if (iso > newest) {
        newest = iso;
        newestAt = { byteOffset, field: `${field}.Timestamp` };
      }
      const region = az.replace(/[a-z]$/, '');
      const key = JSON.stringify([region, type, os]);
      let group = latest.get(key);
      if (!group) latest.set(key, (group = { region, type, os, zones: new Map() }));
      const zones = group.zones;
      const prev = zones.get(az);
      if (!prev || iso > prev[0]) zones.set(az, [iso, price]);
    },
  });
  if (!sawHistory) {
    throw new ImportError(
      'wrong-offer',
      'not describe-spot-price-history output (no SpotPriceHistory array)',
      {
        byteOffset: 0,
        field: 'SpotPriceHistory',
      },
    );
  }
  if (!newest)
    throw new ImportError('empty', 'no spot price observations for a supported OS', {
      byteOffset: reader.stats.bytesRead,
      field: 'SpotPriceHistory',
    });
  w.header(
    { offerCode: 'describe-spot-price-history', version: newest.slice(0, 10), publicationDate: newest },
    newestAt,
  );
  for (const { region, type, os, zones } of latest.values()) {
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
      instance_type: type,
      os,
      model: 'spot',
      term_years: 0,
      payment_option: '',
      offering_class: '',
      plan_type: '',
      upfront_usd: '0',
      hourly_usd: mean,
      effective_hourly_usd: mean,
    });
  }
  return { publicationDate: newest, observations: rows, skipped };
}
