import type { EbsPrices } from '../catalog-types';
import {
  explanation,
  num,
  rateText,
  sumExplanation,
  type Explanation,
  type ExplanationRow,
} from '../explanation';
import { Decimal } from '../money';
import type { FastSnapshotRestore, Volume } from '../scenario/schema';
import { MissingPriceError } from './cost';
import { fastSnapshotRestoreRate } from './fast-snapshot-restore';
import { snapshotMonthlyCost } from './snapshots';
import { GP3_BASELINE_IOPS, GP3_BASELINE_THROUGHPUT_MIBPS } from './volume-limits';

/**
 * EBS figures as arithmetic: a volume's (or a layout's) capacity, IOPS, throughput and I/O request
 * parts, snapshot storage and fast snapshot restore, each with the catalog row it used (the region's
 * EBS prices, their source and date). Values follow the EBS engine's own functions.
 */

/** How many volumes a figure is for: a whole number, or instance-hours over the period for 'running'. */
export interface VolumeCount {
  num: Decimal;
  den: Decimal;
}

const PART_LABELS: Record<string, string> = {
  storage: 'Capacity',
  iops: 'IOPS',
  'iops-tier2': 'IOPS (32,001-64,000)',
  'iops-tier3': 'IOPS (above 64,000)',
  throughput: 'Throughput',
  'io-requests': 'I/O requests',
};

/** gp3 bills only what is provisioned above its free baseline (shared/ebs/cost.ts). */
const GP3_PART_LABELS: Record<string, string> = {
  iops: `IOPS above the free ${GP3_BASELINE_IOPS.toLocaleString('en-US')}`,
  throughput: `Throughput above the free ${GP3_BASELINE_THROUGHPUT_MIBPS} MiB/s`,
};

/** The quantity's own unit, from the price unit ("GiB-month" → "GiB"). */
const quantityUnit = (unit: string) => unit.replace(/-month$/, '');

function ebsRow(prices: EbsPrices, what: string, rate: Decimal.Value, unit: string): ExplanationRow {
  return {
    what: `${what} in ${prices.region}`,
    rate: rateText(rate),
    unit: `USD per ${unit}`,
    sourceId: prices.sourceId,
    asOf: prices.asOf,
  };
}

/** "4 × " or "100 ÷ 168 × ": the volumes a per-volume figure is multiplied by. */
function times(count: VolumeCount): string {
  if (count.den.eq(1)) return `${num(count.num)} × `;
  return `${num(count.num)} ÷ ${num(count.den)} × `;
}

const scaled = (value: Decimal, count: VolumeCount) => value.times(count.num).div(count.den);

export interface ComponentLike {
  dimension: string;
  /** Per volume. */
  quantity: number;
  unit: string;
  unitUsd: Decimal.Value;
}

/**
 * A volume kind's monthly storage: each priced part as "4 × 100 GiB × 0.08 USD/GiB-month", for
 * `count` volumes; `monthlyUsd` is the engine's figure (null: not priced).
 */
export function explainVolumeComponents(
  label: string,
  components: readonly ComponentLike[],
  monthlyUsd: string | null,
  count: VolumeCount,
  prices: EbsPrices | undefined,
  volumeType?: string,
): Explanation {
  if (prices === undefined || monthlyUsd === null) {
    return explanation(label, 'n/a — the catalog has no price for a part of this volume in its region', null);
  }
  const parts = components.map((c) => {
    const rate = new Decimal(c.unitUsd);
    return explanation(
      (volumeType === 'gp3' ? GP3_PART_LABELS[c.dimension] : undefined) ??
        PART_LABELS[c.dimension] ??
        c.dimension,
      `${times(count)}${num(c.quantity)} ${quantityUnit(c.unit)} × ${rateText(rate)} USD/${c.unit}`,
      scaled(rate.times(c.quantity), count),
      { rows: [ebsRow(prices, `${volumeType ?? ''} ${c.dimension}`.trim(), rate, c.unit)] },
    );
  });
  return sumExplanation(label, parts);
}

/** A volume's snapshot storage, as the snapshot engine works it (notes say how the GiB are counted). */
export function explainSnapshotStorage(
  v: Volume,
  count: VolumeCount,
  prices: EbsPrices | undefined,
): Explanation {
  const label = 'Snapshot storage';
  const policy = v.snapshot;
  if (!policy) return explanation(label, 'no snapshots', '0');
  if (prices === undefined)
    return explanation(label, 'n/a — the catalog has no EBS prices for this region', null);
  try {
    const snap = snapshotMonthlyCost(
      {
        volumeSizeGiB: v.sizeGiB,
        dailyChangePct: policy.dailyChangePct,
        frequency: policy.frequency,
        retentionCount: policy.retentionCount,
        tier: policy.tier,
      },
      prices,
    );
    const c = snap.components[0];
    if (!c) return explanation(label, '0 GiB stored', '0');
    return explanation(
      `${label} (${policy.tier} tier)`,
      `${times(count)}${num(snap.billedGiB)} GiB × ${rateText(c.unitUsd)} USD/GiB-month`,
      scaled(snap.monthlyUsd, count),
      {
        note: snap.notes.join(' '),
        rows: [ebsRow(prices, `snapshot ${policy.tier} storage`, c.unitUsd, 'GiB-month')],
      },
    );
  } catch (error) {
    if (error instanceof MissingPriceError) return explanation(label, `n/a — ${error.message}`, null);
    throw error;
  }
}

/** Fast snapshot restore: DSU-hours (snapshots × AZs × hours) × the price per DSU-hour. */
export function explainFastSnapshotRestore(
  fsr: FastSnapshotRestore,
  hoursPerMonth: number,
  count: VolumeCount,
  prices: EbsPrices | undefined,
  monthlyUsd: string | null,
): Explanation {
  const label = 'Fast snapshot restore';
  if (prices === undefined || monthlyUsd === null) {
    return explanation(label, 'n/a — the catalog has no fast snapshot restore price for this region', null);
  }
  try {
    const rate = fastSnapshotRestoreRate(prices);
    return explanation(
      label,
      `${times(count)}${fsr.snapshots} snapshot${fsr.snapshots === 1 ? '' : 's'} × ${fsr.availabilityZones} AZ${
        fsr.availabilityZones === 1 ? '' : 's'
      } × ${num(hoursPerMonth)} h × ${rateText(rate)} USD/DSU-hour`,
      monthlyUsd,
      {
        note: 'AWS bills one DSU-hour for each hour a snapshot has fast snapshot restore enabled in each Availability Zone.',
        rows: [ebsRow(prices, 'fast snapshot restore', rate, 'DSU-hour')],
      },
    );
  } catch (error) {
    if (error instanceof MissingPriceError) return explanation(label, `n/a — ${error.message}`, null);
    throw error;
  }
}

/**
 * An EBS layout's monthly cost (ebs.size): its components are summed over the stripe, so each part is
 * "volumes × per-volume quantity × rate".
 */
export function explainLayout(
  layout: {
    volumeType: string;
    volumes: number;
    sizeGiBPerVolume: number;
    monthlyUsd: string;
    components: readonly ComponentLike[];
  },
  prices: EbsPrices,
): Explanation {
  const perVolume = layout.components.map((c) => ({ ...c, quantity: c.quantity / layout.volumes }));
  return explainVolumeComponents(
    `${layout.volumes} × ${layout.volumeType} ${num(layout.sizeGiBPerVolume)} GiB, per month`,
    perVolume,
    layout.monthlyUsd,
    { num: new Decimal(layout.volumes), den: new Decimal(1) },
    prices,
    layout.volumeType,
  );
}
