import type { EbsPrices, InstanceSpec, VolumeType } from '../catalog-types';
import { VOLUME_TYPES } from '../catalog-types';
import { InputError } from '../errors';
import { Decimal, formatUsd } from '../money';
import { mbpsToMiBps } from '../units';
import type { CostComponent, VolumeCostDimension } from './cost';
import { MissingPriceError, ebsVolumeMonthlyCost, findPriceRow } from './cost';
import type { IoMedia, IoPattern } from './io-accounting';
import { IO_SIZE_CAP_KIB, countedIops, mediaOf, minOpsForThroughput, throughputMiBps } from './io-accounting';
import {
  GP2_BURST_IOPS,
  GP2_CREDIT_BUCKET,
  GP2_IOPS_PER_GIB,
  GP2_LARGE_THROUGHPUT_MIBPS,
  GP2_NO_BURST_FROM_GIB,
  GP2_SMALL_THROUGHPUT_MIBPS,
  GP2_THROUGHPUT_ALWAYS_FROM_GIB,
  GP2_THROUGHPUT_BURST_ABOVE_GIB,
  GP3_MIBPS_PER_IOPS,
  HDD_THROUGHPUT_PER_TIB,
  gp2BurstSeconds,
  hddBurstSeconds,
  provisionedIopsThroughputMiBps,
  volumePerformance,
} from './performance';
import { VOLUME_LIMITS } from './volume-limits';

/**
 * EBS sizing solver: for each volume type, the cheapest layout (N identical volumes striped as RAID 0)
 * that meets a capacity, IOPS and throughput requirement, within the instance's EBS limits.
 * Rules: Amazon EBS User Guide "Amazon EBS volume types" and "I/O characteristics"
 * (docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html, ebs-io-characteristics.html), instance
 * limits from "Amazon EBS-optimized instances" (docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html:
 * marked sizes "can support maximum performance for 30 minutes at least once every 24 hours").
 */

export interface InstanceEbsLimits {
  instanceType: string;
  baselineIops: number | null;
  maxIops: number | null;
  baselineThroughputMiBps: number | null;
  maxThroughputMiBps: number | null;
}

export interface SizingRequirement {
  capacityGiB: number;
  iops: number;
  throughputMiBps: number;
  /** Application I/O size; default 16 KiB. */
  ioSizeKiB?: number;
  /** Default 'random'. */
  pattern?: IoPattern;
  /** Share of the day at the peak, 0 < d ≤ 1; absent means sustained. */
  dutyCycle?: number;
  instance?: InstanceEbsLimits | null;
  /** Default 16. */
  maxStripeVolumes?: number;
  /** Default: every type except previous-generation `standard`. */
  volumeTypes?: VolumeType[];
  /**
   * 'fewest-volumes' (default): the fewest volumes that meet the need, cheapest at that count; a note
   * says when a wider gp3 stripe would be cheaper. 'cheapest': the cheapest over N = 1..maxStripeVolumes.
   */
  stripePolicy?: 'fewest-volumes' | 'cheapest';
}

export type BindingConstraint = 'capacity' | 'iops' | 'throughput' | 'ratio' | 'instance-cap' | 'burst';

export interface BurstInfo {
  kind: 'gp2-credits' | 'hdd-throughput';
  /** Seconds a full credit bucket sustains the required peak per volume. */
  durationSeconds: number;
}

export interface SizingOption {
  volumeType: VolumeType;
  volumes: number;
  sizeGiBPerVolume: number;
  iopsPerVolume: number | null;
  throughputMiBpsPerVolume: number | null;
  /** Counted operations/s the layout delivers at the peak, capped by the instance. */
  deliveredIops: number;
  deliveredThroughputMiBps: number;
  monthlyUsd: Decimal;
  /** Summed over the volumes. */
  components: CostComponent[];
  bindingConstraint: BindingConstraint;
  burst: BurstInfo | null;
  notes: string[];
}

export interface SizingResult {
  options: SizingOption[];
  infeasible: { volumeType: VolumeType; reason: string }[];
}

export const DEFAULT_IO_SIZE_KIB = 16;
export const MAX_IO_SIZE_KIB = 16 * 1024;
export const DEFAULT_MAX_STRIPE_VOLUMES = 16;
export const MAX_STRIPE_VOLUMES_LIMIT = 64;
export const SECONDS_PER_DAY = 86_400;
/** A month of 730 hours (the AWS Pricing Calculator's assumption), for magnetic I/O request counts. */
export const SECONDS_PER_MONTH = 730 * 3600;
/** AWS guarantees an instance's EBS maximum for 30 minutes at least once every 24 hours. */
export const INSTANCE_BURST_GUARANTEE_SECONDS = 30 * 60;

const DEFAULT_TYPES: VolumeType[] = VOLUME_TYPES.filter((t) => !VOLUME_LIMITS[t].previousGeneration);

