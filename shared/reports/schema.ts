import { z } from 'zod';
import { OPERATING_SYSTEMS, PURCHASE_MODELS, VOLUME_TYPES } from '../catalog-types';
import { MISSING_PRICE_FAMILIES } from '../pricing/missing-prices';
import {
  reportDedicatedFeeSchema,
  reportDedicatedHostSchema,
  reportTenancyAssumptionSchema,
  reportTenancySchema,
} from './tenancy-schema';

/**
 * The cost report: one model every exporter (JSON, CSV, XLSX, HTML/PDF) renders. Versioned; published
 * as docs/report.schema.json (generated from this schema by `npm run schema`). Money is a decimal
 * string at full precision; null means "n/a" (not priced), never 0.
 */
export const REPORT_VERSION = 1;

const usd = z.string().regex(/^-?\d+(\.\d+)?$/);
const usdOrNull = usd.nullable();

export const reportWarningSchema = z.strictObject({
  /** Where it comes from: the estimate of the scenario as planned, the strategy comparison, the EBS check. */
  scope: z.enum(['estimate', 'comparison', 'ebs']),
  code: z.string(),
  message: z.string(),
  lineId: z.string().nullable(),
});

export const storageDimensionsSchema = z.strictObject({
  capacityUsd: usdOrNull,
  iopsUsd: usdOrNull,
  throughputUsd: usdOrNull,
  ioRequestsUsd: usdOrNull,
});

export const ebsFitStatusSchema = z.enum([
  'within',
  'binding',
  'exceeds-baseline',
  'exceeds-maximum',
  'unknown',
]);

export const ebsDimensionCheckSchema = z.strictObject({
  /** Sum over the volumes attached to one instance of the line. */
  volumes: z.number(),
  instanceBaseline: z.number().nullable(),
  instanceMaximum: z.number().nullable(),
  status: ebsFitStatusSchema,
});

export const reportVolumeSchema = z.strictObject({
  index: z.number().int(),
  volumeType: z.enum(VOLUME_TYPES),
  sizeGiB: z.number(),
  /** Volumes of this kind on each instance. */
  countPerInstance: z.number().int(),
  /** Volumes billed for the month (all instances). */
  billedVolumes: z.number(),
  provisionedIops: z.number().nullable(),
  provisionedThroughputMiBps: z.number().nullable(),
  /** What one volume delivers at most (burst where it has one). */
  deliveredIops: z.number(),
  deliveredThroughputMiBps: z.number(),
  monthlyUsd: usdOrNull,
  /** Snapshot storage plus fast snapshot restore. */
  snapshotMonthlyUsd: usdOrNull,
  /** The fast snapshot restore part of snapshotMonthlyUsd ("0" when the policy enables none). */
  fastSnapshotRestoreMonthlyUsd: usdOrNull,
  snapshotPolicy: z.string().nullable(),
});

export const reportEbsCheckSchema = z.strictObject({
  instanceType: z.string(),
  iops: ebsDimensionCheckSchema,
  throughputMiBps: ebsDimensionCheckSchema,
  /** The worse of the two. */
  status: ebsFitStatusSchema,
  summary: z.string(),
});

/** A line sized from demand (shared/capacity/demand.ts). */
export const reportDemandSchema = z.strictObject({
  peakInstances: z.number().int(),
  instancesPerZoneAtPeak: z.number().int(),
  zones: z.number().int(),
  surviveZoneLoss: z.boolean(),
  targetUtilizationPct: z.number(),
  /** Hours per period (periodHours) in which the group's maximum left demand uncovered. */
  underProvisionedHours: z.number().int(),
  periodHours: z.number().int(),
  /** "39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)". */
  summary: z.string(),
  /** The peak's arithmetic in words. */
  working: z.string(),
});

