import { describe, expect, it } from 'vitest';
import { walkExplanation } from '@shared/explanation';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { line, scenario, testBook } from './test-book';

// Every explained figure is the engine's own figure, and every sum adds up, whatever the purchase:
// RIs, Savings Plans (partial upfront), spot with an interruption cost, volumes billed while running,
// snapshots, several lines sharing commitments. The test book's figures are easy to follow by hand.
const book = testBook();

const mix = () =>
  scenario([
    line('ri', {
      usage: { pattern: 'constant', count: 3 },
      purchase: {
        model: 'reserved',
        termYears: 1,
        paymentOption: 'all-upfront',
        offeringClass: 'standard',
        count: 2,
      },
      volumes: [
        {
          volumeType: 'gp3',
          sizeGiB: 100,
          iops: 4000,
          snapshot: { frequency: 'daily', retentionCount: 7, dailyChangePct: 5 },
        },
      ],
    }),
    line('sp', {
      instanceType: 'c5.large',
      usage: {
        pattern: 'business-hours',
        count: 4,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
        offHoursCount: 1,
      },
      purchase: {
        model: 'savings-plan',
        planType: 'ec2-instance',
        termYears: 1,
        paymentOption: 'no-upfront',
        commitmentHourlyUsd: '0.1',
      },
      volumeLifetime: 'running',
      volumes: [{ volumeType: 'gp3', sizeGiB: 50, count: 2 }],
    }),
    line('spot', {
      usage: { pattern: 'daily-spike', baseCount: 1, peakCount: 5, peakStartHour: 9, peakHours: 3 },
      interruptionTolerant: true,
      purchase: { model: 'spot', interruption: { kind: 'rerun', rerunMinutes: 30 } },
    }),
    line('od', { instanceType: 'm5.xlarge', usage: { pattern: 'constant', count: 1 } }),
  ]);