/** Converts an instance spec's EBS figures (AWS quotes MB/s) to the solver's limits in MiB/s. */
export function instanceEbsLimits(
  spec: Pick<
    InstanceSpec,
    'instanceType' | 'ebsBaselineIops' | 'ebsMaxIops' | 'ebsBaselineThroughputMBps' | 'ebsMaxThroughputMBps'
  >,
): InstanceEbsLimits {
  const mib = (v: number | null): number | null => (v === null ? null : mbpsToMiBps(v));
  return {
    instanceType: spec.instanceType,
    baselineIops: spec.ebsBaselineIops,
    maxIops: spec.ebsMaxIops,
    baselineThroughputMiBps: mib(spec.ebsBaselineThroughputMBps),
    maxThroughputMiBps: mib(spec.ebsMaxThroughputMBps),
  };
}

// ---------------------------------------------------------------------------------------------
// Requirement normalisation

interface Need {
  capacityGiB: number;
  iops: number;
  ioSizeKiB: number;
  pattern: IoPattern;
  /** Required throughput: max(given, iops × size / 1,024). */
  throughputMiBps: number;
  dutyCycle: number;
  sustained: boolean;
  maxStripeVolumes: number;
  stripePolicy: 'fewest-volumes' | 'cheapest';
}

function finite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, 'must be a number');
  return value;
}

function validateInstance(instance: InstanceEbsLimits): void {
  const fields = ['baselineIops', 'maxIops', 'baselineThroughputMiBps', 'maxThroughputMiBps'] as const;
  for (const f of fields) {
    const v = instance[f];
    if (v === null) continue;
    if (finite(`instance.${f}`, v) <= 0) throw new InputError(`instance.${f}`, 'must be positive');
  }
}

function normalise(req: SizingRequirement): Need {
  const capacityGiB = finite('capacityGiB', req.capacityGiB);
  if (capacityGiB <= 0) throw new InputError('capacityGiB', 'must be more than 0 GiB');
  const iops = finite('iops', req.iops);
  if (iops < 0) throw new InputError('iops', 'must not be negative');
  const givenThroughput = finite('throughputMiBps', req.throughputMiBps);
  if (givenThroughput < 0) throw new InputError('throughputMiBps', 'must not be negative');
  const ioSizeKiB = finite('ioSizeKiB', req.ioSizeKiB ?? DEFAULT_IO_SIZE_KIB);
  if (ioSizeKiB < 1 || ioSizeKiB > MAX_IO_SIZE_KIB) {
    throw new InputError('ioSizeKiB', `must be 1-${MAX_IO_SIZE_KIB} KiB; got ${ioSizeKiB}`);
  }
  const pattern = req.pattern ?? 'random';
  if (pattern !== 'random' && pattern !== 'sequential') {
    throw new InputError('pattern', `must be 'random' or 'sequential'; got ${String(pattern)}`);
  }
  const dutyCycle = req.dutyCycle === undefined ? 1 : finite('dutyCycle', req.dutyCycle);
  if (dutyCycle <= 0 || dutyCycle > 1)
    throw new InputError('dutyCycle', `must be above 0 and at most 1; got ${dutyCycle}`);
  const maxStripeVolumes = finite('maxStripeVolumes', req.maxStripeVolumes ?? DEFAULT_MAX_STRIPE_VOLUMES);
  if (
    !Number.isInteger(maxStripeVolumes) ||
    maxStripeVolumes < 1 ||
    maxStripeVolumes > MAX_STRIPE_VOLUMES_LIMIT
  ) {
    throw new InputError('maxStripeVolumes', `must be a whole number 1-${MAX_STRIPE_VOLUMES_LIMIT}`);
  }
  for (const t of req.volumeTypes ?? []) {
    if (!(VOLUME_TYPES as readonly string[]).includes(t))
      throw new InputError('volumeTypes', `unknown volume type "${t}"`);
  }
  const stripePolicy = req.stripePolicy ?? 'fewest-volumes';
  if (stripePolicy !== 'fewest-volumes' && stripePolicy !== 'cheapest') {
    throw new InputError('stripePolicy', `must be 'fewest-volumes' or 'cheapest'`);
  }
  if (req.instance) validateInstance(req.instance);
  return {
    capacityGiB,
    iops,
    ioSizeKiB,
    pattern,
    throughputMiBps: Math.max(givenThroughput, throughputMiBps(iops, ioSizeKiB)),
    dutyCycle,
    sustained: dutyCycle === 1,
    maxStripeVolumes,
    stripePolicy,
  };
}

/**
 * Counted operations/s a type must deliver: the requirement's I/Os through the I/O-size rule, and never
 * fewer than the throughput needs (each counted operation carries at most 256 KiB SSD / 1,024 KiB HDD).
 */
function countedOpsFor(need: Need, media: IoMedia): number {
  const counted = countedIops({ media, ioSizeKiB: need.ioSizeKiB, iops: need.iops, pattern: need.pattern });
  return Math.max(counted, minOpsForThroughput(media, need.throughputMiBps));
}

// ---------------------------------------------------------------------------------------------
// Instance limits

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

interface InstanceCheck {
  /** Why no layout works on this instance, or null. */
  reason: string | null;
  /** What the instance lets through during the peak (baseline when sustained, maximum with a duty cycle). */
  iopsCap: number | null;
  throughputCapMiBps: number | null;
  /** Notes when the peak needs the instance's own EBS burst. */
  burstNotes: string[];
}

