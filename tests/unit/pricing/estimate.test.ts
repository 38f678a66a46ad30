import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money';
import { estimateScenario } from '@shared/pricing/estimate';
import type { Usage } from '@shared/scenario/schema';
import { line, scenario, testBook } from './test-book';

const book = testBook();
// Mon–Fri 08:00–18:00, 2 instances.
const businessHours: Usage = {
  pattern: 'business-hours',
  count: 2,
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  startHour: 8,
  endHour: 18,
  offHoursCount: 0,
};
const dp = (value: string | null, places: number): string | null =>
  value === null ? null : new Decimal(value).toDecimalPlaces(places).toFixed(places);

describe('estimate: on-demand', () => {
  it('prices 4 m5.large running all month at 4 × 730 h × 0.096 = $280.32', () => {
    const est = estimateScenario(scenario([line('web', { usage: { pattern: 'constant', count: 4 } })]), book);
    const l = est.lines[0]!;
    expect(l.instanceHours).toBe(2920); // 4 × 730
    expect(l.computeMonthlyUsd).toBe('280.32');
    expect(l.compute.onDemandUsd).toBe('280.32');
    expect(l.monthlyUsd).toBe('280.32');
    expect(est.totals.complete).toBe(true);
  });

  it('prices business hours by instance-hours scaled by 730 / 168', () => {
    // 2 × 50 h = 100 instance-hours a week; 100 × 730 / 168 = 434.5238… h; × 0.096 = 7,008 / 168 = 41.7142857…
    const est = estimateScenario(scenario([line('office', { usage: businessHours })]), book);
    expect(est.lines[0]!.instanceHours).toBeCloseTo(434.5238095238, 9);
    expect(dp(est.lines[0]!.computeMonthlyUsd, 10)).toBe('41.7142857143');
  });

  it('uses the scenario hoursPerMonth instead of 730 when given', () => {
    // 1 × 744 h × 0.096 = 71.424
    const est = estimateScenario(
      scenario([line('one', { usage: { pattern: 'constant', count: 1 } })], { hoursPerMonth: 744 }),
      book,
    );
    expect(est.lines[0]!.computeMonthlyUsd).toBe('71.424');
  });

  it('gives one-year and three-year totals of 12 and 36 months when nothing is paid upfront', () => {
    // 280.32 × 12 = 3,363.84; 280.32 × 36 = 10,091.52
    const est = estimateScenario(scenario([line('web', { usage: { pattern: 'constant', count: 4 } })]), book);
    expect(est.totals.monthlyUsd).toBe('280.32');
    expect(est.totals.upfrontUsd).toBe('0');
    expect(est.totals.oneYearUsd).toBe('3363.84');
    expect(est.totals.threeYearUsd).toBe('10091.52');
  });
});

