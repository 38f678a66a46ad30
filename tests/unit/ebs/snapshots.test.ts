import { describe, expect, it } from 'vitest';
import { MissingPriceError } from '@shared/ebs/cost';
import { snapshotMonthlyCost } from '@shared/ebs/snapshots';
import { toCents, toUsdString } from '@shared/money';
import { thrownField } from './helpers';
import { usEast1Prices } from './prices-us-east-1';

const prices = usEast1Prices();

describe('EBS snapshot cost', () => {
  it('stores one full snapshot plus the daily changes in the standard tier', () => {
    // 500 GiB, 60% used = 300 GiB; 2% a day = 6 GiB between daily snapshots; 30 kept
    // 300 + 29 × 6 = 474 GiB × 0.05 = $23.70
    const cost = snapshotMonthlyCost(
      {
        volumeSizeGiB: 500,
        usedPct: 60,
        dailyChangePct: 2,
        frequency: 'daily',
        retentionCount: 30,
        tier: 'standard',
      },
      prices,
    );
    expect(cost.storedGiB).toBe(474);
    expect(toUsdString(cost.monthlyUsd)).toBe('23.7');
  });

  it('scales the change to the interval between snapshots', () => {
    // Hourly: 6 GiB / 24 = 0.25 GiB per snapshot; 48 kept → 300 + 47 × 0.25 = 311.75 GiB × 0.05 = $15.5875
    const cost = snapshotMonthlyCost(
      {
        volumeSizeGiB: 500,
        usedPct: 60,
        dailyChangePct: 2,
        snapshotsPerDay: 24,
        retentionCount: 48,
        tier: 'standard',
      },
      prices,
    );
    expect(cost.storedGiB).toBe(311.75);
    expect(toUsdString(cost.monthlyUsd)).toBe('15.5875');
  });

  it('never counts more change per snapshot than the used data', () => {
    // Weekly at 20% a day = 140% → capped at 300 GiB; 4 kept → 300 + 3 × 300 = 1,200 GiB × 0.05 = $60
    const cost = snapshotMonthlyCost(
      {
        volumeSizeGiB: 500,
        usedPct: 60,
        dailyChangePct: 20,
        frequency: 'weekly',
        retentionCount: 4,
        tier: 'standard',
      },
      prices,
    );
    expect(toUsdString(cost.monthlyUsd)).toBe('60');
  });

  it('stores every archived snapshot in full', () => {
    // Monthly, 12 kept (a year ≥ 90 days): 12 × 300 GiB = 3,600 GiB × 0.0125 = $45
    // Restoring one: 300 GiB × 0.03 = $9
    const cost = snapshotMonthlyCost(
      {
        volumeSizeGiB: 500,
        usedPct: 60,
        dailyChangePct: 2,
        frequency: 'monthly',
        retentionCount: 12,
        tier: 'archive',
      },
      prices,
    );
    expect(cost.storedGiB).toBe(3600);
    expect(toUsdString(cost.monthlyUsd)).toBe('45');
    expect(cost.restoreOneUsd?.toString()).toBe('9');
  });

  it('bills archived snapshots for at least 90 days', () => {
    // Weekly, 4 kept = 28 days < 90: the steady state pays for 90 / 7 = 12.857 copies
    // 12.857 × 300 = 3,857.14 GiB × 0.0125 = $48.21
    const cost = snapshotMonthlyCost(
      {
        volumeSizeGiB: 500,
        usedPct: 60,
        dailyChangePct: 2,
        frequency: 'weekly',
        retentionCount: 4,
        tier: 'archive',
      },
      prices,
    );
    expect(cost.storedGiB).toBe(1200); // 4 × 300
    expect(toCents(cost.monthlyUsd).toFixed(2)).toBe('48.21');
    expect(cost.notes.join(' ')).toContain('90');
  });

  it('names the field of an invalid plan', () => {
    const plan = {
      volumeSizeGiB: 100,
      dailyChangePct: 1,
      frequency: 'daily',
      retentionCount: 7,
      tier: 'standard',
    } as const;
    expect(thrownField(() => snapshotMonthlyCost({ ...plan, retentionCount: 0 }, prices))).toBe(
      'retentionCount',
    );
    expect(thrownField(() => snapshotMonthlyCost({ ...plan, usedPct: 120 }, prices))).toBe('usedPct');
    expect(thrownField(() => snapshotMonthlyCost({ ...plan, snapshotsPerDay: 2 }, prices))).toBe('frequency');
  });

  it('says which snapshot price is missing', () => {
    const noArchive = { ...prices, snapshots: { ...prices.snapshots, archiveUsdPerGBMonth: null } };
    const run = () =>
      snapshotMonthlyCost(
        { volumeSizeGiB: 100, dailyChangePct: 1, frequency: 'monthly', retentionCount: 6, tier: 'archive' },
        noArchive,
      );
    expect(run).toThrow(MissingPriceError);
    expect(run).toThrow('no snapshot archive price in us-east-1');
  });
});