function checkInstance(need: Need, instance: InstanceEbsLimits | null | undefined): InstanceCheck {
  const none: InstanceCheck = { reason: null, iopsCap: null, throughputCapMiBps: null, burstNotes: [] };
  if (!instance) return none;
  const name = instance.instanceType;
  const dims = [
    { unit: 'IOPS', need: need.iops, base: instance.baselineIops, max: instance.maxIops },
    {
      unit: 'MiB/s',
      need: need.throughputMiBps,
      base: instance.baselineThroughputMiBps,
      max: instance.maxThroughputMiBps,
    },
  ];
  const caps: (number | null)[] = [];
  const overBaseline: { need: string; base: string; max: string }[] = [];
  for (const d of dims) {
    const sustainedCap = d.base ?? d.max;
    const peakCap = d.max ?? d.base;
    caps.push(need.sustained ? sustainedCap : peakCap);
    if (sustainedCap === null || peakCap === null) continue;
    const show = (n: number): string => `${fmt(n)} ${d.unit}`;
    if (need.sustained) {
      if (d.need > sustainedCap) {
        const burstHint =
          peakCap > sustainedCap
            ? `; its ${show(peakCap)} maximum is only guaranteed for 30 minutes at least once every 24 hours — give a duty cycle if the peak is short`
            : '';
        return {
          ...none,
          reason: `${name} delivers at most ${show(sustainedCap)} sustained (its EBS baseline), below the ${show(d.need)} required${burstHint}`,
        };
      }
      continue;
    }
    if (d.need > peakCap) {
      return {
        ...none,
        reason: `${name} delivers at most ${show(peakCap)} (its EBS maximum), below the ${show(d.need)} required`,
      };
    }
    const average = d.need * need.dutyCycle;
    if (average > sustainedCap) {
      return {
        ...none,
        reason: `${name} sustains ${show(sustainedCap)} (its EBS baseline); ${show(d.need)} for ${fmt(need.dutyCycle * 100)}% of the day averages ${show(average)}, above it`,
      };
    }
    if (d.need > sustainedCap)
      overBaseline.push({ need: show(d.need), base: show(sustainedCap), max: show(peakCap) });
  }
  const burstNotes: string[] = [];
  if (overBaseline.length > 0) {
    const join = (key: 'need' | 'base' | 'max'): string => overBaseline.map((o) => o[key]).join(' and ');
    const peakSeconds = need.dutyCycle * SECONDS_PER_DAY;
    const beyond =
      peakSeconds > INSTANCE_BURST_GUARANTEE_SECONDS
        ? ` A ${fmt(need.dutyCycle * 100)}% duty cycle is ${fmt(peakSeconds / 3600)} h a day, longer than that guarantee if it comes in one stretch.`
        : '';
    burstNotes.push(
      `Meets the peak only thanks to ${name}'s EBS burst: ${join('need')} ${overBaseline.length > 1 ? 'are' : 'is'} above its baseline (${join('base')}) and within its maximum (${join('max')}), which AWS guarantees for 30 minutes at least once every 24 hours.${beyond}`,
    );
  }
  return { reason: null, iopsCap: caps[0] ?? null, throughputCapMiBps: caps[1] ?? null, burstNotes };
}

// ---------------------------------------------------------------------------------------------
// Per-type layouts for N volumes

interface Driver {
  constraint: BindingConstraint;
  dimension: VolumeCostDimension;
  /** Per-volume quantity above what the capacity alone would need. */
  quantity: number;
}

interface Layout {
  volumes: number;
  sizeGiB: number;
  iops: number | null;
  throughputMiBps: number | null;
  ioRequestsPerMonthMillions: number | null;
  /** Per-volume peak the layout delivers (before the instance cap). */
  peakIops: number;
  peakThroughputMiBps: number;
  drivers: Driver[];
  /** Set when the size (not the price) is what the requirement pushed: gp2/st1/sc1/standard. */
  sizeSetBy: BindingConstraint | null;
  burst: BurstInfo | null;
  notes: string[];
}

interface PerVolumeNeed {
  volumes: number;
  capacityGiB: number;
  ops: number;
  throughputMiBps: number;
  dutyCycle: number;
  sustained: boolean;
}

/** Rounds up, forgiving float noise (60000.0000001 → 60000). */
function ceilSafe(x: number): number {
  return Math.ceil(x - 1e-9);
}

function perVolume(type: VolumeType, need: Need, ops: number, volumes: number): PerVolumeNeed {
  const limits = VOLUME_LIMITS[type];
  return {
    volumes,
    capacityGiB: Math.max(limits.minSizeGiB, ceilSafe(need.capacityGiB / volumes)),
    ops: ops / volumes,
    throughputMiBps: need.throughputMiBps / volumes,
    dutyCycle: need.dutyCycle,
    sustained: need.sustained,
  };
}

