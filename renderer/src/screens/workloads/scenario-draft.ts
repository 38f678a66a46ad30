import type { OperatingSystem, Tenancy, VolumeType } from '@shared/catalog-types';
import { scenarioSchema } from '@shared/scenario/schema';
import type { Purchase, Scenario, ScenarioLine, Usage, UsagePattern, Volume } from '@shared/scenario/schema';
import { HOURS_PER_MONTH } from '@shared/money';
import { DAYS, HOURS_PER_WEEK } from '@shared/scenario/schema';
import { peakCount, usageProfile } from '@shared/pricing/usage-profile';
import type { InstanceCapacity } from '@shared/capacity/demand';
import { validate, withLabel } from '@shared/validation';
import { fieldErrors } from './field-errors';

export const NEW_SCENARIO_NAME = 'Untitled scenario';
export const DEFAULT_REGION = 'us-east-1';

export const USAGE_PATTERNS: readonly UsagePattern[] = [
  'constant',
  'business-hours',
  'daily-spike',
  'weekly',
  'hourly',
  'demand',
  'jobs',
];

export const PATTERN_LABELS: Record<UsagePattern, string> = {
  constant: 'Constant',
  'business-hours': 'Business hours',
  'daily-spike': 'Daily spike',
  weekly: 'Weekly (7 × 24)',
  hourly: 'Hourly series (CSV)',
  demand: 'Sized from demand (Auto Scaling)',
  jobs: 'Jobs (runs a day, billed per second)',
};

const WEEKDAYS = DAYS.slice(0, 5);

export function emptyScenario(): Scenario {
  return { version: 1, name: NEW_SCENARIO_NAME, hoursPerMonth: HOURS_PER_MONTH, lines: [] };
}

/** `base`, or `base-2`, `base-3`… whichever no line uses yet (ids must be unique in a scenario). */
export function uniqueLineId(base: string, lines: readonly ScenarioLine[]): string {
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 56) || 'line';
  const taken = new Set(lines.map((l) => l.id));
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

export function newLine(
  lines: readonly ScenarioLine[],
  region: string,
  instanceType: string,
  os: OperatingSystem,
  tenancy: Tenancy = 'shared',
): ScenarioLine {
  return {
    id: uniqueLineId(instanceType || 'line', lines),
    instanceType,
    region,
    os,
    tenancy,
    usage: { pattern: 'constant', count: 1 },
    purchase: { model: 'on-demand' },
    interruptionTolerant: false,
    volumeLifetime: 'instance',
    volumes: [],
  };
}

export function duplicateLine(line: ScenarioLine, lines: readonly ScenarioLine[]): ScenarioLine {
  return { ...structuredClone(line), id: uniqueLineId(`${line.id}-copy`, lines) };
}

/**
 * Switching pattern keeps the shape of the usage where it can (the weekly grid starts from the profile;
 * a demand starts as what the current instances carry, following the current pattern's shape).
 */
export function switchPattern(
  usage: Usage,
  pattern: UsagePattern,
  capacity: InstanceCapacity | null = null,
): Usage {
  if (usage.pattern === pattern) return usage;
  const profile = usageProfile(usage, capacity);
  // A jobs line's counts are fractional instance-hours: the other patterns take whole instances.
  const peak = Math.ceil(peakCount(profile));
  const whole = usage.pattern === 'jobs' ? profile.counts.map((c) => Math.ceil(c)) : profile.counts;
  switch (pattern) {
    case 'constant':
      return { pattern, count: peak };
    case 'business-hours':
      return { pattern, count: peak, days: [...WEEKDAYS], startHour: 8, endHour: 18, offHoursCount: 0 };
    case 'daily-spike':
      return {
        pattern,
        baseCount: Math.min(...whole, peak),
        peakCount: Math.max(peak, 1),
        peakStartHour: 9,
        peakHours: 4,
        days: [...DAYS],
      };
    case 'weekly':
      return {
        pattern,
        counts: whole.length === HOURS_PER_WEEK ? whole : new Array<number>(HOURS_PER_WEEK).fill(peak),
      };
    case 'hourly':
      return { pattern, counts: whole };
    case 'demand': {
      const instances = Math.max(peak, 1);
      // The demand moves as the instances did: it follows the current pattern's shape.
      const shape =
        usage.pattern === 'constant' || usage.pattern === 'demand' || usage.pattern === 'jobs'
          ? {}
          : { follows: usage };
      return {
        pattern,
        vcpu: capacity ? instances * capacity.vcpu : instances,
        ...shape,
        targetUtilizationPct: 100,
        minInstances: 0,
        zones: 1,
        surviveZoneLoss: false,
      };
    }
    case 'jobs':
      return { pattern, runsPerDay: 100, durationSeconds: 90, days: [...DAYS], startHour: 0, endHour: 24 };
  }
}

export function switchPurchase(purchase: Purchase, model: Purchase['model']): Purchase {
  if (purchase.model === model) return purchase;
  const term = purchase.model === 'reserved' || purchase.model === 'savings-plan' ? purchase.termYears : 1;
  const payment =
    purchase.model === 'reserved' || purchase.model === 'savings-plan'
      ? purchase.paymentOption
      : 'no-upfront';
  switch (model) {
    case 'on-demand':
    case 'spot':
      return { model };
    case 'reserved':
      return { model, termYears: term, paymentOption: payment, offeringClass: 'standard' };
    case 'savings-plan':
      return { model, planType: 'compute', termYears: term, paymentOption: payment };
  }
}

export const IOPS_TYPES: readonly VolumeType[] = ['gp3', 'io1', 'io2'];
export const THROUGHPUT_TYPES: readonly VolumeType[] = ['gp3'];

export function newVolume(): Volume {
  return { volumeType: 'gp3', sizeGiB: 100, count: 1 };
}

/** Changing type drops the IOPS and throughput the new type doesn't take. */
export function switchVolumeType(volume: Volume, volumeType: VolumeType): Volume {
  const next: Volume = { ...volume, volumeType };
  if (!IOPS_TYPES.includes(volumeType)) delete next.iops;
  if (!THROUGHPUT_TYPES.includes(volumeType)) delete next.throughputMiBps;
  return next;
}

export interface Validation {
  valid: boolean;
  /** Message per field path ("lines.0.usage.endHour"), shown under the field's label. */
  errors: Record<string, string>;
  /** The first problem, named by its label ("Line 1 (web) › Instances: …"), for the save status. */
  first: string | null;
}

export function validateScenario(doc: Scenario): Validation {
  const result = validate(scenarioSchema, doc);
  if (result.ok) return { valid: true, errors: {}, first: null };
  return { valid: false, errors: fieldErrors(result.problems), first: withLabel(result.problems[0]) };
}

/**
 * A line whose id was made from its instance type ("m5.large", "m5.large-2") follows a change of type,
 * so ids stay meaningful; an id the person typed is kept.
 */
export function followInstanceType(
  prev: ScenarioLine,
  next: ScenarioLine,
  lines: readonly ScenarioLine[],
): ScenarioLine {
  if (prev.instanceType === next.instanceType || prev.id !== next.id || next.instanceType === '') return next;
  const base = uniqueLineId(prev.instanceType || 'line', []);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`^${escaped}(-\\d+)?$`).test(prev.id)) return next;
  return {
    ...next,
    id: uniqueLineId(
      next.instanceType,
      lines.filter((l) => l !== prev),
    ),
  };
}
