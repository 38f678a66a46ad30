import type { LineEstimate } from '../pricing/estimate-types';
import type { DemandEstimate } from './demand';
import { QUOTA_FAMILY_LABELS, quotaClass, type QuotaCheck, type QuotaUse } from './quotas';

/** The capacity parts of an estimate in words: lines sized from demand, and the quota check. */

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)". */
export function demandSummary(d: DemandEstimate): string {
  const zones =
    d.zones === 1
      ? ''
      : ` (${num(d.instancesPerZoneAtPeak)} per AZ × ${d.zones} AZs${d.surviveZoneLoss ? ', surviving the loss of one' : ''})`;
  const under =
    d.underProvisionedHours > 0 ? `; under-provisioned ${d.underProvisionedHours} h per period` : '';
  return `${num(d.peakInstances)} instance${d.peakInstances === 1 ? '' : 's'} at the peak${zones}${under}`;
}

/** One line per line sized from demand: its peak and the arithmetic. */
export function demandLines(lines: readonly LineEstimate[]): string[] {
  return lines
    .filter((l): l is LineEstimate & { demand: DemandEstimate } => l.demand !== null)
    .map((l) => `${l.name ?? l.id}: ${demandSummary(l.demand)} — ${l.demand.working}`);
}

/** The quota check as the CLI and reports print it: one line per (region, quota), flags first. */
export function quotaLines(q: QuotaCheck): string[] {
  const flag = (exceeds: boolean) => (exceeds ? 'EXCEEDS' : 'ok');
  return [
    ...q.uses.map((u) => `${flag(u.status === 'exceeds')}: ${u.message}`),
    ...q.notCounted.map((n) => `not counted: line ${n.lineId} (${n.reason})`),
  ];
}

/** "1 quota exceeded" / "within every quota" / "no line counted". */
export function quotaVerdict(q: QuotaCheck): string {
  if (q.uses.length === 0) return 'no line counts against a vCPU quota';
  if (q.exceeded === 0) return `within every quota (${q.uses.length} checked)`;
  return `${q.exceeded} of ${q.uses.length} quota${q.uses.length === 1 ? '' : 's'} exceeded`;
}

/**
 * The quotas a mix exceeds, in words ("Over quota: spot Standard in us-east-1 (14 vCPUs, quota 4)");
 * null when none. Given a reference (Compare's all On-Demand), only what differs from it is said, so
 * the strategies that buy the same instances differently do not repeat the reference's flags.
 */
export function exceededWords(q: QuotaCheck, reference: QuotaCheck | null = null): string | null {
  const inReference = (u: QuotaUse) =>
    reference?.uses.some(
      (r) => r.key === u.key && r.region === u.region && r.peakVcpus === u.peakVcpus && r.status === u.status,
    ) ?? false;
  const over = q.uses.filter((u) => u.status === 'exceeds' && !inReference(u));
  if (over.length === 0) return null;
  const what = over.map((u) => {
    const family = QUOTA_FAMILY_LABELS[quotaClass(u.key).family].replace(/ \(.*\)$/, '');
    const market = u.market === 'spot' ? 'spot' : 'On-Demand';
    const source = u.quotaSource === 'aws-default' ? ", AWS's default" : '';
    return `${market} ${family} in ${u.region} (${num(u.peakVcpus)} vCPUs, quota ${num(u.quotaVcpus)}${source})`;
  });
  return `Over quota: ${what.join('; ')}`;
}
