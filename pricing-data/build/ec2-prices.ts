import { Decimal, toUsdString } from '@shared/money';
import { effectiveHourlyUsd } from '@shared/pricing/rates';
import { wholeDollarUpfrontFee } from '@shared/pricing/upfront-fees';
import type { OperatingSystem } from '@shared/catalog-types';
import type { Ec2PriceDbRow } from '../../main/catalog/rows';
import { isRegionCode, priceOrNull, readCsv, readJson } from './read-snapshot';

/**
 * A price as the snapshot gives it: shared tenancy, no Savings Plans; the effective rate is derived
 * from upfront and hourly unless given, and the upfront fee is as published unless marked derived.
 */
type SnapshotPrice = Omit<
  Ec2PriceDbRow,
  'tenancy' | 'plan_type' | 'effective_hourly_usd' | 'upfront_source'
> & {
  effective_hourly_usd?: string;
  upfront_source?: Ec2PriceDbRow['upfront_source'];
};

const VANTAGE_OS: Record<string, OperatingSystem> = {
  linux: 'linux',
  mswin: 'windows',
  rhel: 'rhel',
  sles: 'sles',
  ubuntu: 'ubuntu',
};

export interface Ec2PriceData {
  regionNames: Map<string, string>;
  /** Types the pricing-page feed lists as current generation. */
  currentInFeed: Set<string>;
}

/** One price as a snapshot gives it (shared tenancy, no Savings Plans; the effective rate may be derived). */
export type { SnapshotPrice };

/**
 * The snapshot's EC2 prices, merged so that every figure comes from the newest source that has it:
 * a (region, type, OS, purchase model, term, payment option, offering class) figure read from a source
 * whose as-of date (sources.json) is older than the one already held is dropped, whatever the order the
 * files are read in. Taken per figure, a scope (region × model × OS) gets its newest source wherever
 * that source has the type, and an older one only for types the newer one lacks.
 */
export class NewestPrices {
  private readonly byKey = new Map<string, Ec2PriceDbRow>();

  constructor(private readonly sourceDates: ReadonlyMap<string, string>) {}

  private dateOf(sourceId: string): string {
    const d = this.sourceDates.get(sourceId);
    if (d === undefined) throw new Error(`price source ${sourceId} is not in sources.json`);
    return d;
  }

  put(row: SnapshotPrice): void {
    if (!isRegionCode(row.region)) return;
    const key = [
      row.region,
      row.instance_type,
      row.os,
      row.model,
      row.term_years,
      row.payment_option,
      row.offering_class,
    ].join('|');
    const held = this.byKey.get(key);
    // Equal dates: the later read wins (a file that lists a figure twice keeps its last).
    if (held && this.dateOf(held.source_id) > this.dateOf(row.source_id)) return;
    const termYears = row.term_years === 0 ? null : row.term_years;
    const effective =
      row.effective_hourly_usd ??
      toUsdString(effectiveHourlyUsd(new Decimal(row.upfront_usd), new Decimal(row.hourly_usd), termYears));
    // Every column written out (no spread): one object shape for all ~360k rows keeps the build fast.
    this.byKey.set(key, {
      region: row.region,
      instance_type: row.instance_type,
      os: row.os,
      tenancy: 'shared',
      model: row.model,
      term_years: row.term_years,
      payment_option: row.payment_option,
      offering_class: row.offering_class,
      plan_type: '',
      upfront_usd: row.upfront_usd,
      hourly_usd: row.hourly_usd,
      effective_hourly_usd: effective,
      source_id: row.source_id,
      upfront_source: row.upfront_source ?? 'published',
    });
  }

  /** An On-Demand price (no term, nothing upfront). */
  onDemand(region: string, type: string, os: OperatingSystem, price: string, source: string): void {
    this.put({
      region,
      instance_type: type,
      os,
      model: 'on-demand',
      term_years: 0,
      payment_option: '',
      offering_class: '',
      upfront_usd: '0',
      hourly_usd: price,
      source_id: source,
    });
  }

  rows(): Ec2PriceDbRow[] {
    return [...this.byKey.values()];
  }
}

/**
 * Reads the snapshot's EC2 price files into `prices` (which keeps the newest figure per key):
 * On-Demand Linux from Karpenter (us-east-1 and GovCloud, 2026-07), ec2instances.info (2026-05) and the
 * AWS feed (2025-04); other OS On-Demand, standard All Upfront RIs and spot averages from
 * ec2instances.info (2026-05); No Upfront RIs from the AWS feed (2025-04); older spot averages (2024-04).
 * The 2025-06 pricing-page copy is read by ./newer-ondemand.ts once region names are known.
 */
