import { z } from 'zod';
import {
  OFFERING_CLASSES,
  OPERATING_SYSTEMS,
  TENANCIES,
  TENANCY_LABELS,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  VOLUME_TYPES,
} from '../catalog-types';
import { MAX_FSR_AVAILABILITY_ZONES, MAX_FSR_SNAPSHOTS } from '../ebs/fast-snapshot-restore';
import { HOURS_PER_MONTH } from '../money';
import { MAX_QUOTA_VCPUS, QUOTA_CLASSES, type QuotaKey } from '../capacity/quotas';
import { SUPPORT_PLANS } from '../pricing/support-plan-rules';
import { decimalUsd, instanceCount, title } from './fields';
import { OS_FACTS } from '../operating-systems';
import { usageSchema } from './usage-schema';

export * from './usage-schema';

/**
 * The scenario document: a versioned JSON format (published as docs/scenario.schema.json, generated
 * from this schema by `npm run schema`). Version 1.
 */
export const SCENARIO_FORMAT_VERSION = 1;

const model = <M extends string>(m: M) => z.literal(m).meta(title('Purchase model'));
const termYears = z.union([z.literal(1), z.literal(3)]).meta(title('Term (years)'));
const paymentOption = z.enum(PAYMENT_OPTIONS).meta(title('Payment'));

/** Minutes one spot interruption costs, at most a 730-hour month. */
const interruptionMinutes = (t: string) => z.number().min(0).max(43_800).meta(title(t, 'minutes'));
const interruptionKind = <K extends string>(k: K) => z.literal(k).meta(title('On interruption'));

/**
 * What a spot line loses when AWS reclaims an instance: the work since the last checkpoint runs again
 * on spot (`rerun`), or the line runs On-Demand until spot capacity is back (`fallback-on-demand`).
 * The estimate prices it at the Spot Advisor band's upper bound (shared/pricing/spot-interruption.ts).
 */
export const spotInterruptionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: interruptionKind('rerun'), rerunMinutes: interruptionMinutes('Re-run time') }),
    z.strictObject({
      kind: interruptionKind('fallback-on-demand'),
      fallbackMinutes: interruptionMinutes('On-Demand fallback time'),
    }),
  ])
  .meta(title('Interruption cost'));
export type SpotInterruption = z.output<typeof spotInterruptionSchema>;

export const purchaseSchema = z
  .discriminatedUnion('model', [
    z.strictObject({ model: model('on-demand') }),
    z.strictObject({
      model: model('reserved'),
      termYears,
      paymentOption,
      offeringClass: z.enum(OFFERING_CLASSES).meta(title('Offering class')).default('standard'),
      /** How many RIs the line buys; absent = enough to cover the line's steady (minimum) usage. */
      count: instanceCount.meta(title('RIs bought')).optional(),
    }),
    z.strictObject({
      model: model('savings-plan'),
      planType: z.enum(PLAN_TYPES).meta(title('Savings plan type')),
      termYears,
      paymentOption,
      /** USD per hour committed; absent = sized to cover the line's steady usage at the plan's rate. */
      commitmentHourlyUsd: decimalUsd.meta(title('Commitment ($/h)')).optional(),
    }),
    z.strictObject({
      model: model('spot'),
      /** What one interruption costs; absent = nothing is added (the spot cost alone, as before). */
      interruption: spotInterruptionSchema.optional(),
    }),
  ])
  .meta(title('Purchase'));
export type Purchase = z.output<typeof purchaseSchema>;

/**
 * Fast snapshot restore on the newest snapshots of a volume, in some Availability Zones, all month:
 * billed per DSU-hour for each snapshot in each AZ (shared/ebs/fast-snapshot-restore.ts).
 */
export const fastSnapshotRestoreSchema = z
  .strictObject({
    availabilityZones: z
      .number()
      .int()
      .min(1)
      .max(MAX_FSR_AVAILABILITY_ZONES)
      .meta(title('Fast restore Availability Zones', 'AZs')),
    /** Snapshots kept with fast snapshot restore enabled (the newest); 1 unless said. */
    snapshots: z
      .number()
      .int()
      .min(1)
      .max(MAX_FSR_SNAPSHOTS)
      .meta(title('Fast restore snapshots'))
      .default(1),
  })
  .meta(title('Fast snapshot restore'));
export type FastSnapshotRestore = z.output<typeof fastSnapshotRestoreSchema>;

export const snapshotPolicySchema = z
  .strictObject({
    frequency: z.enum(['hourly', 'daily', 'weekly', 'monthly']).meta(title('Snapshot every')),
    retentionCount: z.number().int().min(1).max(10_000).meta(title('Snapshots kept')),
    dailyChangePct: z.number().min(0).max(100).meta(title('Daily change', '%')),
    tier: z.enum(['standard', 'archive']).meta(title('Snapshot tier')).default('standard'),
    fastSnapshotRestore: fastSnapshotRestoreSchema.optional(),
  })
  .meta(title('Snapshots'));