/** The mix's peak running vCPUs per EC2 quota class and region against the quotas (shared/capacity/quotas.ts). */
export const reportQuotasSchema = z.strictObject({
  /** "1 of 2 quotas exceeded", "within every quota (2 checked)". */
  verdict: z.string(),
  uses: z.array(
    z.strictObject({
      key: z.string(),
      /** AWS's name for the quota. */
      name: z.string(),
      market: z.enum(['on-demand', 'spot']),
      region: z.string(),
      peakVcpus: z.number(),
      peakAt: z.string(),
      lineIds: z.array(z.string()),
      quotaVcpus: z.number(),
      /** The scenario's figure, or AWS's documented default for a new account. */
      quotaSource: z.enum(['entered', 'aws-default']),
      status: z.enum(['within', 'exceeds']),
      message: z.string(),
    }),
  ),
  notCounted: z.array(z.strictObject({ lineId: z.string(), instanceType: z.string(), reason: z.string() })),
});

export const reportLineSchema = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  instanceType: z.string(),
  region: z.string(),
  /** The OS code (shared/operating-systems.ts names it: OS_NAMES). */
  os: z.enum(OPERATING_SYSTEMS),
  /** Shared, Dedicated Instance or Dedicated Host (TENANCY_LABELS). */
  tenancy: reportTenancySchema,
  usage: z.string(),
  /** The purchase the scenario chose for the line, in words. */
  purchase: z.string(),
  /** The model it was priced with (a non-tolerant spot line is priced on-demand). */
  pricedModel: z.enum(PURCHASE_MODELS),
  instanceHours: z.number(),
  peakCount: z.number(),
  minCount: z.number(),
  computeMonthlyUsd: usdOrNull,
  computeAmortizedMonthlyUsd: usdOrNull,
  storageMonthlyUsd: usdOrNull,
  storage: storageDimensionsSchema,
  snapshotMonthlyUsd: usdOrNull,
  upfrontUsd: usdOrNull,
  monthlyUsd: usdOrNull,
  amortizedMonthlyUsd: usdOrNull,
  complete: z.boolean(),
  volumes: z.array(reportVolumeSchema),
  ebsCheck: reportEbsCheckSchema.nullable(),
  /** How a line sized from demand was sized; null for a line given as a count. */
  demand: reportDemandSchema.nullable(),
  /** A line on Dedicated Hosts: its hosts and their cost (part of its compute); null otherwise. */
  dedicatedHost: reportDedicatedHostSchema.nullable(),
  /** The Dedicated per-Region fee this line carries (part of its compute); null otherwise. */
  dedicatedFee: reportDedicatedFeeSchema.nullable(),
});

export const reportTotalsSchema = z.strictObject({
  computeMonthlyUsd: usd,
  computeAmortizedMonthlyUsd: usd,
  storageMonthlyUsd: usd,
  storage: z.strictObject({
    capacityUsd: usd,
    iopsUsd: usd,
    throughputUsd: usd,
    ioRequestsUsd: usd,
  }),
  snapshotMonthlyUsd: usd,
  upfrontUsd: usd,
  monthlyUsd: usd,
  amortizedMonthlyUsd: usd,
  oneYearUsd: usd,
  threeYearUsd: usd,
  instanceHours: z.number(),
  /** False when some figure could not be priced: totals add only what could be. */
  complete: z.boolean(),
  incompleteLineIds: z.array(z.string()),
});

export const reportStrategySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(PURCHASE_MODELS),
  upfrontUsd: usdOrNull,
  monthlyUsd: usdOrNull,
  amortizedMonthlyUsd: usdOrNull,
  oneYearUsd: usdOrNull,
  threeYearUsd: usdOrNull,
  savingsVsOnDemandPct: z.string().nullable(),
  /** First month (1..36) at or below on-demand's cash; 0 from the first month; null otherwise. */
  breakEvenMonth: z.number().int().nullable(),
  /** The break-even in words, as the app says it: "pays back in month 8", "never pays back", "no saving"… */
  breakEven: z.string(),
  /** Cumulative cash at months 0..36; null when incomplete. */
  cumulativeUsd: z.array(usd).nullable(),
  complete: z.boolean(),
  warnings: z.array(z.string()),
  /** The quotas the strategy's mix exceeds, in words ("Over quota: spot Standard in us-east-1 …"); null when none. */
  quotaExceeded: z.string().nullable(),
  /** The budget thresholds its cash crosses ("80 % actual: month 1; …", "within (72.3 %)"); null without a budget. */
  budget: z.string().nullable(),
  /** The AWS Support fee on this strategy's own charges and its 3 years with it, in words; null without a plan. */
  support: z.string().nullable(),
});