describe('estimate: spot', () => {
  it('prices a tolerant line at the spot observation × instance-hours', () => {
    // 2 × 730 h × 0.0366 (made-up spot price) = 53.436
    const est = estimateScenario(
      scenario([
        line('batch', {
          usage: { pattern: 'constant', count: 2 },
          purchase: { model: 'spot' },
          interruptionTolerant: true,
        }),
      ]),
      book,
    );
    const l = est.lines[0]!;
    expect(l.model).toBe('spot');
    expect(l.compute.spotUsd).toBe('53.436');
    expect(l.computeMonthlyUsd).toBe('53.436');
    expect(l.coverage.spotHours).toBe(1460);
  });

  it('says a spot price is a dated observation with its interruption band, never a guarantee', () => {
    const est = estimateScenario(
      scenario([
        line('batch', {
          usage: { pattern: 'constant', count: 2 },
          purchase: { model: 'spot' },
          interruptionTolerant: true,
        }),
      ]),
      book,
    );
    const caveat = est.lines[0]!.warnings.find((w) => w.code === 'spot-caveat');
    expect(caveat?.message).toContain('2025-09-12');
    expect(caveat?.message).toContain('5-10%');
    expect(caveat?.message).toContain('never a guaranteed price');
  });

  it('shows "n/a" for an unknown interruption band', () => {
    const est = estimateScenario(
      scenario([
        line('batch', {
          instanceType: 'c5.large',
          usage: { pattern: 'constant', count: 1 },
          purchase: { model: 'spot' },
          interruptionTolerant: true,
        }),
      ]),
      book,
    );
    expect(est.lines[0]!.warnings.find((w) => w.code === 'spot-caveat')?.message).toContain(
      'interruption band n/a',
    );
  });

  it('prices a spot line that is not interruption-tolerant on-demand, with a warning', () => {
    // 2 × 730 × 0.096 = 140.16
    const est = estimateScenario(
      scenario([line('db', { usage: { pattern: 'constant', count: 2 }, purchase: { model: 'spot' } })]),
      book,
    );
    const l = est.lines[0]!;
    expect(l.model).toBe('on-demand');
    expect(l.computeMonthlyUsd).toBe('140.16');
    expect(l.compute.spotUsd).toBe('0');
    expect(l.warnings.map((w) => w.code)).toContain('spot-not-tolerant');
  });
});

