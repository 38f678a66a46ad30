import { z } from 'zod';
import {
  OFFERING_CLASSES,
  OPERATING_SYSTEMS,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  VOLUME_TYPES,
} from '../catalog-types';
import { HOURS_PER_MONTH } from '../money';

/**
 * The scenario document: a versioned JSON format (published as docs/scenario.schema.json, generated
 * from this schema by `npm run schema`). Version 1.
 */
export const SCENARIO_FORMAT_VERSION = 1;
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

const instanceCount = z.number().int().min(0).max(100_000);
const hourOfDay = z.number().int().min(0).max(23);
const decimalUsd = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, { message: 'must be a decimal number of USD as a string, such as "1.25"' });

export const usageSchema = z.discriminatedUnion('pattern', [
  z.strictObject({ pattern: z.literal('constant'), count: instanceCount }),
  z
    .strictObject({
      pattern: z.literal('business-hours'),
      count: instanceCount,
      days: z.array(z.enum(DAYS)).min(1).max(7),
      startHour: hourOfDay,
      endHour: z.number().int().min(1).max(24),
      /** Instances kept running outside business hours (0 = stopped). */
      offHoursCount: instanceCount.default(0),
    })
    .refine((u) => u.endHour > u.startHour, { message: 'must be later than startHour', path: ['endHour'] }),
  z
    .strictObject({
      pattern: z.literal('daily-spike'),
      baseCount: instanceCount,
      peakCount: instanceCount,
      peakStartHour: hourOfDay,
      peakHours: z.number().int().min(1).max(24),
      days: z
        .array(z.enum(DAYS))
        .min(1)
        .max(7)
        .default([...DAYS]),
    })
    .refine((u) => u.peakCount >= u.baseCount, {
      message: 'must be at least baseCount',
      path: ['peakCount'],
    }),
  z.strictObject({ pattern: z.literal('weekly'), counts: z.array(instanceCount).length(HOURS_PER_WEEK) }),
  z.strictObject({
    pattern: z.literal('hourly'),
    counts: z.array(instanceCount).min(1).max(MAX_HOURLY_POINTS),
  }),
]);
export type Usage = z.output<typeof usageSchema>;
export type UsagePattern = Usage['pattern'];

export const purchaseSchema = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('on-demand') }),
  z.strictObject({
    model: z.literal('reserved'),
    termYears: z.union([z.literal(1), z.literal(3)]),
    paymentOption: z.enum(PAYMENT_OPTIONS),
    offeringClass: z.enum(OFFERING_CLASSES).default('standard'),
    /** How many RIs the line buys; absent = enough to cover the line's steady (minimum) usage. */
    count: instanceCount.optional(),
  }),
  z.strictObject({
    model: z.literal('savings-plan'),
    planType: z.enum(PLAN_TYPES),
    termYears: z.union([z.literal(1), z.literal(3)]),
    paymentOption: z.enum(PAYMENT_OPTIONS),
    /** USD per hour committed; absent = sized to cover the line's steady usage at the plan's rate. */
    commitmentHourlyUsd: decimalUsd.optional(),
  }),
  z.strictObject({ model: z.literal('spot') }),
]);
export type Purchase = z.output<typeof purchaseSchema>;

export const snapshotPolicySchema = z.strictObject({
  frequency: z.enum(['hourly', 'daily', 'weekly', 'monthly']),
  retentionCount: z.number().int().min(1).max(10_000),
  dailyChangePct: z.number().min(0).max(100),
  tier: z.enum(['standard', 'archive']).default('standard'),
});
export type SnapshotPolicy = z.output<typeof snapshotPolicySchema>;

export const volumeSchema = z.strictObject({
  volumeType: z.enum(VOLUME_TYPES),
  sizeGiB: z.number().int().min(1).max(65_536),
  iops: z.number().int().min(0).max(256_000).optional(),
  throughputMiBps: z.number().min(0).max(4_000).optional(),
  /** Volumes of this kind on each instance of the line. */
  count: z.number().int().min(1).max(128).default(1),
  snapshot: snapshotPolicySchema.optional(),
});
export type Volume = z.output<typeof volumeSchema>;

export const lineSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'must use letters, digits, ".", "_" or "-"' }),
  name: z.string().max(200).optional(),
  instanceType: z.string().min(1).max(64),
  region: z.string().min(1).max(32),
  os: z.enum(OPERATING_SYSTEMS).default('linux'),
  tenancy: z.enum(['shared']).default('shared'),
  usage: usageSchema,
  purchase: purchaseSchema.default({ model: 'on-demand' }),
  interruptionTolerant: z.boolean().default(false),
  volumeLifetime: z.enum(['instance', 'running']).default('instance'),
  volumes: z.array(volumeSchema).max(32).default([]),
});
export type ScenarioLine = z.output<typeof lineSchema>;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    version: z.literal(SCENARIO_FORMAT_VERSION).default(SCENARIO_FORMAT_VERSION),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).optional(),
    hoursPerMonth: z.number().min(1).max(744).default(HOURS_PER_MONTH),
    lines: z.array(lineSchema).max(2000),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.lines.forEach((l, i) => {
      if (seen.has(l.id))
        ctx.addIssue({ code: 'custom', message: `duplicate line id "${l.id}"`, path: ['lines', i, 'id'] });
      seen.add(l.id);
    });
  });
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