export type SnapshotPolicy = z.output<typeof snapshotPolicySchema>;

export const volumeSchema = z
  .strictObject({
    volumeType: z.enum(VOLUME_TYPES).meta(title('Volume type')),
    sizeGiB: z.number().int().min(1).max(65_536).meta(title('Size', 'GiB')),
    iops: z.number().int().min(0).max(256_000).meta(title('IOPS', 'IOPS')).optional(),
    throughputMiBps: z.number().min(0).max(4_000).meta(title('Throughput', 'MiB/s')).optional(),
    /** Volumes of this kind on each instance of the line. */
    count: z.number().int().min(1).max(128).meta(title('Volumes per instance')).default(1),
    snapshot: snapshotPolicySchema.optional(),
  })
  .meta(title('Volume'));
export type Volume = z.output<typeof volumeSchema>;

/** A line's or an account's id: letters, digits, ".", "_" or "-". */
const idText = (label: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'must use letters, digits, ".", "_" or "-"' })
    .meta(title(label));

/** A zone's characters; that it is the line's region and one letter is checked with the scenario. */
const ZONE_PATTERN = /^[a-z0-9-]+$/;

/**
 * An On-Demand Capacity Reservation the line holds in one Availability Zone for the whole horizon
 * (pricing: shared/pricing/capacity-reservation.ts). The zone is checked against the line's region below.
 */
export const capacityReservationSchema = z
  .strictObject({
    count: z.number().int().min(1).max(10_000).meta(title('Capacity reservation: instances')),
    availabilityZone: z
      .string()
      .min(1)
      .max(33) // a region's 32 characters and the zone's letter
      .regex(ZONE_PATTERN, { message: 'must be a zone such as us-east-1a' })
      .meta(title('Capacity reservation: Availability Zone')),
  })
  .meta(title('Capacity reservation'));
export type CapacityReservation = z.output<typeof capacityReservationSchema>;

export const lineSchema = z
  .strictObject({
    id: idText('Line id'),
    name: z.string().max(200).meta(title('Line name')).optional(),
    instanceType: z.string().min(1).max(64).meta(title('Instance type')),
    region: z.string().min(1).max(32).meta(title('Region')),
    os: z.enum(OPERATING_SYSTEMS).meta(title('OS')).default('linux'),
    tenancy: z.enum(TENANCIES).meta(title('Tenancy')).default('shared'),
    usage: usageSchema,
    purchase: purchaseSchema.default({ model: 'on-demand' }),
    interruptionTolerant: z.boolean().meta(title('Interruption tolerant')).default(false),
    volumeLifetime: z.enum(['instance', 'running']).meta(title('Volumes billed')).default('instance'),
    volumes: z.array(volumeSchema).max(32).meta(title('Volumes')).default([]),
    /** The id of one of the scenario's accounts; absent = its first account (or none when it names none). */
    account: idText('Account').optional(),
    /** Capacity held in one Availability Zone, billed whether used or not; absent = none. */
    capacityReservation: capacityReservationSchema.optional(),
  })
  .meta(title('Line'));
export type ScenarioLine = z.output<typeof lineSchema>;

const quotaFields = Object.fromEntries(
  QUOTA_CLASSES.map((c) => [
    c.key,
    z.number().int().min(0).max(MAX_QUOTA_VCPUS).meta(title(c.name, 'vCPUs')).optional(),
  ]),
) as Record<QuotaKey, z.ZodOptional<z.ZodNumber>>;
/** vCPUs per quota class, keyed as shared/capacity/quotas.ts names them ("standard", "spot-g-vt"…). */
export const quotasSchema = z.strictObject(quotaFields).meta(title('vCPU quotas'));

export const BUDGET_BASES = ['actual', 'forecasted'] as const;
export type BudgetBasis = (typeof BUDGET_BASES)[number];
/** The thresholds a budget gets when it gives none (and the CLI's --budget-usd sets). */
export const DEFAULT_BUDGET_THRESHOLDS: readonly { pct: number; basis: BudgetBasis }[] = [
  { pct: 80, basis: 'actual' },
  { pct: 100, basis: 'forecasted' },
];

/**
 * A monthly cost budget with alert thresholds, as AWS Budgets sets them: a percentage of the budgeted
 * amount, on the cost spent (actual) or forecast (forecasted). shared/pricing/budget.ts checks it.
 */
export const budgetThresholdSchema = z
  .strictObject({
    pct: z.number().min(1).max(1000).meta(title('Threshold', '%')),
    basis: z.enum(BUDGET_BASES).meta(title('Alert on')),
  })
  .meta(title('Threshold'));
export const budgetSchema = z
  .strictObject({
    monthlyUsd: decimalUsd
      .refine((v) => Number(v) > 0, { message: 'must be more than 0' })
      .meta(title('Monthly budget ($)')),
    /** At most 10, as AWS Budgets allows ten notifications a budget; absent: the defaults. */
    thresholds: z
      .array(budgetThresholdSchema)
      .max(10)
      .meta(title('Alert thresholds'))
      .default(() => DEFAULT_BUDGET_THRESHOLDS.map((t) => ({ ...t }))),
  })
  .meta(title('Budget'));