describe('estimate: missing prices', () => {
  const spMissing = () =>
    estimateScenario(
      scenario([
        line('sp', {
          usage: { pattern: 'constant', count: 1 },
          purchase: { model: 'savings-plan', planType: 'compute', termYears: 3, paymentOption: 'no-upfront' },
        }),
        line('web', { usage: { pattern: 'constant', count: 1 } }),
      ]),
      book,
    );

  it('names the missing Savings Plans rate exactly', () => {
    const w = spMissing().lines[0]!.warnings.find((x) => x.code === 'missing-price');
    expect(w?.message).toBe(
      "no Savings Plans rate for m5.large in us-east-1 (linux): compute 3y no-upfront — import AWS's price files",
    );
    expect(w?.lineId).toBe('sp');
  });

  it('leaves the money of a line without its Savings Plans rate null, never 0', () => {
    const l = spMissing().lines[0]!;
    expect(l.compute.savingsPlanUsd).toBeNull();
    expect(l.computeMonthlyUsd).toBeNull();
    expect(l.monthlyUsd).toBeNull();
    expect(l.upfrontUsd).toBeNull();
    expect(l.complete).toBe(false);
  });

  it('marks the scenario incomplete and still adds up the lines it could price', () => {
    // Only "web" is priced: 1 × 730 × 0.096 = 70.08
    const est = spMissing();
    expect(est.totals.complete).toBe(false);
    expect(est.totals.incompleteLineIds).toEqual(['sp']);
    expect(est.totals.monthlyUsd).toBe('70.08');
  });

  it('keeps a line of an unknown instance type, warns, and prices its volumes', () => {
    // Volumes: 1 instance × 100 GiB × 0.08 = 8
    const est = estimateScenario(
      scenario([
        line('mystery', {
          instanceType: 'm9z.large',
          usage: { pattern: 'constant', count: 1 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
        }),
      ]),
      book,
    );
    const l = est.lines[0]!;
    expect(l.id).toBe('mystery');
    expect(l.warnings[0]?.code).toBe('unknown-instance');
    expect(l.warnings[0]?.message).toContain('m9z.large in us-east-1 (linux)');
    expect(l.computeMonthlyUsd).toBeNull();
    expect(l.compute.onDemandUsd).toBeNull();
    expect(l.storageMonthlyUsd).toBe('8');
    expect(est.totals.complete).toBe(false);
  });

  it('tells an unknown region apart from an unknown instance type', () => {
    const est = estimateScenario(
      scenario([line('far', { region: 'mars-north-1', usage: { pattern: 'constant', count: 1 } })]),
      book,
    );
    expect(est.lines[0]!.warnings[0]?.code).toBe('unknown-region');
  });
});

describe('estimate: EBS volumes', () => {
  it('bills 100 GiB gp3 per instance on a 4-instance line at 4 × 100 × 0.08 = $32', () => {
    const est = estimateScenario(
      scenario([
        line('web', {
          usage: { pattern: 'constant', count: 4 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
        }),
      ]),
      book,
    );
    const l = est.lines[0]!;
    expect(l.storageMonthlyUsd).toBe('32');
    expect(l.volumes[0]?.billedVolumes).toBe(4);
    // 280.32 compute + 32 storage = 312.32
    expect(l.monthlyUsd).toBe('312.32');
  });

  it("bills 'instance' volumes all month for the line's peak count", () => {
    // Business hours peak at 2 instances: 2 × 100 × 0.08 = 16
    const est = estimateScenario(
      scenario([line('office', { usage: businessHours, volumes: [{ volumeType: 'gp3', sizeGiB: 100 }] })]),
      book,
    );
    expect(est.lines[0]!.storageMonthlyUsd).toBe('16');
  });

  it("bills 'running' volumes by instance-hours on a business-hours line", () => {
    // 434.5238… instance-hours / 730 = 100 / 168 volumes on average; × 100 GiB × 0.08 = 800 / 168 = 4.7619047…
    const est = estimateScenario(
      scenario([
        line('office', {
          usage: businessHours,
          volumeLifetime: 'running',
          volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
        }),
      ]),
      book,
    );
    expect(dp(est.lines[0]!.storageMonthlyUsd, 10)).toBe('4.7619047619');
  });

  it('bills each volume kind × its count per instance, with provisioned IOPS and throughput', () => {
    // Per volume: 200 × 0.08 + (4,000 − 3,000) × 0.005 + (250 − 125) × 0.04 = 16 + 5 + 5 = 26;
    // 2 per instance × 3 instances = 6 volumes: 6 × 26 = 156
    const est = estimateScenario(
      scenario([
        line('db', {
          usage: { pattern: 'constant', count: 3 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 200, iops: 4000, throughputMiBps: 250, count: 2 }],
        }),
      ]),
      book,
    );
    const v = est.lines[0]!.volumes[0]!;
    expect(v.perVolumeMonthlyUsd).toBe('26');
    expect(v.monthlyUsd).toBe('156');
    expect(v.components.map((c) => [c.dimension, c.monthlyUsd])).toEqual([
      ['storage', '96'], // 6 × 16
      ['iops', '30'], // 6 × 5
      ['throughput', '30'], // 6 × 5
    ]);
  });

  it('prices snapshots per volume with the EBS snapshot model', () => {
    // Daily snapshots kept 7, 10% daily change of 100 GiB: 100 + 6 × 10 = 160 GiB × 0.05 = 8 per volume;
    // 4 instances × 1 volume = 4 × 8 = 32
    const est = estimateScenario(
      scenario([
        line('web', {
          usage: { pattern: 'constant', count: 4 },
          volumes: [
            {
              volumeType: 'gp3',
              sizeGiB: 100,
              snapshot: { frequency: 'daily', retentionCount: 7, dailyChangePct: 10 },
            },
          ],
        }),
      ]),
      book,
    );
    expect(est.lines[0]!.snapshotMonthlyUsd).toBe('32');
  });

  it('warns and leaves storage null in a region without EBS prices', () => {
    const noEbs = { ...testBook(), ebs: {} };
    const est = estimateScenario(
      scenario([
        line('web', {
          usage: { pattern: 'constant', count: 1 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 10 }],
        }),
      ]),
      noEbs,
    );
    const l = est.lines[0]!;
    expect(l.storageMonthlyUsd).toBeNull();
    expect(l.computeMonthlyUsd).toBe('70.08'); // 730 × 0.096 still priced
    expect(l.warnings.map((w) => w.code)).toContain('no-ebs-prices');
    expect(est.totals.complete).toBe(false);
  });
});
