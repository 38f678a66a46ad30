import type { OperatingSystem } from '../catalog-types';
import type { CountUsage, Day, DemandUsage, JobsUsage, Usage } from '../scenario/schema';
import { billedSecondsPerRun } from './billing-granularity';
import { DAYS, HOURS_PER_WEEK } from '../scenario/schema';
import type { DemandShapeProfile, DemandSizing, InstanceCapacity } from '../capacity/demand';
import { sizeDemand } from '../capacity/demand';

/**
 * A usage pattern as instances running per hour over one period that repeats: a 168-hour week
 * (index 0 = Monday 00:00) for the weekly patterns, or the series as given for `hourly`.
 * Counts are whole instances, except a `jobs` line's: its billed instance-hours per hour (fractional);
 * a month is `hoursPerMonth / periodHours` periods.
 */
export interface UsageProfile {
  counts: number[];
  periodHours: number;
}

const HOURS_PER_DAY = 24;

function dayIndex(day: Day): number {
  return DAYS.indexOf(day);
}

export function usageProfile(
  usage: Usage,
  capacity: InstanceCapacity | null = null,
  os: OperatingSystem = 'linux',
): UsageProfile {
  const profile = usageProfileView(usage, capacity, os);
  return usage.pattern === 'weekly' || usage.pattern === 'hourly'
    ? { ...profile, counts: [...profile.counts] }
    : profile;
}

/**
 * The same profile without copying a weekly or hourly usage's counts: the engine reads up to 8,784
 * values per line and never writes them. Callers that keep or change the counts use usageProfile.
 * A line sized from demand needs its instance type's capacity (null: counted at its minimum); a jobs
 * line its operating system (how AWS meters it: billing-granularity.ts).
 */
export function usageProfileView(
  usage: Usage,
  capacity: InstanceCapacity | null = null,
  os: OperatingSystem = 'linux',
): UsageProfile {
  if (usage.pattern === 'jobs') return jobsProfile(usage, os);
  if (usage.pattern === 'demand') {
    const { counts, periodHours } = sizeDemandUsage(usage, capacity);
    return { counts, periodHours };
  }
  return countProfile(usage);
}

/** Billed instance-hours in one day of a jobs line: runs × billed seconds per run ÷ 3,600. */
export function jobsInstanceHoursPerDay(usage: JobsUsage, os: OperatingSystem): number {
  return (usage.runsPerDay * billedSecondsPerRun(os, usage.durationSeconds)) / 3600;
}

/** A jobs line's day of billed instance-hours spread evenly over its window's hours, on its days. */
function jobsProfile(usage: JobsUsage, os: OperatingSystem): UsageProfile {
  const counts = new Array<number>(HOURS_PER_WEEK).fill(0);
  const perHour = jobsInstanceHoursPerDay(usage, os) / (usage.endHour - usage.startHour);
  for (const day of new Set(usage.days)) {
    const start = dayIndex(day) * HOURS_PER_DAY;
    for (let h = usage.startHour; h < usage.endHour; h++) counts[start + h] = perHour;
  }
  return { counts, periodHours: HOURS_PER_WEEK };
}

/**
 * Instances a jobs line runs at once in a window hour, for quotas: ceil(runs per window hour × run
 * length ÷ 3,600), at least 1 and at most the runs in a day (runs spread evenly, none overlapping more).
 */
export function jobsConcurrentInstances(usage: JobsUsage): number {
  const runsPerHour = usage.runsPerDay / (usage.endHour - usage.startHour);
  return Math.min(usage.runsPerDay, Math.max(1, Math.ceil((runsPerHour * usage.durationSeconds) / 3600)));
}

/** A demand line's hour-by-hour sizing (shared/capacity/demand.ts) over the shape its demand follows. */
export function sizeDemandUsage(usage: DemandUsage, capacity: InstanceCapacity | null): DemandSizing {
  return sizeDemand(usage, demandShapeProfile(usage), capacity);
}

/** Demand relative to its peak per hour: constant over a week, or the profile of the pattern it follows. */
export function demandShapeProfile(usage: DemandUsage): DemandShapeProfile {
  if (usage.follows) {
    const { counts, periodHours } = countProfile(usage.follows);
    return { values: counts, periodHours };
  }
  return { values: new Array<number>(HOURS_PER_WEEK).fill(1), periodHours: HOURS_PER_WEEK };
}

function countProfile(usage: CountUsage): UsageProfile {
  switch (usage.pattern) {
    case 'constant':
      return { counts: new Array<number>(HOURS_PER_WEEK).fill(usage.count), periodHours: HOURS_PER_WEEK };
    case 'business-hours': {
      const counts = new Array<number>(HOURS_PER_WEEK).fill(usage.offHoursCount);
      for (const day of new Set(usage.days)) {
        const start = dayIndex(day) * HOURS_PER_DAY;
        for (let h = usage.startHour; h < usage.endHour; h++) counts[start + h] = usage.count;
      }
      return { counts, periodHours: HOURS_PER_WEEK };
    }
    case 'daily-spike': {
      const counts = new Array<number>(HOURS_PER_WEEK).fill(usage.baseCount);
      for (const day of new Set(usage.days)) {
        const start = dayIndex(day) * HOURS_PER_DAY + usage.peakStartHour;
        // A peak running past midnight continues into the next day; Sunday's wraps into Monday.
        for (let h = 0; h < usage.peakHours; h++) counts[(start + h) % HOURS_PER_WEEK] = usage.peakCount;
      }
      return { counts, periodHours: HOURS_PER_WEEK };
    }
    case 'weekly':
      return { counts: usage.counts, periodHours: HOURS_PER_WEEK };
    case 'hourly':
      return { counts: usage.counts, periodHours: usage.counts.length };
  }
}

/** Instance-hours in one period (whole instances × hours, an integer). */
export function instanceHoursPerPeriod(profile: UsageProfile): number {
  return profileStats(profile).instanceHours;
}

/**
 * Instance-hours in a month: the period's instance-hours scaled by hoursPerMonth / periodHours, so a
 * weekly profile's month is its week × 730 / 168 (the AWS Pricing Calculator's 730-hour month,
 * aws.amazon.com/calculator/calculator-assumptions).
 */
export function instanceHoursPerMonth(profile: UsageProfile, hoursPerMonth: number): number {
  return (instanceHoursPerPeriod(profile) * hoursPerMonth) / profile.periodHours;
}

export function peakCount(profile: UsageProfile): number {
  return profileStats(profile).peak;
}

/** Steady usage: the instances running in every hour of the period (what a commitment is sized to). */
export function minCount(profile: UsageProfile): number {
  return profileStats(profile).min;
}

export interface ProfileStats {
  /** Instance-hours in one period. */
  instanceHours: number;
  peak: number;
  min: number;
}

/** Sum, peak and minimum in one pass (profiles can hold 8,784 hours; estimates read them often). */
export function profileStats(profile: UsageProfile): ProfileStats {
  const counts = profile.counts;
  const n = counts.length;
  if (n === 0) return { instanceHours: 0, peak: 0, min: 0 };
  let sum = 0;
  let peak = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    sum += c;
    if (c > peak) peak = c;
    if (c < min) min = c;
  }
  return { instanceHours: sum, peak, min };
}