/**
 * One account's cost (shared/pricing/account-totals.ts): its lines' figures, each commitment in the
 * account of the line that buys it. The accounts add up to the report's totals.
 */
export const reportAccountSchema = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  /** Whether it shares RI and Savings Plans discounts with the organization's other sharing accounts. */
  sharing: z.boolean(),
  lineIds: z.array(z.string()),
  monthlyUsd: usd,
  upfrontUsd: usd,
  amortizedMonthlyUsd: usd,
  oneYearUsd: usd,
  threeYearUsd: usd,
  complete: z.boolean(),
});

/** The scenario's AWS Support plan's fee (shared/pricing/support-estimate.ts); figures null when incomplete. */
export const reportSupportSchema = z.strictObject({
  plan: z.string(),
  label: z.string(),
  supportMonthlyUsd: usdOrNull,
  firstMonthUsd: usdOrNull,
  amortizedMonthlyUsd: usdOrNull,
  oneYearUsd: usdOrNull,
  threeYearUsd: usdOrNull,
  monthlyWithSupportUsd: usdOrNull,
  amortizedMonthlyWithSupportUsd: usdOrNull,
  oneYearWithSupportUsd: usdOrNull,
  threeYearWithSupportUsd: usdOrNull,
  /** "greater of 29 USD minimum and 3% × 394.19 = 11.83 USD → the minimum". */
  arithmetic: z.string().nullable(),
  note: z.string(),
  source: z.string(),
  asOf: z.string(),
});

/** The scenario's monthly budget against the estimate (shared/pricing/budget.ts). */
export const reportBudgetSchema = z.strictObject({
  budgetUsd: usd,
  /** The recurring monthly cash and its share of the budget, percent with one decimal. */
  monthlyUsd: usd,
  usedPct: z.string(),
  amortizedMonthlyUsd: usd,
  within: z.boolean(),
  /** "Within budget: $394.19 of $500.00 (78.8 %)" or the thresholds crossed. */
  summary: z.string(),
  thresholds: z.array(
    z.strictObject({
      pct: z.number(),
      basis: z.enum(['actual', 'forecasted']),
      amountUsd: usd,
      crossed: z.boolean(),
      /** Months 1..36 whose cash goes over it (upfronts in month 1, 1-year renewals in 13 and 25). */
      months: z.array(z.number().int()),
      amortizedCrosses: z.boolean(),
      /** The amount minus the recurring monthly: negative when over. */
      headroomUsd: z.string(),
      words: z.string(),
    }),
  ),
  complete: z.boolean(),
});

/** One family of prices the catalog lacks, said once with its way out (shared/pricing/missing-price-words.ts). */
export const reportMissingPriceSchema = z.strictObject({
  family: z.enum(MISSING_PRICE_FAMILIES),
  /** "Savings Plans rates are not in this catalog". */
  title: z.string(),
  /** "Update from AWS, or import the Savings Plans file" (the app's Data screen does both). */
  wayOut: z.string(),
  /** The scopes that lack it: "us-east-1 Linux". */
  scopes: z.string(),
  /** The lines it concerns, each once: ids, and names as shown. */
  lineIds: z.array(z.string()),
  lineNames: z.array(z.string()),
  /** The lines whose figures as planned lack it (n/a in the estimate); the others lack it in strategies only. */
  estimateLineIds: z.array(z.string()),
  /** The ways of buying (or instance types) asked for that it leaves unpriced, each once. */
  options: z.array(z.string()),
  /** The compared strategies it leaves n/a, by label. */
  strategies: z.array(z.string()),
  /** The whole notice in one sentence. */
  text: z.string(),
});

