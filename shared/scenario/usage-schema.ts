import { z } from 'zod';
import { hourOfDay, instanceCount, title } from './fields';

/**
 * A line's usage patterns: counts per hour of a week, an hourly series, demand to size from, or jobs
 * billed per second. Part of the scenario document (schema.ts).
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const DAY_LABELS: Record<Day, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
export const HOURS_PER_WEEK = 168;
export const MAX_HOURLY_POINTS = 8784; // a leap year

const days = z
  .array(z.enum(DAYS).meta(title('Day')))
  .min(1)
  .max(7)
  .meta(title('Days'));
const pattern = <P extends string>(p: P) => z.literal(p).meta(title('Usage pattern'));

/** The patterns that give a count of instances per hour of a week (and `hourly`, below, of a series). */
const weekUsageOptions = [
  z.strictObject({ pattern: pattern('constant'), count: instanceCount.meta(title('Instances')) }),
  z
    .strictObject({
      pattern: pattern('business-hours'),
      count: instanceCount.meta(title('Instances in hours')),
      days,
      startHour: hourOfDay.meta(title('Start hour')),
      endHour: z.number().int().min(1).max(24).meta(title('End hour')),
      /** Instances kept running outside business hours (0 = stopped). */
      offHoursCount: instanceCount.meta(title('Off-hours instances')).default(0),
    })
    .refine((u) => u.endHour > u.startHour, {
      message: 'must be later than the start hour',
      path: ['endHour'],
    }),
  z
    .strictObject({
      pattern: pattern('daily-spike'),
      baseCount: instanceCount.meta(title('Base instances')),
      peakCount: instanceCount.meta(title('Peak instances')),
      peakStartHour: hourOfDay.meta(title('Peak starts (hour)')),
      peakHours: z.number().int().min(1).max(24).meta(title('Peak length', 'hours')),
      days: days.default([...DAYS]),
    })
    .refine((u) => u.peakCount >= u.baseCount, {
      message: 'must be at least the base instances',
      path: ['peakCount'],
    }),
  z.strictObject({
    pattern: pattern('weekly'),
    counts: z
      .array(instanceCount.meta(title('Hour')))
      .length(HOURS_PER_WEEK)
      .meta(title('Instances per hour of the week')),
  }),
] as const;
const hourlyUsageOption = z.strictObject({
  pattern: pattern('hourly'),
  counts: z
    .array(instanceCount.meta(title('Hour')))
    .min(1)
    .max(MAX_HOURLY_POINTS)
    .meta(title('Hourly counts')),
});
export const countUsageSchema = z
  .discriminatedUnion('pattern', [...weekUsageOptions, hourlyUsageOption])
  .meta(title('Usage'));
export type CountUsage = z.output<typeof countUsageSchema>;

/** The largest demand a line may state, in any unit (vCPU, GiB or a custom unit). */
export const MAX_DEMAND = 1_000_000_000;
const demandAmount = (t: string, unit?: string) => z.number().min(0).max(MAX_DEMAND).meta(title(t, unit));

/**
 * A line sized from demand, as an Auto Scaling group would be: per hour, the instances that carry the
 * demand at the target utilization, spread evenly over the Availability Zones (surviving the loss of
 * one when asked), within the group's minimum and maximum. shared/capacity/demand.ts sizes it.
 *
 * How the demand moves: constant at its peak, or following a usage pattern's profile scaled so that
 * the pattern's busiest hour is the peak (its counts give the shape only). Demand given per hour is a
 * weekly or hourly pattern whose counts are the demand in whole units of any size: scaled to the peak,
 * demand entered in the peak's own unit is used as is.
 */
export const demandUsageSchema = z
  .strictObject({
    pattern: pattern('demand'),
    /** Peak vCPUs the line must carry. */
    vcpu: demandAmount('vCPU needed', 'vCPU').optional(),
    /** Peak memory the line must hold. */
    memoryGiB: demandAmount('Memory needed', 'GiB').optional(),
    /** A unit of the workload's own (requests/s…) with what one instance carries. */
    custom: z
      .strictObject({
        unit: z.string().trim().min(1).max(40).meta(title('Custom unit')),
        peak: demandAmount('Custom demand'),
        perInstance: z.number().positive().max(MAX_DEMAND).meta(title('Per instance')),
      })
      .meta(title('Custom demand'))
      .optional(),
    follows: countUsageSchema.meta(title('Demand follows')).optional(),
    targetUtilizationPct: z.number().gt(0).max(100).meta(title('Target utilization', '%')).default(100),
    minInstances: instanceCount.meta(title('Minimum instances')).default(0),
    maxInstances: instanceCount.meta(title('Maximum instances')).optional(),
    zones: z.number().int().min(1).max(6).meta(title('Availability Zones')).default(1),
    surviveZoneLoss: z.boolean().meta(title('Survive the loss of one AZ')).default(false),
  })
  .refine((u) => u.vcpu !== undefined || u.memoryGiB !== undefined || u.custom !== undefined, {
    message: 'give the vCPU, the memory or a custom unit the line must carry',
    path: ['vcpu'],
  })
  .refine((u) => u.maxInstances === undefined || u.maxInstances >= u.minInstances, {
    message: 'must be at least the minimum instances',
    path: ['maxInstances'],
  })
  .refine((u) => !u.surviveZoneLoss || u.zones >= 2, {
    message: 'needs at least 2 Availability Zones',
    path: ['surviveZoneLoss'],
  });
export type DemandUsage = z.output<typeof demandUsageSchema>;

/** The longest job run a line may state: one day. */
export const MAX_JOB_SECONDS = 86_400;

/**
 * Short runs (batch jobs, CI builds): so many runs a day on the chosen days, each of a duration, spread
 * evenly over a window of the day (the whole day by default). Billed per run as AWS meters the line's
 * operating system (shared/pricing/billing-granularity.ts): per second with a 60-second minimum, or per
 * started hour.
 */
export const jobsUsageSchema = z
  .strictObject({
    pattern: pattern('jobs'),
    runsPerDay: z.number().int().min(1).max(100_000).meta(title('Runs per day')),
    durationSeconds: z.number().int().min(1).max(MAX_JOB_SECONDS).meta(title('Run length', 'seconds')),
    days: days.default([...DAYS]),
    startHour: hourOfDay.meta(title('Window starts (hour)')).default(0),
    endHour: z.number().int().min(1).max(24).meta(title('Window ends (hour)')).default(24),
  })
  .refine((u) => u.endHour > u.startHour, {
    message: 'must be later than the window start',
    path: ['endHour'],
  });
export type JobsUsage = z.output<typeof jobsUsageSchema>;

export const usageSchema = z
  .discriminatedUnion('pattern', [...weekUsageOptions, hourlyUsageOption, demandUsageSchema, jobsUsageSchema])
  .meta(title('Usage'));
export type Usage = z.output<typeof usageSchema>;
export type UsagePattern = Usage['pattern'];