function layoutGp3(p: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.gp3;
  const baseIops = limits.baselineIops ?? 3000;
  const baseThroughput = limits.baselineThroughputMiBps ?? 125;
  const throughput = Math.max(baseThroughput, ceilSafe(p.throughputMiBps));
  const iopsForOps = Math.max(baseIops, ceilSafe(p.ops));
  // Throughput ≤ 0.25 MiB/s per provisioned IOPS: raise the IOPS when the throughput needs it.
  const iops = Math.max(iopsForOps, ceilSafe(throughput / GP3_MIBPS_PER_IOPS));
  // IOPS ≤ 500 per GiB: grow the size when the IOPS need it.
  const sizeGiB = Math.max(p.capacityGiB, ceilSafe(iops / (limits.maxIopsPerGiB ?? 500)));
  if (iops > limits.maxIopsPerVolume || throughput > limits.maxThroughputMiBpsPerVolume) return null;
  if (sizeGiB > limits.maxSizeGiB) return null;
  return {
    volumes: p.volumes,
    sizeGiB,
    iops,
    throughputMiBps: throughput,
    ioRequestsPerMonthMillions: null,
    peakIops: iops,
    peakThroughputMiBps: throughput,
    drivers: [
      { constraint: 'ratio', dimension: 'storage', quantity: sizeGiB - p.capacityGiB },
      { constraint: 'iops', dimension: 'iops', quantity: iopsForOps - baseIops },
      { constraint: 'ratio', dimension: 'iops', quantity: iops - iopsForOps },
      { constraint: 'throughput', dimension: 'throughput', quantity: throughput - baseThroughput },
    ],
    sizeSetBy: null,
    burst: null,
    notes: [],
  };
}

/**
 * gp2 sized for a sustained need: baseline 3 IOPS/GiB (min 100) covers the operations; above 128 MiB/s
 * needs 334 GiB (250 MiB/s without credits).
 */
function gp2SustainedSize(p: PerVolumeNeed): { sizeGiB: number; setBy: BindingConstraint } {
  const forIops = p.ops <= 100 ? 0 : ceilSafe(p.ops / GP2_IOPS_PER_GIB);
  const forThroughput = p.throughputMiBps <= GP2_SMALL_THROUGHPUT_MIBPS ? 0 : GP2_THROUGHPUT_ALWAYS_FROM_GIB;
  const sizeGiB = Math.max(p.capacityGiB, forIops, forThroughput);
  const setBy = sizeGiB === p.capacityGiB ? 'capacity' : sizeGiB === forIops ? 'iops' : 'throughput';
  return { sizeGiB, setBy };
}

/**
 * gp2 burst rule (a duty cycle d < 1, taken as one contiguous peak of d × 24 h a day; zero demand
 * otherwise). A volume below its baseline is accepted when (1) the peak is at most the 3,000 IOPS burst,
 * (2) the day's credits balance: d × peak ≤ baseline, so the off-peak refill (at the baseline rate)
 * repays what the peak drew, and (3) a full 5.4M-credit bucket lasts the whole peak:
 * (peak − baseline) × d × 86,400 ≤ 5,400,000, i.e. baseline ≥ peak − 62.5 / d. Throughput above
 * 128 MiB/s needs more than 170 GiB (250 MiB/s with credits).
 */
function gp2BurstSize(p: PerVolumeNeed): { sizeGiB: number; setBy: BindingConstraint } | null {
  if (p.sustained || p.ops > GP2_BURST_IOPS || p.throughputMiBps > GP2_LARGE_THROUGHPUT_MIBPS) return null;
  const baselineFor = (iops: number): number => (iops <= 100 ? 0 : ceilSafe(iops / GP2_IOPS_PER_GIB));
  const forAverage = baselineFor(p.dutyCycle * p.ops);
  const forBucket = baselineFor(p.ops - GP2_CREDIT_BUCKET / SECONDS_PER_DAY / p.dutyCycle);
  const forThroughput =
    p.throughputMiBps <= GP2_SMALL_THROUGHPUT_MIBPS ? 0 : GP2_THROUGHPUT_BURST_ABOVE_GIB + 1;
  const sizeGiB = Math.max(p.capacityGiB, forAverage, forBucket, forThroughput);
  if (sizeGiB >= GP2_NO_BURST_FROM_GIB) return null;
  const setBy = sizeGiB === p.capacityGiB ? 'capacity' : sizeGiB === forThroughput ? 'throughput' : 'burst';
  return { sizeGiB, setBy };
}

function layoutGp2(p: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.gp2;
  if (p.ops > limits.maxIopsPerVolume || p.throughputMiBps > limits.maxThroughputMiBpsPerVolume) return null;
  const sustained = gp2SustainedSize(p);
  const burst = gp2BurstSize(p);
  const useBurst = burst !== null && burst.sizeGiB < sustained.sizeGiB;
  const chosen = useBurst ? burst : sustained;
  if (chosen.sizeGiB > limits.maxSizeGiB) return null;
  const perf = volumePerformance('gp2', chosen.sizeGiB);
  const notes: string[] = [];
  let burstInfo: BurstInfo | null = null;
  if (useBurst) {
    const seconds = gp2BurstSeconds(chosen.sizeGiB, p.ops);
    if (seconds !== null) burstInfo = { kind: 'gp2-credits', durationSeconds: seconds };
    notes.push(
      `gp2 relies on burst credits: ${fmt(p.ops)} IOPS per volume for ${fmt(p.dutyCycle * 100)}% of the day is above the ${fmt(perf.baselineIops)} IOPS baseline of ${fmt(chosen.sizeGiB)} GiB. Accepted because the peak is within the 3,000 IOPS burst, the daily average is within the baseline, and a full 5.4M-credit bucket lasts the whole peak if it comes in one stretch` +
        (seconds === null ? '.' : ` (${fmt(seconds / 60)} min at the peak).`),
    );
  }
  const deliveredIops = useBurst ? Math.max(perf.baselineIops, perf.burstIops ?? 0) : perf.baselineIops;
  const ssdThroughput = (deliveredIops * IO_SIZE_CAP_KIB.ssd) / 1024;
  const sizeThroughput = useBurst ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps;
  return {
    volumes: p.volumes,
    sizeGiB: chosen.sizeGiB,
    iops: null,
    throughputMiBps: null,
    ioRequestsPerMonthMillions: null,
    peakIops: deliveredIops,
    peakThroughputMiBps: Math.min(sizeThroughput, ssdThroughput),
    drivers: [{ constraint: chosen.setBy, dimension: 'storage', quantity: chosen.sizeGiB - p.capacityGiB }],
    sizeSetBy: chosen.setBy,
    burst: burstInfo,
    notes,
  };
}

