import { TENANCIES, TENANCY_LABELS, type Tenancy } from '../catalog-types';
import { hostPurchaseWords } from '../pricing/dedicated-hosts';
import type { LineEstimate } from '../pricing/estimate-types';
import type { DedicatedFeeEstimate, DedicatedHostEstimate } from '../pricing/tenancy-types';
import type { Purchase } from '../scenario/schema';
import { lineName } from './describe';
import type { ReportDedicatedFee, ReportDedicatedHost } from './tenancy-schema';

/**
 * Dedicated Instances and Dedicated Hosts in words, as the reports and the CLI say them: the tenancies a
 * scenario uses, how a host line buys its hosts, and the notes that explain the per-Region fee and the
 * hosts (the arithmetic itself is the engine's `working`, shared/pricing/dedicated-*.ts).
 */

/**
 * A host line's purchase as the report states it (the engine buys hosts On-Demand unless the line
 * reserves; Savings Plans and spot do not apply to hosts, and the estimate warns so).
 */
export function hostLinePurchase(p: Purchase): string {
  return p.model === 'reserved'
    ? hostPurchaseWords({ kind: 'reservation', termYears: p.termYears, paymentOption: p.paymentOption })
    : 'Dedicated Hosts, On-Demand';
}

export function reportDedicatedHost(h: DedicatedHostEstimate): ReportDedicatedHost {
  return {
    family: h.family,
    instancesPerHost: h.instancesPerHost,
    peakInstances: h.peakInstances,
    hosts: h.hosts,
    purchase: hostPurchaseWords(h.purchase),
    purchaseKind: h.purchase.kind,
    termYears: h.purchase.kind === 'reservation' ? h.purchase.termYears : null,
    paymentOption: h.purchase.kind === 'reservation' ? h.purchase.paymentOption : null,
    hostHourlyUsd: h.hostHourlyUsd,
    upfrontUsd: h.upfrontUsd,
    monthlyUsd: h.monthlyUsd,
    amortizedMonthlyUsd: h.amortizedMonthlyUsd,
    working: h.working,
  };
}

export function reportDedicatedFee(f: DedicatedFeeEstimate): ReportDedicatedFee {
  return {
    region: f.region,
    account: f.account,
    lineIds: f.lineIds,
    billedHours: f.billedHours,
    hourlyUsd: f.hourlyUsd,
    monthlyUsd: f.monthlyUsd,
    working: f.working,
  };
}

/** The tenancies in use, in TENANCIES order, and the one the assumptions state ("mixed" for several). */
export function tenancyAssumption(used: readonly Tenancy[]): {
  tenancy: Tenancy | 'mixed';
  tenancies: Tenancy[];
} {
  const tenancies = TENANCIES.filter((t) => used.includes(t));
  return {
    tenancy: tenancies.length === 0 ? 'shared' : tenancies.length === 1 ? tenancies[0]! : 'mixed',
    tenancies,
  };
}

/** "Shared, Dedicated Host": the tenancies by label ("Shared" for a scenario without lines). */
export const tenancyLabels = (tenancies: readonly Tenancy[]): string =>
  (tenancies.length ? tenancies : (['shared'] as const)).map((t) => TENANCY_LABELS[t]).join(', ');

/** The price note's tenancy: "shared tenancy", or "tenancy Shared, Dedicated Instance". */
export const tenancyPriceWords = (tenancies: readonly Tenancy[]): string =>
  tenancies.every((t) => t === 'shared') ? 'shared tenancy' : `tenancy ${tenancyLabels(tenancies)}`;

/** The report's notes on the Dedicated per-Region fee and on Dedicated Hosts, when the scenario has them. */
export function tenancyReportNotes(lines: readonly LineEstimate[]): string[] {
  const notes: string[] = [];
  if (lines.some((l) => l.dedicatedFee))
    notes.push(
      "Dedicated Instances pay their own (dedicated) hourly prices and AWS's Dedicated per-Region fee: charged once per hour in which at least one Dedicated Instance of an account runs in a Region, whatever their number. It is counted once per account and Region, on the first Dedicated Instance line there, within that line's compute.",
    );
  if (lines.some((l) => l.dedicatedHost))
    notes.push(
      'A line on Dedicated Hosts holds ceil(peak instances ÷ instances one host holds) hosts all month, billed per host-hour On-Demand or by Dedicated Host Reservation (its upfront spread over the term); its instances then pay only their licence per instance-hour. The hosts are within the line’s compute.',
    );
  return notes;
}

/**
 * One sentence per part a non-shared line carries: its hosts and the fee, each with its arithmetic
 * ("Line hosts (Dedicated Host): i2 Dedicated Host, On-Demand: ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts; …").
 */
export function tenancyLineNotes(lines: readonly LineEstimate[]): string[] {
  return lines.flatMap((l) => {
    if (!l.tenancy || l.tenancy === 'shared') return [];
    const what = `Line ${lineName(l)} (${TENANCY_LABELS[l.tenancy]})`;
    const parts = [l.dedicatedHost?.working, l.dedicatedFee?.working].filter(
      (w): w is string => w !== undefined,
    );
    if (l.tenancy === 'dedicated' && !l.dedicatedFee) {
      const carrier = lines.find((o) => o.dedicatedFee?.lineIds.includes(l.id));
      parts.push(
        carrier
          ? `its hours count in the Dedicated per-Region fee on line ${lineName(carrier)}`
          : 'no Dedicated per-Region fee counted',
      );
    }
    return parts.map((w) => `${what}: ${w}`);
  });
}
