import type { EbsPrices } from '../catalog-types';
import { InputError } from '../errors';
import { Decimal, HOURS_PER_MONTH } from '../money';
import { MissingPriceError } from './cost';

/**
 * EBS snapshot storage per month, from the Amazon EBS pricing page (aws.amazon.com/ebs/pricing,
 * "Snapshots") and the EBS User Guide on snapshot archiving
 * (docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive.html).
 *
 * Model:
 * - Standard tier snapshots are incremental: the first (full) snapshot stores the used data; each later
 *   retained snapshot stores the blocks changed since the previous one, taken as the daily change ×
 *   days between snapshots, at most the used size. Steady state with `retentionCount` snapshots kept:
 *   stored = used + (retentionCount − 1) × change per interval.
 * - Archive tier: archiving turns a snapshot into a FULL snapshot of its data, so every archived
 *   snapshot stores the used size: stored = retentionCount × used. Archived snapshots are billed for at
 *   least 90 days; when snapshots are deleted sooner (retentionCount × interval < 90 days), the steady
 *   state bills 90 days' worth of archives: billed copies = max(retentionCount, 90 / interval days).
 *   Restoring one costs the retrieval fee per GB of its data.
 * - Daily change is a percentage of the used data; a month is 730 hours (30.42 days) for 'monthly'.
 */
export type SnapshotFrequency = 'hourly' | 'daily' | 'weekly' | 'monthly';
export type SnapshotTier = 'standard' | 'archive';

export interface SnapshotPlan {
  volumeSizeGiB: number;
  /** Share of the volume holding data, percent; default 100. */
  usedPct?: number;
  /** Share of the used data changed per day, percent. */
  dailyChangePct: number;
  /** Either snapshotsPerDay or frequency. */
  snapshotsPerDay?: number;
  frequency?: SnapshotFrequency;
  retentionCount: number;
  tier: SnapshotTier;
}

export interface SnapshotCostComponent {
  dimension: 'snapshot-standard' | 'snapshot-archive';
  quantity: number;
  unit: string;
  unitUsd: Decimal;
  monthlyUsd: Decimal;
}

export interface SnapshotCost {
  /** GiB held by the retained snapshots (before the archive 90-day minimum). */
  storedGiB: number;
  /** GiB billed per month (stored, or the 90-day minimum's steady state for archive). */
  billedGiB: number;
  monthlyUsd: Decimal;
  components: SnapshotCostComponent[];
  /** Archive only: the fee to restore one archived snapshot (retrieval per GB of its data). */
  restoreOneUsd: Decimal | null;
  notes: string[];
}

export const SNAPSHOT_INTERVAL_DAYS: Record<SnapshotFrequency, number> = {
  hourly: 1 / 24,
  daily: 1,
  weekly: 7,
  monthly: HOURS_PER_MONTH / 24,
};
export const ARCHIVE_MINIMUM_DAYS = 90;

function number(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, 'must be a number');
  return value;
}

function intervalDays(plan: SnapshotPlan): number {
  if (plan.snapshotsPerDay !== undefined && plan.frequency !== undefined) {
    throw new InputError('frequency', 'give either snapshotsPerDay or frequency, not both');
  }
  if (plan.snapshotsPerDay !== undefined) {
    const perDay = number('snapshotsPerDay', plan.snapshotsPerDay);
    if (perDay <= 0 || perDay > 24 * 60)
      throw new InputError('snapshotsPerDay', 'must be above 0 and at most 1,440');
    return 1 / perDay;
  }
  if (plan.frequency === undefined) throw new InputError('frequency', 'give snapshotsPerDay or frequency');
  const days = SNAPSHOT_INTERVAL_DAYS[plan.frequency];
  if (days === undefined) throw new InputError('frequency', `unknown frequency "${String(plan.frequency)}"`);
  return days;
}

function price(value: string | null, region: string, name: string): Decimal {
  if (value === null || value.trim() === '') throw new MissingPriceError(region, 'snapshot', name);
  return new Decimal(value);
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function snapshotMonthlyCost(plan: SnapshotPlan, prices: EbsPrices): SnapshotCost {
  const sizeGiB = number('volumeSizeGiB', plan.volumeSizeGiB);
  if (sizeGiB <= 0) throw new InputError('volumeSizeGiB', 'must be more than 0 GiB');
  const usedPct = number('usedPct', plan.usedPct ?? 100);
  if (usedPct <= 0 || usedPct > 100) throw new InputError('usedPct', 'must be above 0 and at most 100');
  const dailyChangePct = number('dailyChangePct', plan.dailyChangePct);
  if (dailyChangePct < 0 || dailyChangePct > 100) throw new InputError('dailyChangePct', 'must be 0-100');
  const retention = number('retentionCount', plan.retentionCount);
  if (!Number.isInteger(retention) || retention < 1)
    throw new InputError('retentionCount', 'must be a whole number, at least 1');
  if (plan.tier !== 'standard' && plan.tier !== 'archive') {
    throw new InputError('tier', `must be 'standard' or 'archive'; got ${String(plan.tier)}`);
  }
  const days = intervalDays(plan);
  const usedGiB = (sizeGiB * usedPct) / 100;
  const notes: string[] = [];

  if (plan.tier === 'standard') {
    const changePerSnapshotGiB = Math.min(usedGiB, ((usedGiB * dailyChangePct) / 100) * days);
    const storedGiB = usedGiB + (retention - 1) * changePerSnapshotGiB;
    const unitUsd = price(prices.snapshots.standardUsdPerGBMonth, prices.region, 'snapshot storage');
    const monthlyUsd = unitUsd.times(storedGiB);
    notes.push(
      `Incremental: one full snapshot of ${fmt(usedGiB)} GiB plus ${retention - 1} × ${fmt(changePerSnapshotGiB)} GiB changed between snapshots.`,
    );
    return {
      storedGiB,
      billedGiB: storedGiB,
      monthlyUsd,
      components: [
        { dimension: 'snapshot-standard', quantity: storedGiB, unit: 'GiB-month', unitUsd, monthlyUsd },
      ],
      restoreOneUsd: null,
      notes,
    };
  }

  const storedGiB = retention * usedGiB;
  const billedCopies = Math.max(retention, ARCHIVE_MINIMUM_DAYS / days);
  const billedGiB = billedCopies * usedGiB;
  const unitUsd = price(prices.snapshots.archiveUsdPerGBMonth, prices.region, 'snapshot archive');
  const monthlyUsd = unitUsd.times(billedGiB);
  const retrieval = price(
    prices.snapshots.archiveRetrievalUsdPerGB,
    prices.region,
    'snapshot archive retrieval',
  );
  notes.push(
    `Archive stores each snapshot in full: ${retention} × ${fmt(usedGiB)} GiB. Archived snapshots are billed for at least ${ARCHIVE_MINIMUM_DAYS} days.`,
  );
  if (billedCopies > retention) {
    notes.push(
      `Snapshots kept ${fmt(retention * days)} days are billed for ${ARCHIVE_MINIMUM_DAYS}: the steady state pays for ${fmt(billedCopies)} archived copies, not ${retention}.`,
    );
  }
  return {
    storedGiB,
    billedGiB,
    monthlyUsd,
    components: [
      { dimension: 'snapshot-archive', quantity: billedGiB, unit: 'GiB-month', unitUsd, monthlyUsd },
    ],
    restoreOneUsd: retrieval.times(usedGiB),
    notes,
  };
}
