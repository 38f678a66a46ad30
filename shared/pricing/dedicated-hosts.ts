import type { TermYears } from '../catalog-types';
import { instanceTypeParts } from '../instance-name';
import { Decimal, formatUsd, toUsdString } from '../money';
import type { ScenarioLine } from '../scenario/schema';
import type { EstimateWarning } from './estimate-types';
import { IMPORT_HINT } from './messages';
import { hostKey, type HostPrices, type PriceBook } from './price-book';
import { paymentWords } from './purchase-options';
import type { DedicatedHostEstimate } from './tenancy-types';
import type { LineCharge } from './line-charges';

/**
 * Dedicated Hosts, as AWS prices them (EC2 User Guide, "Dedicated Hosts: pricing and billing",
 * docs.aws.amazon.com/AWSEC2/latest/UserGuide/dedicated-hosts-overview.html; aws.amazon.com/ec2/dedicated-hosts/pricing/):
 * - a host is billed per host-hour from allocation until release, On-Demand at its family's rate in its
 *   region: "The instance type size or the number of instances that are running on the Dedicated Host
 *   do not have an impact on the cost of the host";
 * - a Dedicated Host Reservation (1 or 3 years; no, partial or all upfront; no offering class) prices one
 *   host of its family in its region for the term instead;
 * - instances on a host add only their software licence per instance-hour (the price list's host-tenancy
 *   instance prices: Linux 0), priced as the line's instance-hours;
 * - a host holds a fixed number of instances of each size (the price list's instance capacity).
 *
 * The planner holds, all month, the hosts the line's peak needs: ceil(peak instances ÷ instances per host
 * of the line's size). Each line packs its own hosts; AWS's Nitro hosts can mix sizes of a family, which
 * may need fewer hosts across lines (not modelled). Savings Plans can also apply to host usage; the
 * planner prices a host line's hosts On-Demand or by host reservation only, and says so.
 */

/** How a Dedicated Host line buys its hosts: "On-Demand", or "Dedicated Host Reservation, 3-year, partial upfront". */
export function hostPurchaseWords(p: DedicatedHostEstimate['purchase']): string {
  return p.kind === 'on-demand'
    ? 'On-Demand'
    : `Dedicated Host Reservation, ${p.termYears}-year, ${paymentWords(p.paymentOption)}`;
}

/** What one host line pays for its hosts per month, with its warnings (a missing price is n/a). */
export function hostCharge(
  line: ScenarioLine,
  peak: number,
  book: PriceBook,
  hoursPerMonth: number,
): LineCharge<DedicatedHostEstimate> {
  const { family, size } = instanceTypeParts(line.instanceType);
  const host: HostPrices | undefined = book.hosts?.[hostKey(line.region, family)];
  const p = line.purchase;
  const warnings: EstimateWarning[] = [];
  const purchase: DedicatedHostEstimate['purchase'] =
    p.model === 'reserved'
      ? { kind: 'reservation', termYears: p.termYears, paymentOption: p.paymentOption }
      : { kind: 'on-demand' };
  if (p.model === 'savings-plan' || p.model === 'spot') {
    warnings.push({
      code: 'tenancy-purchase',
      message:
        p.model === 'spot'
          ? `line ${line.id} runs on Dedicated Hosts, which are not sold as spot: its hosts are priced On-Demand`
          : `line ${line.id} runs on Dedicated Hosts: the planner prices hosts On-Demand or by Dedicated Host Reservation, not by Savings Plans, so its hosts are priced On-Demand`,
      lineId: line.id,
    });
  }
  const peakInstances = Math.ceil(peak);
  const perHost = size === null ? null : (host?.instancesPerHost[size] ?? null);
  const hosts = perHost === null || perHost <= 0 ? null : Math.ceil(peakInstances / perHost);
  const what =
    purchase.kind === 'reservation'
      ? `${family} ${hostPurchaseWords(purchase)}`
      : `${family} Dedicated Host, ${hostPurchaseWords(purchase)}`;
  const rate =
    host === undefined
      ? null
      : purchase.kind === 'on-demand'
        ? host.onDemandHourlyUsd === null
          ? null
          : { upfrontUsd: '0', hourlyUsd: host.onDemandHourlyUsd, sourceId: host.onDemandSourceId }
        : (host.reservations.find(
            (r) => r.termYears === purchase.termYears && r.paymentOption === purchase.paymentOption,
          ) ?? null);
  const termYears: TermYears | null = purchase.kind === 'reservation' ? purchase.termYears : null;
  const base = {
    family,
    region: line.region,
    instancesPerHost: perHost,
    peakInstances,
    hosts,
    purchase,
  };
  if (host !== undefined && perHost === null) {
    warnings.push({
      code: 'missing-price',
      message: `a ${family} Dedicated Host in ${line.region} holds no ${line.instanceType} in the catalog: line ${line.id}'s hosts are not priced — ${IMPORT_HINT}`,
      lineId: line.id,
      missing: { family: 'dedicated-host', region: line.region, os: null, option: what },
    });
  }
  if (rate === null || hosts === null) {
    if (rate === null) {
      warnings.push({
        code: 'missing-price',
        message: `no ${what} price in ${line.region}: line ${line.id}'s hosts are not priced — ${IMPORT_HINT}`,
        lineId: line.id,
        missing: { family: 'dedicated-host', region: line.region, os: null, option: what },
      });
    }
    return {
      estimate: {
        ...base,
        hostHourlyUsd: rate?.hourlyUsd ?? null,
        upfrontUsd: null,
        monthlyUsd: null,
        amortizedMonthlyUsd: null,
        sourceId: rate?.sourceId ?? null,
        working: `${what}: n/a — ${IMPORT_HINT}`,
      },
      monthly: null,
      upfront: null,
      amortized: null,
      termYears,
      warnings,
      sourceIds: [],
    };
  }
  const hourly = new Decimal(rate.hourlyUsd);
  const monthly = hourly.times(hosts).times(hoursPerMonth);
  const upfront = new Decimal(rate.upfrontUsd).times(hosts);
  const amortized = termYears === null ? monthly : monthly.plus(upfront.div(termYears * 12));
  const packing = `ceil(${peakInstances} ${line.instanceType} ÷ ${perHost} per host) = ${hosts} host${hosts === 1 ? '' : 's'}`;
  const recurring = `${hosts} × $${rate.hourlyUsd}/h × ${hoursPerMonth} h = ${formatUsd(monthly)}/month`;
  const paid = upfront.isZero()
    ? ''
    : `; upfront ${hosts} × $${rate.upfrontUsd} = ${formatUsd(upfront)}, spread over ${termYears! * 12} months: ${formatUsd(amortized)}/month amortized`;
  return {
    estimate: {
      ...base,
      hostHourlyUsd: rate.hourlyUsd,
      upfrontUsd: toUsdString(upfront),
      monthlyUsd: toUsdString(monthly),
      amortizedMonthlyUsd: toUsdString(amortized),
      sourceId: rate.sourceId,
      working: `${what}: ${packing}; ${recurring}${paid}`,
    },
    monthly,
    upfront,
    amortized,
    termYears,
    warnings,
    sourceIds: rate.sourceId ? [rate.sourceId] : [],
  };
}