/** io1/io2 IOPS needed for a throughput: io2 and io1 ≤ 500 MiB/s at 256 KiB per IOPS; io1 above at 16 KiB. */
function iopsForThroughput(type: 'io1' | 'io2', throughput: number): number | null {
  if (throughput > VOLUME_LIMITS[type].maxThroughputMiBpsPerVolume) return null;
  if (type === 'io2' || throughput <= 500) return ceilSafe(throughput * 4);
  return Math.max(32001, ceilSafe((throughput * 1024) / 16));
}

function layoutProvisioned(type: 'io1' | 'io2', p: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS[type];
  const forOps = Math.max(100, ceilSafe(p.ops));
  const forThroughput = iopsForThroughput(type, p.throughputMiBps);
  if (forThroughput === null) return null;
  const iops = Math.max(forOps, forThroughput);
  const sizeGiB = Math.max(p.capacityGiB, ceilSafe(iops / (limits.maxIopsPerGiB ?? 50)));
  if (iops > limits.maxIopsPerVolume || sizeGiB > limits.maxSizeGiB) return null;
  return {
    volumes: p.volumes,
    sizeGiB,
    iops,
    throughputMiBps: null,
    ioRequestsPerMonthMillions: null,
    peakIops: iops,
    peakThroughputMiBps: provisionedIopsThroughputMiBps(type, iops),
    drivers: [
      { constraint: 'ratio', dimension: 'storage', quantity: sizeGiB - p.capacityGiB },
      {
        constraint: forOps >= forThroughput ? 'iops' : 'throughput',
        dimension: 'iops',
        quantity: iops - 100,
      },
    ],
    sizeSetBy: null,
    burst: null,
    notes: [],
  };
}

/**
 * st1/sc1: sustained throughput needs baseline (40 or 12 MiB/s per TiB) ≥ the need. With a duty cycle
 * d < 1 (one contiguous peak of d × 24 h, zero demand otherwise) a smaller volume is accepted when
 * (1) its burst (250 or 80 MiB/s per TiB) covers the peak, (2) d × peak ≤ baseline (the day's credits
 * balance) and (3) a full bucket (1 TiB of credits per TiB) lasts the peak:
 * (peak − baseline) × d × 86,400 ≤ sizeTiB × 1,048,576 MiB.
 */
function layoutHdd(type: 'st1' | 'sc1', p: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS[type];
  const rule = HDD_THROUGHPUT_PER_TIB[type];
  // AWS ("Inefficiency of small read/writes on HDD", EBS User Guide): an I/O of 1 MiB or less counts as
  // a 1 MiB throughput credit (sequential ones merged first), so each counted operation spends 1 MiB.
  const t = Math.max(p.throughputMiBps, p.ops * (IO_SIZE_CAP_KIB.hdd / 1024));
  if (p.ops > limits.maxIopsPerVolume || t > rule.cap) return null;
  const forBaseline = ceilSafe((t * 1024) / rule.baseline);
  const sustainedSize = Math.max(p.capacityGiB, forBaseline);
  let sizeGiB = sustainedSize;
  let setBy: BindingConstraint = sustainedSize === p.capacityGiB ? 'capacity' : 'throughput';
  let burst: BurstInfo | null = null;
  const notes: string[] = [];
  if (!p.sustained && t > 0) {
    const d = p.dutyCycle;
    const forBurst = ceilSafe((t * 1024) / rule.burst);
    const forAverage = ceilSafe((d * t * 1024) / rule.baseline);
    // (t − baseline(s)) × d × 86,400 ≤ 1,024 × s, with baseline(s) = rule.baseline × s / 1,024.
    const forBucket = ceilSafe(
      (t * d * SECONDS_PER_DAY) / (1024 + (rule.baseline * d * SECONDS_PER_DAY) / 1024),
    );
    const burstSize = Math.max(p.capacityGiB, forBurst, forAverage, forBucket);
    if (burstSize < sustainedSize) {
      const seconds = hddBurstSeconds(type, burstSize, t);
      sizeGiB = burstSize;
      setBy = burstSize === p.capacityGiB ? 'capacity' : 'burst';
      if (seconds !== null) {
        burst = { kind: 'hdd-throughput', durationSeconds: seconds };
        notes.push(
          `${type} relies on burst throughput: ${fmt(t)} MiB/s per volume for ${fmt(d * 100)}% of the day is above the ${fmt(volumePerformance(type, burstSize).baselineThroughputMiBps)} MiB/s baseline of ${fmt(burstSize)} GiB. Accepted because the burst covers the peak, the daily average is within the baseline, and a full credit bucket lasts ${fmt(seconds / 60)} min at the peak, enough for one stretch of ${fmt((d * SECONDS_PER_DAY) / 60)} min.`,
        );
      }
    }
  }
  if (sizeGiB > limits.maxSizeGiB) return null;
  const perf = volumePerformance(type, sizeGiB);
  return {
    volumes: p.volumes,
    sizeGiB,
    iops: null,
    throughputMiBps: null,
    ioRequestsPerMonthMillions: null,
    peakIops: perf.baselineIops,
    peakThroughputMiBps: burst ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps,
    drivers: [{ constraint: setBy, dimension: 'storage', quantity: sizeGiB - p.capacityGiB }],
    sizeSetBy: setBy,
    burst,
    notes,
  };
}

