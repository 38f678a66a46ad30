import { Decimal } from '../money';
import type { DemandUsage } from '../scenario/schema';

/**
 * Sizing a line from demand, as an Auto Scaling group spread over Availability Zones would be sized.
 * Per hour and per thing the line must carry (vCPU, memory, a custom unit):
 *
 *   usable per instance = capacity per instance × target utilization
 *   without surviving an AZ loss: per AZ = ceil(demand / N / usable)      (the group balances its AZs)
 *   surviving the loss of one AZ: per AZ = ceil(demand / (N − 1) / usable) (the other N − 1 carry it all)
 *   instances = N × the largest per-AZ count over the things carried, then kept within [min, max]
 *
 * When the maximum caps what the demand needs, the line is under-provisioned in those hours (a
 * warning). The arithmetic is exact (decimal), so 100 vCPU over 2 AZs of 4-vCPU instances is 12.5 → 13.
 * The shape (demand relative to its peak, hour by hour) comes from shared/pricing/usage-profile.ts.
 */

/** What one instance of the line's type has: from the catalog. */
export interface InstanceCapacity {
  vcpu: number;
  memoryGiB: number;
}

export type DemandDimensionKey = 'vcpu' | 'memory' | 'custom';

export interface DemandDimension {
  key: DemandDimensionKey;
  /** "vCPU", "GiB", or the custom unit ("requests/s"). */
  unit: string;
  /** Demand at the peak hour. */
  peak: number;
  /** What one instance has of it; null when the catalog does not know the type. */
  perInstance: number | null;
}

/** Demand relative to its peak per hour: the values are scaled so the largest is the peak. */
export interface DemandShapeProfile {
  values: readonly number[];
  periodHours: number;
}

export interface DemandWarning {
  code: 'under-provisioned' | 'demand-not-sized';
  message: string;
}

/** What the estimate reports of a line sized from demand (no hour-by-hour series). */
export interface DemandEstimate {
  /** The most instances running in any hour (after the minimum and maximum). */
  peakInstances: number;
  zones: number;
  surviveZoneLoss: boolean;
  /** Instances each AZ runs at the peak of demand (before the maximum). */
  instancesPerZoneAtPeak: number;
  /** What the peak demand needs before the group's bounds. */
  neededAtPeak: number;
  targetUtilizationPct: number;
  dimensions: DemandDimension[];
  /** The thing that needs the most instances at the peak; null when none could be sized. */
  binding: DemandDimensionKey | null;
  /** Hours per period in which the maximum left demand uncovered, and the period's length. */
  underProvisionedHours: number;
  /** Hours per period raised to the minimum instances. */
  raisedToMinimumHours: number;
  periodHours: number;
  /** False when a vCPU or memory demand could not be sized (instance type unknown): counts are the minimum. */
  sized: boolean;
  /** The peak's arithmetic in words. */
  working: string;
}

export interface DemandSizing extends DemandEstimate {
  /** Instances per hour: the line's usage profile. */
  counts: number[];
  /** Per hour, the binding thing's demand and what the running instances have of it (count × per instance). */
  demand: number[];
  provided: number[];
  warnings: DemandWarning[];
}

const EXACT = Decimal.clone({ precision: 60 });
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const fmt = (n: number | Decimal) =>
  (typeof n === 'number' ? n : n.toNumber()).toLocaleString('en-US', { maximumFractionDigits: 2 });

export function demandDimensions(usage: DemandUsage, capacity: InstanceCapacity | null): DemandDimension[] {
  const dims: DemandDimension[] = [];
  if (usage.vcpu !== undefined)
    dims.push({ key: 'vcpu', unit: 'vCPU', peak: usage.vcpu, perInstance: capacity?.vcpu ?? null });
  if (usage.memoryGiB !== undefined)
    dims.push({
      key: 'memory',
      unit: 'GiB',
      peak: usage.memoryGiB,
      perInstance: capacity?.memoryGiB ?? null,
    });
  if (usage.custom !== undefined)
    dims.push({
      key: 'custom',
      unit: usage.custom.unit,
      peak: usage.custom.peak,
      perInstance: usage.custom.perInstance,
    });
  return dims;
}

/** AZs that carry the whole demand: all of them, or all but one when the line survives an AZ loss. */
function carryingZones(usage: DemandUsage): number {
  return usage.surviveZoneLoss ? usage.zones - 1 : usage.zones;
}

/** Instances per AZ for one thing at a share (value / max) of its peak: exact ceiling. */
function perZone(usage: DemandUsage, dim: DemandDimension, value: number, max: number): number {
  if (dim.perInstance === null || max === 0 || value === 0 || dim.peak === 0) return 0;
  // ceil(peak × value/max / carrying / (perInstance × pct/100)), as one exact fraction
  const num = new EXACT(dim.peak).mul(value).mul(100);
  const den = new EXACT(max).mul(carryingZones(usage)).mul(dim.perInstance).mul(usage.targetUtilizationPct);
  return num.div(den).ceil().toNumber();
}

function hourWords(h: number, periodHours: number): string {
  if (periodHours !== 168) return `hour ${(h + 1).toLocaleString('en-US')}`;
  return `${DAY_NAMES[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00`;
}

