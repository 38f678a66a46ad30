import { z } from 'zod';
import { PAYMENT_OPTIONS, TENANCIES } from '../catalog-types';

/**
 * The report's Dedicated Instance and Dedicated Host parts (shared/pricing/tenancy-types.ts): money is
 * a decimal string at full precision, null = n/a (the catalog lacks the price), never 0.
 */
const usdOrNull = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .nullable();

/** What a line on Dedicated Hosts pays for its hosts in a month. */
export const reportDedicatedHostSchema = z.strictObject({
  /** The host type, named by instance family as AWS names it ("i2"). */
  family: z.string(),
  /** Instances of the line's size one host holds; null when the catalog does not know the host. */
  instancesPerHost: z.number().int().nullable(),
  /** The instances the line runs at its peak: the hosts are held for it all month. */
  peakInstances: z.number().int(),
  /** ceil(peak instances ÷ instances per host); null when instancesPerHost is. */
  hosts: z.number().int().nullable(),
  /** "On-Demand" or "Dedicated Host Reservation, 3-year, partial upfront". */
  purchase: z.string(),
  purchaseKind: z.enum(['on-demand', 'reservation']),
  termYears: z.number().int().nullable(),
  paymentOption: z.enum(PAYMENT_OPTIONS).nullable(),
  /** The recurring rate of one host, per hour. */
  hostHourlyUsd: usdOrNull,
  /** Paid at purchase for all the line's hosts ("0" On-Demand). */
  upfrontUsd: usdOrNull,
  /** Recurring per month for all the line's hosts. */
  monthlyUsd: usdOrNull,
  amortizedMonthlyUsd: usdOrNull,
  /** The arithmetic in words: "i2 Dedicated Host, On-Demand: ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts; …". */
  working: z.string(),
});

/**
 * AWS's Dedicated per-Region fee of one account in one region, on the first Dedicated Instance line of
 * that account and region: charged once per hour in which at least one of them runs.
 */
export const reportDedicatedFeeSchema = z.strictObject({
  region: z.string(),
  /** The account it is charged to; null when the scenario names no accounts. */
  account: z.string().nullable(),
  /** The Dedicated Instance lines whose running hours it counts. */
  lineIds: z.array(z.string()),
  /** Hours per month in which at least one of them runs. */
  billedHours: z.number(),
  hourlyUsd: usdOrNull,
  monthlyUsd: usdOrNull,
  working: z.string(),
});

export const reportTenancySchema = z.enum(TENANCIES);

/** The tenancy the report's assumptions state: every line's one tenancy, or "mixed". */
export const reportTenancyAssumptionSchema = z.enum([...TENANCIES, 'mixed']);

export type ReportDedicatedHost = z.output<typeof reportDedicatedHostSchema>;
export type ReportDedicatedFee = z.output<typeof reportDedicatedFeeSchema>;