/** Magnetic: best effort, planned at about 100 IOPS and 40 MiB/s per volume whatever the size. */
function layoutStandard(p: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.standard;
  const perf = volumePerformance('standard', p.capacityGiB);
  if (p.capacityGiB > limits.maxSizeGiB) return null;
  if (p.ops > perf.baselineIops || p.throughputMiBps > perf.baselineThroughputMiBps) return null;
  // I/O requests billed per million: the average counted rate over a 730-hour month.
  const ioRequestsPerMonthMillions = (p.ops * p.dutyCycle * SECONDS_PER_MONTH) / 1_000_000;
  return {
    volumes: p.volumes,
    sizeGiB: p.capacityGiB,
    iops: null,
    throughputMiBps: null,
    ioRequestsPerMonthMillions,
    peakIops: perf.baselineIops,
    peakThroughputMiBps: perf.baselineThroughputMiBps,
    drivers: [],
    sizeSetBy: 'capacity',
    burst: null,
    notes: [
      `Previous-generation magnetic: best-effort performance, planned at ${fmt(perf.baselineIops)} IOPS and ${fmt(perf.baselineThroughputMiBps)} MiB/s per volume; I/O requests estimated at ${fmt(p.ops * p.dutyCycle)} counted operations/s on average over a 730-hour month.`,
    ],
  };
}

function layoutFor(type: VolumeType, p: PerVolumeNeed): Layout | null {
  switch (type) {
    case 'gp3':
      return layoutGp3(p);
    case 'gp2':
      return layoutGp2(p);
    case 'io1':
    case 'io2':
      return layoutProvisioned(type, p);
    case 'st1':
    case 'sc1':
      return layoutHdd(type, p);
    case 'standard':
      return layoutStandard(p);
  }
}

/** The most a single volume of a type can deliver for the need's regime (for bounds and reasons). */
function perVolumeCeiling(type: VolumeType, sustained: boolean): { ops: number; throughputMiBps: number } {
  const limits = VOLUME_LIMITS[type];
  switch (type) {
    case 'gp2':
      return {
        ops: sustained ? limits.maxIopsPerVolume : Math.max(GP2_BURST_IOPS, limits.maxIopsPerVolume),
        throughputMiBps: limits.maxThroughputMiBpsPerVolume,
      };
    case 'st1':
    case 'sc1': {
      const perf = volumePerformance(type, limits.maxSizeGiB);
      return {
        ops: limits.maxIopsPerVolume,
        throughputMiBps: sustained ? perf.baselineThroughputMiBps : perf.maxThroughputMiBps,
      };
    }
    case 'standard': {
      const perf = volumePerformance('standard', limits.maxSizeGiB);
      return { ops: perf.baselineIops, throughputMiBps: perf.baselineThroughputMiBps };
    }
    default:
      return { ops: limits.maxIopsPerVolume, throughputMiBps: limits.maxThroughputMiBpsPerVolume };
  }
}

function infeasibleReason(type: VolumeType, need: Need, ops: number): string {
  const limits = VOLUME_LIMITS[type];
  const n = need.maxStripeVolumes;
  const ceiling = perVolumeCeiling(type, need.sustained);
  const across = (perVolume: number, unit: string): string =>
    n > 1
      ? `${fmt(perVolume)} ${unit} per volume, ${fmt(perVolume * n)} across ${n} volumes`
      : `${fmt(perVolume)} ${unit}`;
  if (ops > ceiling.ops * n) {
    const media = mediaOf(type);
    const counted = countedIops({ media, ioSizeKiB: need.ioSizeKiB, iops: need.iops, pattern: need.pattern });
    const what =
      counted >= ops && need.iops > 0
        ? `${fmt(need.iops)} IOPS of ${fmt(need.ioSizeKiB)} KiB ${need.pattern} I/O counts as ${fmt(ops)} operations`
        : `${fmt(need.throughputMiBps)} MiB/s needs at least ${fmt(ops)} operations of up to ${IO_SIZE_CAP_KIB[media]} KiB`;
    return `${type}: ${what}; ${type} delivers at most ${across(ceiling.ops, 'operations/s')}`;
  }
  if (need.throughputMiBps > ceiling.throughputMiBps * n) {
    const regime = type === 'st1' || type === 'sc1' ? (need.sustained ? ' sustained' : ' at burst') : '';
    return `${type}: ${fmt(need.throughputMiBps)} MiB/s required; ${type} delivers at most ${across(ceiling.throughputMiBps, 'MiB/s')}${regime}`;
  }
  if (need.capacityGiB > limits.maxSizeGiB * n) {
    return `${type}: ${fmt(need.capacityGiB)} GiB needs more than ${n} volumes of at most ${fmt(limits.maxSizeGiB)} GiB`;
  }
  return `${type}: no layout of up to ${n} volumes meets ${fmt(need.capacityGiB)} GiB, ${fmt(ops)} counted operations/s and ${fmt(need.throughputMiBps)} MiB/s`;
}