export type Budget = z.output<typeof budgetSchema>;

/**
 * An account of the scenario's organization (consolidated billing). `sharing`: whether the account
 * shares Reserved Instance and Savings Plans discounts with the other sharing accounts (AWS's
 * default, on); shared/pricing/accounts.ts applies it.
 */
export const accountSchema = z
  .strictObject({
    id: idText('Account id'),
    name: z.string().max(200).meta(title('Account name')).optional(),
    sharing: z.boolean().meta(title('RI and Savings Plans sharing')).default(true),
  })
  .meta(title('Account'));
export type Account = z.output<typeof accountSchema>;
/** Accounts a scenario may name (AWS Organizations' default quota is 10 accounts; raised on request). */
export const MAX_ACCOUNTS = 100;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().max(500).meta(title('Schema address')).optional(),
    version: z
      .literal(SCENARIO_FORMAT_VERSION)
      .meta(title('Format version'))
      .default(SCENARIO_FORMAT_VERSION),
    name: z.string().trim().min(1).max(200).meta(title('Scenario name')),
    description: z.string().max(5000).meta(title('Description')).optional(),
    hoursPerMonth: z
      .number()
      .min(1)
      .max(744)
      .meta(title('Hours per month', 'hours'))
      .default(HOURS_PER_MONTH),
    lines: z.array(lineSchema).max(2000).meta(title('Lines')),
    /** The account's vCPU quotas by class (each applies in every region); absent = AWS's defaults. */
    quotas: quotasSchema.optional(),
    /** A monthly budget and its alert thresholds; absent = no budget. */
    budget: budgetSchema.optional(),
    /** An AWS Support plan priced on the scenario's monthly charges (shared/pricing/support-plan.ts); absent = none. */
    support: z.enum(SUPPORT_PLANS).meta(title('AWS Support plan')).optional(),
    /** The organization's accounts the lines belong to; absent = one implicit account. */
    accounts: z.array(accountSchema).max(MAX_ACCOUNTS).meta(title('Accounts')).optional(),
  })
  .superRefine((s, ctx) => {
    const accountIds = new Set<string>();
    (s.accounts ?? []).forEach((a, i) => {
      if (accountIds.has(a.id))
        ctx.addIssue({
          code: 'custom',
          message: `"${a.id}" is already the id of another account: ids must differ`,
          path: ['accounts', i, 'id'],
        });
      accountIds.add(a.id);
    });
    s.lines.forEach((l, i) => {
      if (l.account !== undefined && !accountIds.has(l.account))
        ctx.addIssue({
          code: 'custom',
          message:
            accountIds.size === 0
              ? `"${l.account}" is not an account of the scenario: it names no accounts`
              : `"${l.account}" is not one of the scenario's accounts (${[...accountIds].join(', ')})`,
          path: ['lines', i, 'account'],
        });
    });
    s.lines.forEach((l, i) => {
      const zone = l.capacityReservation?.availabilityZone;
      // A region with characters no zone may have is no AWS region: the line is not priced, its zone not checked.
      if (
        zone !== undefined &&
        ZONE_PATTERN.test(zone) &&
        ZONE_PATTERN.test(l.region) &&
        !(zone.length === l.region.length + 1 && zone.startsWith(l.region) && /[a-z]$/.test(zone))
      )
        ctx.addIssue({
          code: 'custom',
          message: `${zone} is not an Availability Zone of the line's region ${l.region} (e.g. ${l.region}a)`,
          path: ['lines', i, 'capacityReservation', 'availabilityZone'],
        });
    });
    s.lines.forEach((l, i) => {
      // AWS sells an OS only with some tenancies (Windows BYOL: dedicated hardware), and Capacity
      // Reservations are not available on Dedicated Hosts (shared/operating-systems.ts; dedicated-hosts.ts).
      const sold = OS_FACTS[l.os].tenancies;
      if (!sold.includes(l.tenancy))
        ctx.addIssue({
          code: 'custom',
          message: `${OS_FACTS[l.os].label} runs only as ${sold.map((t) => TENANCY_LABELS[t]).join(' or ')}: choose one of those tenancies`,
          path: ['lines', i, 'tenancy'],
        });
      if (l.tenancy === 'host' && l.capacityReservation !== undefined)
        ctx.addIssue({
          code: 'custom',
          message:
            'Capacity Reservations are not available on Dedicated Hosts: remove the reservation or choose another tenancy',
          path: ['lines', i, 'capacityReservation'],
        });
    });
    const seen = new Set<string>();
    s.lines.forEach((l, i) => {
      if (seen.has(l.id))
        ctx.addIssue({
          code: 'custom',
          message: `"${l.id}" is already the id of another line: ids must differ`,
          path: ['lines', i, 'id'],
        });
      seen.add(l.id);
    });
  })
  .meta(title('Scenario'));
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
