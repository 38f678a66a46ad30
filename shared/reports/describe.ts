import type {
  Day,
  DemandUsage,
  FastSnapshotRestore,
  Purchase,
  SnapshotPolicy,
  Usage,
} from '../scenario/schema';
import { DAY_LABELS, DAYS } from '../scenario/schema';
import {
  OFFERING_CLASS_LABELS,
  PLAN_TYPE_LABELS,
  PURCHASE_MODEL_LABELS,
  paymentWords,
} from '../pricing/purchase-options';

/** Scenario settings in words, for people reading a report. */

/** What a line is called wherever it is shown: its name, or its id when it has none. */
export const lineName = (line: { id: string; name?: string | null | undefined }): string =>
  line.name?.trim() || line.id;

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Mon–Fri" for a consecutive run, "Mon, Wed, Fri" otherwise, "every day" for all seven. */
export function describeDays(days: readonly Day[]): string {
  const idx = [...new Set(days)].map((d) => DAYS.indexOf(d)).sort((a, b) => a - b);
  if (idx.length === 7) return 'every day';
  const consecutive = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (consecutive && idx.length > 2) return `${DAY_LABELS[DAYS[idx[0]!]!]}–${DAY_LABELS[DAYS[idx.at(-1)!]!]}`;
  return idx.map((i) => DAY_LABELS[DAYS[i]!]).join(', ');
}

export function describeUsage(u: Usage): string {
  switch (u.pattern) {
    case 'constant':
      return `Always on, ${plural(u.count, 'instance')}`;
    case 'business-hours':
      return (
        `${describeDays(u.days)} ${hh(u.startHour)}–${hh(u.endHour)}, ${plural(u.count, 'instance')}` +
        (u.offHoursCount > 0 ? `; ${u.offHoursCount} outside those hours` : '; stopped outside those hours')
      );
    case 'daily-spike':
      return `${plural(u.baseCount, 'instance')}, rising to ${u.peakCount} for ${plural(u.peakHours, 'hour')} from ${hh(
        u.peakStartHour,
      )}, ${describeDays(u.days)}`;
    case 'weekly':
      return `Weekly profile of 168 hourly counts (${Math.min(...u.counts)}–${Math.max(...u.counts)} instances)`;
    case 'hourly':
      return `Hourly series of ${u.counts.length} hours (${Math.min(...u.counts)}–${Math.max(...u.counts)} instances)`;
    case 'demand':
      return describeDemand(u);
    case 'jobs':
      return `${plural(u.runsPerDay, 'run')} a day of ${plural(u.durationSeconds, 'second')}, ${describeDays(u.days)} ${hh(u.startHour)}–${hh(u.endHour)}`;
  }
}

const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "Sized from demand: 100 vCPU (constant) at 100 % target utilization over 3 Availability Zones, …". */
export function describeDemand(u: DemandUsage): string {
  const needs = [
    u.vcpu !== undefined ? `${amount(u.vcpu)} vCPU` : null,
    u.memoryGiB !== undefined ? `${amount(u.memoryGiB)} GiB of memory` : null,
    u.custom
      ? `${amount(u.custom.peak)} ${u.custom.unit} (${amount(u.custom.perInstance)} per instance)`
      : null,
  ].filter((n) => n !== null);
  const shape = u.follows
    ? `peak, following ${describeUsage(u.follows).replace(/^./, (c) => c.toLowerCase())}`
    : 'constant';
  const zones =
    u.zones === 1
      ? 'one Availability Zone'
      : `${u.zones} Availability Zones${u.surviveZoneLoss ? ', surviving the loss of one' : ''}`;
  const bounds =
    u.maxInstances === undefined
      ? `at least ${plural(u.minInstances, 'instance')}`
      : `${u.minInstances}–${u.maxInstances} instances`;
  return `Sized from demand: ${needs.join(' and ')} (${shape}) at ${amount(u.targetUtilizationPct)} % target utilization over ${zones}, ${bounds}`;
}

export function describePurchase(p: Purchase): string {
  switch (p.model) {
    case 'on-demand':
    case 'spot':
      return PURCHASE_MODEL_LABELS[p.model];
    case 'reserved': {
      const cls = OFFERING_CLASS_LABELS[p.offeringClass];
      const count = p.count === undefined ? 'sized to steady usage' : `× ${p.count}`;
      return `${cls} RI, ${p.termYears}-year, ${paymentWords(p.paymentOption)}, ${count}`;
    }
    case 'savings-plan': {
      const plan = PLAN_TYPE_LABELS[p.planType];
      const commit =
        p.commitmentHourlyUsd === undefined
          ? 'sized to steady usage'
          : `$${p.commitmentHourlyUsd}/h committed`;
      return `${plan} Savings Plan, ${p.termYears}-year, ${paymentWords(p.paymentOption)}, ${commit}`;
    }
  }
}

export function describeSnapshot(s: SnapshotPolicy): string {
  const base = `${s.frequency}, keep ${s.retentionCount}, ${s.dailyChangePct}% daily change, ${s.tier} tier`;
  return s.fastSnapshotRestore ? `${base}, ${describeFastSnapshotRestore(s.fastSnapshotRestore)}` : base;
}

/** "fast snapshot restore on 1 snapshot in 2 AZs". */
export function describeFastSnapshotRestore(f: FastSnapshotRestore): string {
  return `fast snapshot restore on ${plural(f.snapshots, 'snapshot')} in ${plural(f.availabilityZones, 'AZ')}`;
}