export function readEc2Prices(prices: NewestPrices): Ec2PriceData {
  const regionNames = new Map<string, string>();
  const currentInFeed = new Set<string>();
  const put = (row: SnapshotPrice) => prices.put(row);
  const od = prices.onDemand.bind(prices);
  const spot = (region: string, type: string, os: OperatingSystem, price: string, source: string) =>
    put({
      region,
      instance_type: type,
      os,
      model: 'spot',
      term_years: 0,
      payment_option: '',
      offering_class: '',
      upfront_usd: '0',
      hourly_usd: price,
      source_id: source,
    });

  for (const r of readCsv('ec2shop-ondemand-linux.csv')) {
    const p = priceOrNull(r.price_usd_per_hour);
    if (isRegionCode(r.region_code!)) regionNames.set(r.region_code!, r.location!);
    if (r.generation === 'current') currentInFeed.add(r.instance_type!);
    if (p) od(r.region_code!, r.instance_type!, 'linux', p, 'ec2shop-od-2025-04');
  }
  for (const r of readCsv('vantage-opszero-linux-ondemand-spotavg-2024-04.csv')) {
    const s = priceOrNull(r.spot_avg_linux_usd_per_hour);
    if (s) spot(r.region_code!, r.instance_type!, 'linux', s, 'opszero-spot-2024-04');
  }
  for (const r of readCsv('ec2shop-reserved-linux-shared-noupfront.csv')) {
    const p = priceOrNull(r.effective_hourly_usd);
    if (!p) continue;
    put({
      region: r.region_code!,
      instance_type: r.instance_type!,
      os: 'linux',
      model: 'reserved',
      term_years: r.lease_contract_length === '3yr' ? 3 : 1,
      payment_option: 'no-upfront',
      offering_class: r.offering_class === 'convertible' ? 'convertible' : 'standard',
      upfront_usd: '0',
      hourly_usd: p,
      source_id: 'ec2shop-ri-2025-04',
    });
  }
  for (const r of readCsv('vantage-ec2-prices-by-region-os.csv')) {
    const os = VANTAGE_OS[r.operating_system!];
    if (!os) continue;
    const region = r.region_code!;
    const type = r.instance_type!;
    const p = priceOrNull(r.ondemand_usd_per_hour);
    if (p) od(region, type, os, p, 'vantage-2026-05');
    const s = priceOrNull(r.spot_avg_usd_per_hour);
    if (s) spot(region, type, os, s, 'vantage-2026-05');
    for (const term of [1, 3] as const) {
      const eff = priceOrNull(r[`reserved_${term}yr_standard_allupfront_effective_usd_per_hour`]);
      if (!eff) continue;
      // Only the effective rate is published: the fee is the whole-dollar fee it rounds from
      // (0.056393 × 8,760 = 494.00268 → 494), and the effective rate is then fee ÷ term hours, as an
      // import of AWS's offer file would store it.
      put({
        region,
        instance_type: type,
        os,
        model: 'reserved',
        term_years: term,
        payment_option: 'all-upfront',
        offering_class: 'standard',
        upfront_usd: toUsdString(upfrontFee(eff, term, `${type} ${region} ${os}`)),
        hourly_usd: '0',
        source_id: 'vantage-2026-05',
        upfront_source: 'derived',
      });
    }
  }
  const karpenter = readJson<{ prices: Record<string, Record<string, number | string>> }>(
    'karpenter-ondemand-linux-prices.json',
  );
  for (const [region, types] of Object.entries(karpenter.prices)) {
    for (const [type, price] of Object.entries(types)) {
      // The JSON carries Karpenter's Go literals; String() of a JSON number keeps its shortest decimal form.
      const p = priceOrNull(String(price));
      if (p) od(region, type, 'linux', p, 'karpenter-od-2026-07');
    }
  }
  return { regionNames, currentInFeed };
}

/** The whole-dollar All Upfront fee of a snapshot effective rate; a rate that fits none stops the build. */
function upfrontFee(effective: string, termYears: 1 | 3, what: string): Decimal {
  try {
    return wholeDollarUpfrontFee(new Decimal(effective), termYears);
  } catch (err) {
    throw new Error(`${what} ${termYears}-year All Upfront: ${(err as Error).message}`, { cause: err });
  }
}