// ---------------------------------------------------------------------------------------------
// Pricing and assembling an option

interface PricedLayout {
  layout: Layout;
  perVolume: { monthlyUsd: Decimal; components: CostComponent[] };
  monthlyUsd: Decimal;
}

function priceLayout(type: VolumeType, layout: Layout, prices: EbsPrices): PricedLayout {
  const perVolume = ebsVolumeMonthlyCost(prices, {
    volumeType: type,
    sizeGiB: layout.sizeGiB,
    iops: layout.iops,
    throughputMiBps: layout.throughputMiBps,
    ioRequestsPerMonthMillions: layout.ioRequestsPerMonthMillions,
  });
  return { layout, perVolume, monthlyUsd: perVolume.monthlyUsd.times(layout.volumes) };
}

/** The constraint whose extra quantities cost the most per volume (ties keep the earlier driver). */
function bindingFrom(layout: Layout, perVolume: { components: CostComponent[] }): BindingConstraint {
  const unitPrice = (dimension: VolumeCostDimension): Decimal | null =>
    perVolume.components.find((c) => c.dimension === dimension)?.unitUsd ?? null;
  const totals = new Map<BindingConstraint, Decimal>();
  for (const d of layout.drivers) {
    if (d.quantity <= 0) continue;
    const price = unitPrice(d.dimension);
    if (price === null) continue;
    totals.set(d.constraint, (totals.get(d.constraint) ?? new Decimal(0)).plus(price.times(d.quantity)));
  }
  let best: BindingConstraint = layout.sizeSetBy ?? 'capacity';
  let bestUsd = new Decimal(0);
  for (const [constraint, usd] of totals) {
    if (usd.gt(bestUsd)) {
      best = constraint;
      bestUsd = usd;
    }
  }
  return best;
}

function scaleComponents(components: CostComponent[], volumes: number): CostComponent[] {
  if (volumes === 1) return components;
  return components.map((c) => ({
    ...c,
    quantity: c.quantity * volumes,
    monthlyUsd: c.monthlyUsd.times(volumes),
  }));
}

function ioAccountingNote(type: VolumeType, need: Need, ops: number): string | null {
  const media = mediaOf(type);
  const counted = countedIops({ media, ioSizeKiB: need.ioSizeKiB, iops: need.iops, pattern: need.pattern });
  const cap = IO_SIZE_CAP_KIB[media];
  if (ops > counted + 1e-9) {
    return `${fmt(need.throughputMiBps)} MiB/s needs at least ${fmt(ops)} operations/s of up to ${cap} KiB on ${type}.`;
  }
  if (counted === need.iops) return null;
  const how =
    need.pattern === 'sequential'
      ? `sequential ${fmt(need.ioSizeKiB)} KiB I/O is ${need.ioSizeKiB < cap ? 'merged' : 'split'} into operations of up to ${cap} KiB`
      : `each ${fmt(need.ioSizeKiB)} KiB I/O is split into ${Math.ceil(need.ioSizeKiB / cap)} operations of up to ${cap} KiB`;
  return `On ${type}, ${how}: ${fmt(need.iops)} IOPS count as ${fmt(counted)} operations/s.`;
}