export const reportSchema = z.strictObject({
  reportVersion: z.literal(REPORT_VERSION),
  title: z.string(),
  scenarioName: z.string(),
  description: z.string().nullable(),
  /** ISO 8601 date-time the report was produced. */
  producedAt: z.string(),
  catalog: z.strictObject({
    source: z.string(),
    /** The catalog's as-of date: the newest date of any price it holds. */
    asOf: z.string(),
    /**
     * The oldest and newest as-of date among the prices this report's figures (the estimate and every
     * strategy compared) used; null when none could be priced.
     */
    pricesAsOf: z.strictObject({ oldest: z.string(), newest: z.string() }).nullable(),
    /** The price sources this scenario's figures come from, each with its own as-of date. */
    sources: z.array(z.strictObject({ id: z.string(), name: z.string(), asOf: z.string() })),
  }),
  assumptions: z.strictObject({
    hoursPerMonth: z.number(),
    regions: z.array(z.string()),
    /** OS codes (OS_NAMES names them). */
    operatingSystems: z.array(z.enum(OPERATING_SYSTEMS)),
    /** The one tenancy every line uses, or "mixed" (the tenancies are then in `tenancies`). */
    tenancy: reportTenancyAssumptionSchema,
    /** The tenancies the lines use, in the order shared, dedicated, host. */
    tenancies: z.array(reportTenancySchema),
    usage: z.array(z.strictObject({ lineId: z.string(), description: z.string() })),
    notes: z.array(z.string()),
  }),
  lines: z.array(reportLineSchema),
  totals: reportTotalsSchema,
  comparison: z.strictObject({
    strategies: z.array(reportStrategySchema),
    /** Cheapest complete strategy over 3 years; null when none is complete. */
    cheapestId: z.string().nullable(),
    /** Strategies the cumulative-cost chart draws: on-demand, the cheapest RI and SP when priced. */
    chartedIds: z.array(z.string()),
  }),
  /** Prices the catalog lacks, one notice per family (the warnings do not repeat them line by line). */
  missingPrices: z.array(reportMissingPriceSchema),
  quotas: reportQuotasSchema,
  /** The scenario's budget and its crossings; null when it sets none. */
  budget: reportBudgetSchema.nullable(),
  /** The scenario's AWS Support plan and its fee; null when it names none. */
  support: reportSupportSchema.nullable(),
  /** Cost per account; absent when the scenario names no accounts. */
  accounts: z.array(reportAccountSchema).optional(),
  warnings: z.array(reportWarningSchema),
});

export type Report = z.output<typeof reportSchema>;
export type ReportLine = z.output<typeof reportLineSchema>;
export type ReportVolume = z.output<typeof reportVolumeSchema>;
export type ReportTotals = z.output<typeof reportTotalsSchema>;
export type ReportStrategy = z.output<typeof reportStrategySchema>;
export type ReportWarning = z.output<typeof reportWarningSchema>;
export type ReportMissingPrice = z.output<typeof reportMissingPriceSchema>;
export type ReportEbsCheck = z.output<typeof reportEbsCheckSchema>;
export type ReportDemand = z.output<typeof reportDemandSchema>;
export type ReportQuotas = z.output<typeof reportQuotasSchema>;
export type ReportBudget = z.output<typeof reportBudgetSchema>;
export type ReportSupport = z.output<typeof reportSupportSchema>;
export type ReportAccount = z.output<typeof reportAccountSchema>;
export type EbsDimensionCheck = z.output<typeof ebsDimensionCheckSchema>;
export type EbsFitStatus = z.output<typeof ebsFitStatusSchema>;
export type StorageDimensions = z.output<typeof storageDimensionsSchema>;
export type { ReportDedicatedFee, ReportDedicatedHost } from './tenancy-schema';