export function sizeDemand(
  usage: DemandUsage,
  shape: DemandShapeProfile,
  capacity: InstanceCapacity | null,
): DemandSizing {
  const dims = demandDimensions(usage, capacity);
  const sizedDims = dims.filter((d) => d.perInstance !== null);
  const sized = sizedDims.length === dims.length;
  const values = shape.values;
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  const lower = usage.minInstances;
  const upper = usage.maxInstances ?? Infinity;

  // Weekly shapes repeat few values: size each distinct value once.
  const neededByValue = new Map<number, { perZone: number; binding: number }>();
  const needed = (v: number) => {
    let hit = neededByValue.get(v);
    if (!hit) {
      hit = { perZone: 0, binding: -1 };
      sizedDims.forEach((d, i) => {
        const n = perZone(usage, d, v, max);
        if (hit!.binding < 0 || n > hit!.perZone) hit = { perZone: n, binding: i };
      });
      neededByValue.set(v, hit);
    }
    return hit;
  };

  const peakNeed = needed(max);
  const bindingDim = peakNeed.binding >= 0 ? (sizedDims[peakNeed.binding] as DemandDimension) : null;
  const counts = new Array<number>(values.length);
  const demand = new Array<number>(values.length);
  const provided = new Array<number>(values.length);
  let under = 0;
  let raised = 0;
  let firstUnder = -1;
  for (let h = 0; h < values.length; h++) {
    const v = values[h] as number;
    const want = needed(v).perZone * usage.zones;
    const count = Math.min(Math.max(want, lower), upper);
    if (want > upper) {
      under++;
      if (firstUnder < 0) firstUnder = h;
    } else if (want < lower) raised++;
    counts[h] = count;
    demand[h] = bindingDim && max > 0 ? (bindingDim.peak * v) / max : 0;
    provided[h] = bindingDim ? count * (bindingDim.perInstance as number) : 0;
  }

  const warnings: DemandWarning[] = [];
  if (!sized)
    warnings.push({
      code: 'demand-not-sized',
      message: `the vCPU or memory demand cannot be sized without the instance type's size in the catalog: the line is counted at its minimum of ${lower} instance${lower === 1 ? '' : 's'}`,
    });
  const neededAtPeak = peakNeed.perZone * usage.zones;
  if (under > 0)
    warnings.push({
      code: 'under-provisioned',
      message: `under-provisioned: the demand needs up to ${fmt(neededAtPeak)} instances but the maximum is ${fmt(upper)}, so ${under} of ${shape.periodHours.toLocaleString('en-US')} hours${shape.periodHours === 168 ? ' a week' : ''} (from ${hourWords(firstUnder, shape.periodHours)}) run short of the demand`,
    });

  return {
    counts,
    demand,
    provided,
    warnings,
    peakInstances: counts.reduce((a, b) => Math.max(a, b), 0),
    zones: usage.zones,
    surviveZoneLoss: usage.surviveZoneLoss,
    instancesPerZoneAtPeak: peakNeed.perZone,
    neededAtPeak,
    targetUtilizationPct: usage.targetUtilizationPct,
    dimensions: dims,
    binding: bindingDim?.key ?? null,
    underProvisionedHours: under,
    raisedToMinimumHours: raised,
    periodHours: shape.periodHours,
    sized,
    working: workingWords(usage, bindingDim, peakNeed.perZone, neededAtPeak),
  };
}

/** "100 vCPU over 3 AZs, surviving the loss of one: the 2 others carry 50 vCPU each; …" */
function workingWords(
  usage: DemandUsage,
  dim: DemandDimension | null,
  zoneCount: number,
  neededAtPeak: number,
): string {
  const bounds = boundsWords(usage, neededAtPeak);
  if (dim === null) return `no demand could be sized${bounds}`;
  const carrying = carryingZones(usage);
  const share = new EXACT(dim.peak).div(carrying);
  const usable = `${fmt(dim.perInstance as number)} ${dim.unit} × ${fmt(usage.targetUtilizationPct)} %`;
  const perInstances = (n: Decimal) =>
    `${fmt(n)} ÷ (${usable}) = ${fmt(n.mul(100).div(new EXACT(dim.perInstance as number).mul(usage.targetUtilizationPct)))} → ${zoneCount}`;
  const peak = `${fmt(dim.peak)} ${dim.unit}`;
  if (usage.zones === 1) return `${peak}: ${perInstances(share)} instances${bounds}`;
  const spread = usage.surviveZoneLoss
    ? `${peak} over ${usage.zones} AZs, surviving the loss of one: the ${carrying} other${carrying === 1 ? '' : 's'} carry ${fmt(share)} ${dim.unit} each`
    : `${peak} spread over ${usage.zones} AZs: ${fmt(share)} ${dim.unit} each`;
  return `${spread}; ${perInstances(share)} per AZ; ${zoneCount} × ${usage.zones} AZs = ${neededAtPeak} instances${bounds}`;
}

function boundsWords(usage: DemandUsage, neededAtPeak: number): string {
  if (usage.maxInstances !== undefined && neededAtPeak > usage.maxInstances)
    return `, capped at the maximum of ${usage.maxInstances} (under-provisioned)`;
  if (neededAtPeak < usage.minInstances) return `, raised to the minimum of ${usage.minInstances}`;
  return '';
}

/** The estimate's part of a sizing: without the hour-by-hour series. */
export function demandEstimate(s: DemandSizing): DemandEstimate {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { counts, demand, provided, warnings, ...estimate } = s;
  return estimate;
}