describe('explanations agree with the figures they explain', () => {
  it('gives every line figure and total the engine’s value', () => {
    const e = estimateScenario(mix(), book, { explain: true });
    const x = e.explanation!;
    e.lines.forEach((l, i) => {
      const le = x.lines[i]!;
      expect(le.lineId).toBe(l.id);
      expect(
        [le.compute, le.storage, le.snapshots, le.upfront, le.monthly, le.amortizedMonthly].map(
          (n) => n.valueUsd,
        ),
        l.id,
      ).toEqual([
        l.computeMonthlyUsd,
        l.storageMonthlyUsd,
        l.snapshotMonthlyUsd,
        l.upfrontUsd,
        l.monthlyUsd,
        l.amortizedMonthlyUsd,
      ]);
    });
    expect(x.totals.monthly.valueUsd).toBe(e.totals.monthlyUsd);
    expect(x.totals.upfront.valueUsd).toBe(e.totals.upfrontUsd);
    expect(x.totals.amortizedMonthly.valueUsd).toBe(e.totals.amortizedMonthlyUsd);
    expect(x.totals.oneYear.valueUsd).toBe(e.totals.oneYearUsd);
    expect(x.totals.threeYear.valueUsd).toBe(e.totals.threeYearUsd);
  });

  it('works the RI line by hand: 2 RIs of 3 instances, the third On-Demand', () => {
    const x = estimateScenario(mix(), book, { explain: true }).explanation!;
    const ri = x.lines[0]!;
    // 3 instances, 2 covered by RIs: 1 × 0.096 × 730 = 70.08 On-Demand; all upfront: 2 × 494 upfront.
    expect(ri.compute.children.map((c) => [c.label, c.formula, c.valueUsd])).toEqual([
      ['On-Demand', '1 × 0.096 USD/h × 730 h', '70.08'],
      ['Standard RIs, 1-year, all upfront: hourly fees', '2 × 0 USD/h × 730 h', '0'],
    ]);
    expect(ri.upfront).toMatchObject({ formula: '2 × 494 USD', valueUsd: '988' });
    // gp3 100 GiB at 4,000 IOPS: 100 × 0.08 + 1,000 × 0.005 = 8 + 5 = 13 for 3 volumes (peak).
    expect(ri.storage.valueUsd).toBe('39');
    const snapshotStorage = ri.snapshots.children[0]!.children[0]!;
    // Incremental: 100 GiB + 6 × 5 GiB = 130 GiB × 0.05 = 6.5 per volume, 3 volumes.
    expect(snapshotStorage.formula).toBe('3 × 130 GiB × 0.05 USD/GiB-month');
    expect(snapshotStorage.valueUsd).toBe('19.5');
  });

  it('works the Savings Plan by hand: 0.1 USD/h committed, paid monthly', () => {
    const x = estimateScenario(mix(), book, { explain: true }).explanation!;
    const sp = x.lines[1]!;
    // No upfront: 0.1 × 8,760 × 0 = 0 upfront, 0.1 × 730 × 1 = 73 a month.
    expect(sp.upfront).toMatchObject({ formula: '0.1 USD/h × 8,760 h × 0', valueUsd: '0' });
    expect(sp.compute.children.at(-1)).toMatchObject({
      formula: '0.1 USD/h × 730 h × 1',
      valueUsd: '73',
    });
    // Volumes billed while running: 2 per instance × the average running instances.
    const capacity = sp.storage.children[0]!.children[0]!;
    // 4 × 10 h × 5 days + 1 × (168 − 50) h = 318 instance-hours a week.
    expect(capacity.formula).toBe('636 ÷ 168 × 50 GiB × 0.08 USD/GiB-month');
    const plan = x.allocation.find((a) => a.label.startsWith('EC2 Instance Savings Plan'))!;
    expect(plan.formula).toContain('0.1 USD/h committed (lines sp)');
    expect(plan.note).toMatch(/It paid for .* instance-hours of line /);
  });

  it('explains spot and its expected interruption cost', () => {
    const x = estimateScenario(mix(), book, { explain: true }).explanation!;
    const spot = x.lines[2]!;
    expect(spot.compute.children[0]).toMatchObject({ label: 'Spot' });
    expect(spot.compute.children[0]!.rows[0]).toMatchObject({ rate: '0.0366', unit: 'USD/h' });
    expect(spot.compute.children[1]!.label).toBe('Expected interruption cost');
    expect(spot.compute.children[1]!.valueUsd).not.toBeNull();
  });

  it('dates every catalog row by its source', () => {
    const x = estimateScenario(mix(), book, { explain: true }).explanation!;
    const rows = x.lines.flatMap((l) => [...walkExplanation(l.monthly)].flatMap((n) => n.rows));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.sourceId).toBe('test');
      expect(r.asOf === '2025-09-12' || r.asOf === '2025-06-28').toBe(true);
    }
  });

  it('gives every strategy of the comparison its own totals', () => {
    const rows = compareStrategies(mix(), book, { explain: true });
    for (const s of rows) {
      expect(s.explanation, s.id).toBeDefined();
      if (s.complete) {
        expect(s.explanation!.threeYear.valueUsd, s.id).toBe(s.threeYearUsd);
        expect(s.explanation!.monthly.valueUsd, s.id).toBe(s.monthlyUsd);
        expect(s.explanation!.upfront.valueUsd, s.id).toBe(s.upfrontUsd);
      }
    }
    expect(compareStrategies(mix(), book).every((s) => s.explanation === undefined)).toBe(true);
  });

  it('keeps a strategy’s tree a few levels deep, and only each line’s figure for many lines', () => {
    const [od] = compareStrategies(mix(), book, { explain: true });
    const line = od!.explanation!.monthly.children[0]!;
    expect(line.children.length).toBeGreaterThan(0); // compute, storage, snapshots
    expect(line.children.every((c) => c.children.every((g) => g.children.length === 0))).toBe(true);
    const many = scenario(Array.from({ length: 60 }, (_, i) => line60(i)));
    const [big] = compareStrategies(many, book, { explain: true });
    expect(big!.explanation!.monthly.children).toHaveLength(60);
    expect(big!.explanation!.monthly.children.every((c) => c.children.length === 0)).toBe(true);
    expect(big!.explanation!.monthly.valueUsd).toBe(big!.monthlyUsd);
  });
});

const line60 = (i: number) => line(`l${i}`, { usage: { pattern: 'constant', count: 1 } });
