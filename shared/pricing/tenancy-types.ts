import type { PaymentOption, TermYears } from '../catalog-types';
import type { UsdString } from '../money';

/**
 * What a line on Dedicated Hosts pays for its hosts in a month (dedicated-hosts.ts), beside the
 * instances' own charges. Figures are null when the catalog lacks the host's price (n/a, never 0).
 */
export interface DedicatedHostEstimate {
  /** The host type, named by instance family as AWS names it ("m5"). */
  family: string;
  region: string;
  /** Instances of the line's size one host holds; null when the catalog does not know the host. */
  instancesPerHost: number | null;
  /** The instances the line runs at its peak: the hosts are held for it all month. */
  peakInstances: number;
  /** ceil(peak instances ÷ instances per host); null when instancesPerHost is. */
  hosts: number | null;
  /** On-Demand per host-hour, or a Dedicated Host Reservation of a term and payment option. */
  purchase:
    { kind: 'on-demand' } | { kind: 'reservation'; termYears: TermYears; paymentOption: PaymentOption };
  /** The recurring rate of one host, per hour. */
  hostHourlyUsd: UsdString | null;
  /** Paid at purchase for all the line's hosts (reservations; '0' On-Demand). */
  upfrontUsd: UsdString | null;
  /** Recurring per month for all the line's hosts. */
  monthlyUsd: UsdString | null;
  /** monthlyUsd + upfrontUsd spread over the term. */
  amortizedMonthlyUsd: UsdString | null;
  sourceId: string | null;
  /** The arithmetic in words. */
  working: string;
}

/**
 * AWS's Dedicated per-Region fee of one account in one region (dedicated-fee.ts): charged once per
 * hour in which at least one Dedicated Instance of the account runs there. It sits on the first
 * Dedicated Instance line of that account and region.
 */
export interface DedicatedFeeEstimate {
  region: string;
  /** The account it is charged to; null when the scenario names no accounts. */
  account: string | null;
  /** The Dedicated Instance lines whose running hours it counts. */
  lineIds: string[];
  /** Hours per month in which at least one of them runs. */
  billedHours: number;
  hourlyUsd: UsdString | null;
  monthlyUsd: UsdString | null;
  sourceId: string | null;
  working: string;
}
