import type { EbsPriceRow, EbsPrices, VolumeType } from '../catalog-types';
import { VOLUME_TYPES } from '../catalog-types';
import { InputError } from '../errors';
import { Decimal } from '../money';
import { GP3_MIBPS_PER_IOPS } from './performance';
import {
  maxIopsOf,
  MIN_PROVISIONED_IOPS,
  PROVISIONED_IOPS_TYPES,
  PROVISIONED_THROUGHPUT_TYPES,
  VOLUME_LIMITS,
} from './volume-limits';

/**
 * Monthly cost of one EBS volume, from the Amazon EBS pricing page (aws.amazon.com/ebs/pricing):
 * storage per GB-month (billed on provisioned GiB), gp3 IOPS above 3,000 and throughput above
 * 125 MiB/s, io1 every provisioned IOPS, io2 IOPS in three tiers (first 32,000 / next 32,000 / the
 * rest), magnetic `standard` per million I/O requests. gp2, st1 and sc1 charge storage only.
 */
export type VolumeCostDimension =
  'storage' | 'iops' | 'iops-tier2' | 'iops-tier3' | 'throughput' | 'io-requests';

export interface CostComponent {
  dimension: VolumeCostDimension;
  quantity: number;
  unit: string;
  unitUsd: Decimal;
  monthlyUsd: Decimal;
}

export interface VolumeCost {
  monthlyUsd: Decimal;
  components: CostComponent[];
}

export interface VolumeSpec {
  volumeType: VolumeType;
  sizeGiB: number;
  iops?: number | null;
  throughputMiBps?: number | null;
  ioRequestsPerMonthMillions?: number | null;
}

/** A price the calculation needs is absent (null) for this region; the caller shows "n/a". */
export class MissingPriceError extends Error {
  constructor(
    readonly region: string,
    readonly volumeType: VolumeType | 'snapshot',
    readonly price: string,
  ) {
    super(
      volumeType === 'snapshot'
        ? `no ${price} price in ${region}`
        : `no ${price} price for ${volumeType} in ${region}`,
    );
    this.name = 'MissingPriceError';
  }
}

export const UNITS: Record<VolumeCostDimension, string> = {
  storage: 'GiB-month',
  iops: 'IOPS-month',
  'iops-tier2': 'IOPS-month',
  'iops-tier3': 'IOPS-month',
  throughput: 'MiB/s-month',
  'io-requests': 'million I/O requests',
};

/** io2 IOPS tiers: the first 32,000 IOPS, the next 32,000, then the rest. */
export const IO2_TIER_SIZE_IOPS = 32000;

type PriceField = Exclude<keyof EbsPriceRow, 'volumeType'>;

const PRICE_NAMES: Record<PriceField, string> = {
  storageUsdPerGBMonth: 'storage',
  iopsUsdPerIopsMonth: 'IOPS',
  iopsTier2UsdPerIopsMonth: 'IOPS tier 2',
  iopsTier3UsdPerIopsMonth: 'IOPS tier 3',
  throughputUsdPerMiBpsMonth: 'throughput',
  ioRequestsUsdPerMillion: 'I/O request',
};

export function findPriceRow(prices: EbsPrices, volumeType: VolumeType): EbsPriceRow | null {
  return prices.volumes.find((row) => row.volumeType === volumeType) ?? null;
}

/** Reads one price as Decimal, or throws MissingPriceError naming the price and the region. */
export function requirePrice(prices: EbsPrices, volumeType: VolumeType, field: PriceField): Decimal {
  const value = findPriceRow(prices, volumeType)?.[field];
  if (value === null || value === undefined || value.trim() === '') {
    throw new MissingPriceError(prices.region, volumeType, PRICE_NAMES[field]);
  }
  return new Decimal(value);
}

function component(dimension: VolumeCostDimension, quantity: number, unitUsd: Decimal): CostComponent {
  return { dimension, quantity, unit: UNITS[dimension], unitUsd, monthlyUsd: unitUsd.times(quantity) };
}

function checkNumber(field: string, value: number, opts: { integer?: boolean } = {}): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, 'must be a number');
  if (value < 0) throw new InputError(field, 'must not be negative');
  if (opts.integer && !Number.isInteger(value)) throw new InputError(field, 'must be a whole number');
}