function buildOption(
  type: VolumeType,
  priced: PricedLayout,
  need: Need,
  ops: number,
  instance: InstanceEbsLimits | null | undefined,
  check: InstanceCheck,
): SizingOption {
  const { layout } = priced;
  const notes: string[] = [];
  const accounting = ioAccountingNote(type, need, ops);
  if (accounting) notes.push(accounting);
  if (layout.volumes > 1) {
    notes.push(
      `Striped (RAID 0) across ${layout.volumes} identical volumes: capacity, IOPS and throughput add; losing one volume loses the array.`,
    );
  }
  if (mediaOf(type) === 'hdd' && need.pattern === 'random' && need.iops > 0) {
    notes.push(
      `${type} is built for large sequential I/O: every random I/O counts as at least one of its few operations per second, and latency is high.`,
    );
  }
  notes.push(...layout.notes);
  let binding = bindingFrom(layout, priced.perVolume);
  const volumeIops = layout.peakIops * layout.volumes;
  const volumeThroughput = layout.peakThroughputMiBps * layout.volumes;
  const deliveredIops = check.iopsCap === null ? volumeIops : Math.min(volumeIops, check.iopsCap);
  const deliveredThroughputMiBps =
    check.throughputCapMiBps === null
      ? volumeThroughput
      : Math.min(volumeThroughput, check.throughputCapMiBps);
  if (check.burstNotes.length > 0) {
    notes.push(...check.burstNotes);
    binding = 'instance-cap';
  }
  if (instance) {
    const capped: string[] = [];
    if (deliveredIops < volumeIops) capped.push(`${fmt(volumeIops)} → ${fmt(deliveredIops)} IOPS`);
    if (deliveredThroughputMiBps < volumeThroughput) {
      capped.push(`${fmt(volumeThroughput)} → ${fmt(deliveredThroughputMiBps)} MiB/s`);
    }
    if (capped.length > 0) {
      const paidBeyond =
        (binding === 'iops' && deliveredIops < volumeIops) ||
        (binding === 'throughput' && deliveredThroughputMiBps < volumeThroughput);
      if (paidBeyond) binding = 'instance-cap';
      notes.push(
        `${instance.instanceType} caps what these volumes deliver (${capped.join(', ')})` +
          (paidBeyond ? '; provisioning beyond the instance limit is pointless.' : '.'),
      );
    }
  }
  return {
    volumeType: type,
    volumes: layout.volumes,
    sizeGiBPerVolume: layout.sizeGiB,
    iopsPerVolume: layout.iops,
    throughputMiBpsPerVolume: layout.throughputMiBps,
    deliveredIops,
    deliveredThroughputMiBps,
    monthlyUsd: priced.monthlyUsd,
    components: scaleComponents(priced.perVolume.components, layout.volumes),
    bindingConstraint: binding,
    burst: layout.burst,
    notes,
  };
}

/** The fewest volumes that could possibly work, from the per-volume ceilings. */
function minimumVolumes(type: VolumeType, need: Need, ops: number): number {
  const limits = VOLUME_LIMITS[type];
  const ceiling = perVolumeCeiling(type, need.sustained);
  return Math.max(
    1,
    Math.ceil(need.capacityGiB / limits.maxSizeGiB - 1e-9),
    Math.ceil(ops / ceiling.ops - 1e-9),
    Math.ceil(need.throughputMiBps / ceiling.throughputMiBps - 1e-9),
  );
}

function solveType(
  type: VolumeType,
  need: Need,
  prices: EbsPrices,
  instance: InstanceEbsLimits | null | undefined,
  check: InstanceCheck,
): SizingOption | string {
  const row = findPriceRow(prices, type);
  if (row === null || row.storageUsdPerGBMonth === null) return `no price for ${type} in ${prices.region}`;
  const ops = countedOpsFor(need, mediaOf(type));
  let best: PricedLayout | null = null;
  let cheaperWider: PricedLayout | null = null;
  try {
    for (let n = minimumVolumes(type, need, ops); n <= need.maxStripeVolumes; n++) {
      const layout = layoutFor(type, perVolume(type, need, ops, n));
      if (layout === null) continue;
      const priced = priceLayout(type, layout, prices);
      if (best === null) {
        best = priced;
        // Only gp3 gets cheaper with more volumes (each includes 3,000 IOPS and 125 MiB/s).
        if (need.stripePolicy === 'fewest-volumes' && type !== 'gp3') break;
        continue;
      }
      if (need.stripePolicy === 'cheapest') {
        if (priced.monthlyUsd.lt(best.monthlyUsd)) best = priced;
      } else if (priced.monthlyUsd.lt((cheaperWider ?? best).monthlyUsd)) {
        cheaperWider = priced;
      }
    }
  } catch (error) {
    if (error instanceof MissingPriceError) return error.message;
    throw error;
  }
  if (best === null) return infeasibleReason(type, need, ops);
  const option = buildOption(type, best, need, ops, instance, check);
  if (cheaperWider !== null) {
    const saving = best.monthlyUsd.minus(cheaperWider.monthlyUsd);
    option.notes.push(
      `Striping across ${cheaperWider.layout.volumes} gp3 volumes of ${fmt(cheaperWider.layout.sizeGiB)} GiB would cost ${formatUsd(cheaperWider.monthlyUsd)} a month (${formatUsd(saving)} less): each gp3 volume includes 3,000 IOPS and 125 MiB/s.`,
    );
  }
  return option;
}

/**
 * Cheapest layout per volume type for a requirement; options sorted by monthly cost, ties in
 * VOLUME_TYPES order. Throws InputError naming the field for invalid input.
 */
export function solveEbsLayout(req: SizingRequirement, prices: EbsPrices): SizingResult {
  const need = normalise(req);
  const types = req.volumeTypes ?? DEFAULT_TYPES;
  const check = checkInstance(need, req.instance);
  const options: SizingOption[] = [];
  const infeasible: SizingResult['infeasible'] = [];
  for (const type of types) {
    if (check.reason !== null) {
      infeasible.push({ volumeType: type, reason: check.reason });
      continue;
    }
    const result = solveType(type, need, prices, req.instance, check);
    if (typeof result === 'string') infeasible.push({ volumeType: type, reason: result });
    else options.push(result);
  }
  const order = (t: VolumeType): number => VOLUME_TYPES.indexOf(t);
  options.sort((a, b) => a.monthlyUsd.comparedTo(b.monthlyUsd) || order(a.volumeType) - order(b.volumeType));
  return { options, infeasible };
}
