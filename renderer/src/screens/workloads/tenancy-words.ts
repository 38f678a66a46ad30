import type { DedicatedFeeEstimate, DedicatedHostEstimate } from '@shared/pricing/tenancy-types';
import { paymentWords } from '@shared/pricing/purchase-options';
import { formatMoney, formatRate } from '../../format';

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A host line's hosts in a sentence: "2 × i2 Dedicated Host (8 i2.xlarge per host), On-Demand, $7.502/h
 * each — $10,952.92/month"; what the catalog lacks reads n/a, never 0.
 */
export function hostText(h: DedicatedHostEstimate, instanceType: string): string {
  const bought =
    h.purchase.kind === 'on-demand'
      ? 'On-Demand'
      : `${h.purchase.termYears}-year reservation, ${paymentWords(h.purchase.paymentOption)}`;
  if (h.hosts === null || h.instancesPerHost === null)
    return `${h.family} Dedicated Hosts for a peak of ${h.peakInstances} ${instanceType}, ${bought}: n/a (how many a host holds is not in this catalog)`;
  const hosts = `${h.hosts} × ${h.family} Dedicated Host (${h.instancesPerHost} ${instanceType} per host), ${bought}`;
  if (h.monthlyUsd === null) return `${hosts}: price n/a`;
  const upfront =
    h.upfrontUsd !== null && h.upfrontUsd !== '0' && h.purchase.kind === 'reservation'
      ? ` + ${formatMoney(h.upfrontUsd)} upfront in all`
      : '';
  return `${hosts}, ${formatRate(h.hostHourlyUsd)}/h each — ${formatMoney(h.monthlyUsd)}/month${upfront}`;
}

/**
 * The Dedicated per-Region fee a line carries: "Dedicated per-Region fee, eu-central-1: 730 h × $2.00/h =
 * $1,460.00/month, for the Dedicated Instances of web, batch".
 */
export function feeText(f: DedicatedFeeEstimate, lineName: (id: string) => string): string {
  const where = f.account === null ? f.region : `${f.region}, account ${f.account}`;
  const figure =
    f.monthlyUsd === null
      ? `${hoursFormat.format(f.billedHours)} h × rate n/a`
      : `${hoursFormat.format(f.billedHours)} h × ${formatRate(f.hourlyUsd)}/h = ${formatMoney(f.monthlyUsd)}/month`;
  const lines = f.lineIds.map(lineName).join(', ');
  return `Dedicated per-Region fee, ${where}: ${figure}, for the hours a Dedicated Instance of ${f.lineIds.length === 1 ? 'line' : 'lines'} ${lines} runs`;
}