function isGiven(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

/**
 * Checks a volume against VOLUME_LIMITS and AWS's ratio rules; throws InputError naming the field.
 * IOPS are required for io1/io2 (AWS has no default) and default to 3,000 on gp3.
 */
export function validateVolume(v: VolumeSpec): void {
  if (!(VOLUME_TYPES as readonly string[]).includes(v.volumeType)) {
    throw new InputError('volumeType', `unknown volume type "${String(v.volumeType)}"`);
  }
  const limits = VOLUME_LIMITS[v.volumeType];
  checkNumber('sizeGiB', v.sizeGiB, { integer: true });
  if (v.sizeGiB < limits.minSizeGiB || v.sizeGiB > limits.maxSizeGiB) {
    throw new InputError(
      'sizeGiB',
      `${v.volumeType} volumes are ${limits.minSizeGiB}-${limits.maxSizeGiB} GiB; got ${v.sizeGiB}`,
    );
  }
  const takesIops = PROVISIONED_IOPS_TYPES.includes(v.volumeType);
  if (isGiven(v.iops)) {
    checkNumber('iops', v.iops, { integer: true });
    if (!takesIops) throw new InputError('iops', `${v.volumeType} does not take provisioned IOPS`);
  } else if (v.volumeType === 'io1' || v.volumeType === 'io2') {
    throw new InputError('iops', `${v.volumeType} needs provisioned IOPS`);
  }
  if (isGiven(v.throughputMiBps)) {
    checkNumber('throughputMiBps', v.throughputMiBps, { integer: true });
    if (!PROVISIONED_THROUGHPUT_TYPES.includes(v.volumeType)) {
      throw new InputError('throughputMiBps', `${v.volumeType} does not take provisioned throughput`);
    }
  }
  if (isGiven(v.ioRequestsPerMonthMillions)) {
    checkNumber('ioRequestsPerMonthMillions', v.ioRequestsPerMonthMillions);
    if (v.volumeType !== 'standard' && v.ioRequestsPerMonthMillions > 0) {
      throw new InputError('ioRequestsPerMonthMillions', `${v.volumeType} does not bill I/O requests`);
    }
  }
  if (!takesIops) return;

  // gp3 defaults to (and takes at least) its free baseline; io1/io2 were required to give IOPS above.
  const minIops = limits.volumeType === 'gp3' ? limits.baselineIops : MIN_PROVISIONED_IOPS;
  const iops = v.iops ?? minIops;
  if (iops < minIops)
    throw new InputError('iops', `${v.volumeType} takes at least ${minIops} IOPS; got ${iops}`);
  if (iops > limits.maxIopsPerVolume) {
    throw new InputError(
      'iops',
      `${v.volumeType} takes at most ${limits.maxIopsPerVolume} IOPS; got ${iops}`,
    );
  }
  // The per-GiB ratio limits IOPS above gp3's free baseline, which every gp3 size has (maxIopsOf).
  const perGiB = limits.maxIopsPerGiB;
  const maxIops = maxIopsOf(v.volumeType, v.sizeGiB);
  if (perGiB !== null && maxIops !== null && iops > maxIops) {
    throw new InputError(
      'iops',
      `${v.volumeType} allows at most ${perGiB} IOPS per GiB: ${v.sizeGiB} GiB takes up to ${maxIops} IOPS; got ${iops}`,
    );
  }
  if (limits.volumeType === 'gp3' && isGiven(v.throughputMiBps)) {
    const throughput = v.throughputMiBps;
    const base = limits.baselineThroughputMiBps;
    if (throughput < base) {
      throw new InputError('throughputMiBps', `gp3 takes at least ${base} MiB/s; got ${throughput}`);
    }
    if (throughput > limits.maxThroughputMiBpsPerVolume) {
      throw new InputError(
        'throughputMiBps',
        `gp3 takes at most ${limits.maxThroughputMiBpsPerVolume} MiB/s; got ${throughput}`,
      );
    }
    if (throughput > GP3_MIBPS_PER_IOPS * iops) {
      throw new InputError(
        'throughputMiBps',
        `gp3 allows at most ${GP3_MIBPS_PER_IOPS} MiB/s per provisioned IOPS: ${iops} IOPS take up to ${GP3_MIBPS_PER_IOPS * iops} MiB/s; got ${throughput}`,
      );
    }
  }
}

/** Splits io2 IOPS into the three billing tiers. */
export function io2IopsTiers(iops: number): [number, number, number] {
  const tier1 = Math.min(iops, IO2_TIER_SIZE_IOPS);
  const tier2 = Math.min(Math.max(iops - IO2_TIER_SIZE_IOPS, 0), IO2_TIER_SIZE_IOPS);
  const tier3 = Math.max(iops - 2 * IO2_TIER_SIZE_IOPS, 0);
  return [tier1, tier2, tier3];
}

/**
 * Prices a volume that has already been validated. Only components with a non-zero quantity are
 * listed (storage always); a price is only required when its quantity is above zero.
 */
export function priceValidatedVolume(prices: EbsPrices, v: VolumeSpec): VolumeCost {
  const t = v.volumeType;
  const components: CostComponent[] = [
    component('storage', v.sizeGiB, requirePrice(prices, t, 'storageUsdPerGBMonth')),
  ];
  const add = (dimension: VolumeCostDimension, quantity: number, field: PriceField): void => {
    if (quantity > 0) components.push(component(dimension, quantity, requirePrice(prices, t, field)));
  };
  switch (t) {
    case 'gp3': {
      const limits = VOLUME_LIMITS.gp3;
      add('iops', Math.max(0, (v.iops ?? 0) - limits.baselineIops), 'iopsUsdPerIopsMonth');
      add(
        'throughput',
        Math.max(0, (v.throughputMiBps ?? 0) - limits.baselineThroughputMiBps),
        'throughputUsdPerMiBpsMonth',
      );
      break;
    }
    case 'io1':
      add('iops', v.iops ?? 0, 'iopsUsdPerIopsMonth');
      break;
    case 'io2': {
      const [tier1, tier2, tier3] = io2IopsTiers(v.iops ?? 0);
      add('iops', tier1, 'iopsUsdPerIopsMonth');
      add('iops-tier2', tier2, 'iopsTier2UsdPerIopsMonth');
      add('iops-tier3', tier3, 'iopsTier3UsdPerIopsMonth');
      break;
    }
    case 'standard':
      add('io-requests', v.ioRequestsPerMonthMillions ?? 0, 'ioRequestsUsdPerMillion');
      break;
    case 'gp2':
    case 'st1':
    case 'sc1':
      break;
  }
  return { monthlyUsd: sumComponents(components), components };
}

export function sumComponents(components: readonly CostComponent[]): Decimal {
  return components.reduce((sum, c) => sum.plus(c.monthlyUsd), new Decimal(0));
}

/** Validates a volume, then prices it for a month. */
export function ebsVolumeMonthlyCost(prices: EbsPrices, v: VolumeSpec): VolumeCost {
  validateVolume(v);
  return priceValidatedVolume(prices, v);
}
