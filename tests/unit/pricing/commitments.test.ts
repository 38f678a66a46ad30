import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money';
import { sharedTimeline } from '@shared/pricing/allocation';
import { estimateScenario } from '@shared/pricing/estimate';
import { line, scenario, testBook } from './test-book';

const book = testBook();
const dp = (value: string | null, places: number): string | null =>
  value === null ? null : new Decimal(value).toDecimalPlaces(places).toFixed(places);
const riNoUpfront = { model: 'reserved', termYears: 1, paymentOption: 'no-upfront' } as const;

describe('Reserved Instances: partial coverage of a spiky profile', () => {
  // 1 instance at night, 4 from 08:00 for 10 hours every day; 2 RIs at 0.06/h (no upfront).
  // A week: 7 × 14 = 98 hours at 1 instance, 7 × 10 = 70 hours at 4.
  const spiky = () =>
    estimateScenario(
      scenario([
        line('app', {
          usage: { pattern: 'daily-spike', baseCount: 1, peakCount: 4, peakStartHour: 8, peakHours: 10 },
          purchase: { ...riNoUpfront, count: 2 },
        }),
      ]),
      book,
    ).lines[0]!;

  it('covers min(usage, 2) each hour and charges the rest on-demand', () => {
    // RI-covered: 98 × 1 + 70 × 2 = 238 instance-hours a week; on-demand: 70 × (4 − 2) = 140.
    // Month: 140 × 730 / 168 h × 0.096 = 9,811.2 / 168 = 58.4
    const l = spiky();
    expect(l.compute.onDemandUsd).toBe('58.4');
    expect(l.coverage.reservedHours).toBeCloseTo((238 * 730) / 168, 9);
    expect(l.coverage.onDemandHours).toBeCloseTo((140 * 730) / 168, 9);
  });

  it('pays for both RIs every hour of the month', () => {
    // 2 × 0.06 × 730 = 87.6 RI fees; + 58.4 on-demand = 146
    const l = spiky();
    expect(l.commitment?.recurringMonthlyUsd).toBe('87.6');
    expect(l.computeMonthlyUsd).toBe('146');
  });

  it('reports RI hours not used when usage is below 2 as unused commitment', () => {
    // Paid 2 × 168 = 336 RI-hours a week, used 238: unused 98 / 336; 87.6 × 98 / 336 = 25.55;
    // used part 87.6 × 238 / 336 = 62.05; utilization 238 / 336 = 70.83% → "70.8"
    const l = spiky();
    expect(l.compute.unusedCommitmentUsd).toBe('25.55');
    expect(l.compute.reservedUsd).toBe('62.05');
    expect(l.commitment?.utilizationPct).toBe('70.8');
    expect(l.warnings.find((w) => w.code === 'unused-commitment')?.message).toContain('29.2%');
  });

  it('buys as many RIs as the steady usage when no count is given', () => {
    // Minimum hourly count = 1 RI: 1 × 0.06 × 730 = 43.8; on-demand 70 × 3 = 210 instance-hours a week:
    // 210 × 730 / 168 × 0.096 = 14,716.8 / 168 = 87.6; total 131.4
    const l = estimateScenario(
      scenario([
        line('app', {
          usage: { pattern: 'daily-spike', baseCount: 1, peakCount: 4, peakStartHour: 8, peakHours: 10 },
          purchase: riNoUpfront,
        }),
      ]),
      book,
    ).lines[0]!;
    expect(l.commitment?.count).toBe(1);
    expect(l.computeMonthlyUsd).toBe('131.4');
    expect(l.compute.unusedCommitmentUsd).toBe('0');
  });
});

describe('Reserved Instances: all upfront', () => {
  const allUpfront = (termYears: 1 | 3) =>
    estimateScenario(
      scenario([
        line('db', {
          usage: { pattern: 'constant', count: 1 },
          purchase: { model: 'reserved', termYears, paymentOption: 'all-upfront' },
        }),
      ]),
      book,
    );

  it('pays 494 upfront, nothing monthly, and amortizes 494 / 12 = 41.1666… a month', () => {
    const est = allUpfront(1);
    const l = est.lines[0]!;
    expect(l.upfrontUsd).toBe('494');
    expect(l.monthlyUsd).toBe('0');
    expect(dp(l.amortizedMonthlyUsd, 6)).toBe('41.166667');
    expect(dp(est.totals.amortizedMonthlyUsd, 6)).toBe('41.166667');
  });

  it('counts a 1-year upfront once in the 1-year total and three times in the 3-year total (renewals)', () => {
    // 1 year: 494 + 12 × 0 = 494; 3 years: 3 × 494 + 36 × 0 = 1,482
    const t = allUpfront(1).totals;
    expect(t.oneYearUsd).toBe('494');
    expect(t.threeYearUsd).toBe('1482');
  });

  it('counts a 3-year upfront once in both totals', () => {
    // Made-up 3-year all-upfront 1,300: 1 year = 1,300 (paid at purchase), 3 years = 1,300
    const t = allUpfront(3).totals;
    expect(t.oneYearUsd).toBe('1300');
    expect(t.threeYearUsd).toBe('1300');
  });
});

describe('Reserved Instances: regional size flexibility', () => {
  it('lets 1 m5.xlarge RI (8 units) cover 2 m5.large (4 units each) on another line', () => {
    // Pool: 1 × 8 = 8 units; usage 2 × 4 = 8 units, fully covered: the m5.large line pays 0 on-demand.
    // The RI line pays 1 × 0.12 × 730 = 87.6, all of it used.
    const est = estimateScenario(
      scenario([
        line('ri', {
          instanceType: 'm5.xlarge',
          usage: { pattern: 'constant', count: 0 },
          purchase: { ...riNoUpfront, count: 1 },
        }),
        line('web', { usage: { pattern: 'constant', count: 2 } }),
      ]),
      book,
    );
    const [ri, web] = est.lines;
    expect(web!.compute.onDemandUsd).toBe('0');
    expect(web!.coverage.reservedHours).toBe(1460); // 2 × 730
    expect(ri!.compute.reservedUsd).toBe('87.6');
    expect(ri!.compute.unusedCommitmentUsd).toBe('0');
    expect(est.totals.monthlyUsd).toBe('87.6');
  });

  it('covers half of a larger instance with a smaller RI and charges the other half on-demand', () => {
    // 1 m5.large RI = 4 units against 1 m5.xlarge = 8 units: half its hours on-demand:
    // 0.5 × 730 × 0.192 = 70.08; plus the RI 0.06 × 730 = 43.8 → 113.88
    const est = estimateScenario(
      scenario([
        line('ri', { usage: { pattern: 'constant', count: 0 }, purchase: { ...riNoUpfront, count: 1 } }),
        line('big', { instanceType: 'm5.xlarge', usage: { pattern: 'constant', count: 1 } }),
      ]),
      book,
    );
    expect(est.lines[1]!.compute.onDemandUsd).toBe('70.08');
    expect(est.totals.monthlyUsd).toBe('113.88');
  });

  it('applies the pool to the smallest size first', () => {
    // 8 units against 1 m5.large (4) and 1 m5.xlarge (8): the m5.large is covered in full, the
    // m5.xlarge for 4 / 8 = half: 0.5 × 730 × 0.192 = 70.08 on-demand.
    const est = estimateScenario(
      scenario([
        line('big', {
          instanceType: 'm5.xlarge',
          usage: { pattern: 'constant', count: 1 },
          purchase: { ...riNoUpfront, count: 1 },
        }),
        line('small', { usage: { pattern: 'constant', count: 1 } }),
      ]),
      book,
    );
    expect(est.lines[1]!.compute.onDemandUsd).toBe('0');
    expect(est.lines[0]!.compute.onDemandUsd).toBe('70.08');
  });
});

describe('Savings Plans', () => {
  const compute1y = (commitmentHourlyUsd?: string) =>
    ({
      model: 'savings-plan',
      planType: 'compute',
      termYears: 1,
      paymentOption: 'no-upfront',
      commitmentHourlyUsd,
    }) as const;

  it('pays usage at the plan rate up to a smaller commitment and the rest on-demand', () => {
    // 4 m5.large at the made-up compute rate 0.066 = 0.264/h of SP-rate usage; commitment 0.2/h covers
    // 0.2 / 0.066 = 100/33 instances; 4 − 100/33 = 32/33 on-demand: 730 × 0.096 × 32/33 = 2,242.56 / 33
    // = 67.956363…; commitment 0.2 × 730 = 146; total 213.956363…
    const l = estimateScenario(
      scenario([line('app', { usage: { pattern: 'constant', count: 4 }, purchase: compute1y('0.2') })]),
      book,
    ).lines[0]!;
    expect(l.compute.savingsPlanUsd).toBe('146');
    expect(dp(l.compute.onDemandUsd, 6)).toBe('67.956364');
    expect(dp(l.computeMonthlyUsd, 6)).toBe('213.956364');
    expect(l.compute.unusedCommitmentUsd).toBe('0');
  });

  it('still pays a commitment larger than usage, reporting the rest as unused', () => {
    // 1 m5.large uses 0.066 of a 0.1/h commitment: used 0.066 × 730 = 48.18, unused 0.034 × 730 = 24.82;
    // the whole 0.1 × 730 = 73 is paid; utilization 66%
    const l = estimateScenario(
      scenario([line('app', { usage: { pattern: 'constant', count: 1 }, purchase: compute1y('0.1') })]),
      book,
    ).lines[0]!;
    expect(l.computeMonthlyUsd).toBe('73');
    expect(l.compute.onDemandUsd).toBe('0');
    expect(l.compute.savingsPlanUsd).toBe('48.18');
    expect(l.compute.unusedCommitmentUsd).toBe('24.82');
    expect(l.commitment?.utilizationPct).toBe('66.0');
  });

  it('sizes an unspecified commitment to the steady usage at the plan rate', () => {
    // Business hours with 1 instance off-hours: steady usage 1 → 1 × 0.066 = 0.066/h
    const l = estimateScenario(
      scenario([
        line('app', {
          usage: {
            pattern: 'business-hours',
            count: 3,
            offHoursCount: 1,
            days: ['mon'],
            startHour: 9,
            endHour: 17,
          },
          purchase: compute1y(),
        }),
      ]),
      book,
    ).lines[0]!;
    expect(l.commitment?.commitmentHourlyUsd).toBe('0.066');
    expect(l.compute.unusedCommitmentUsd).toBe('0');
  });

  it('applies a Compute Savings Plan across lines, highest savings first', () => {
    // Commitment 0.2/h bought on the c5.large line. Savings: m5.large 1 − 0.066/0.096 = 31.25%,
    // c5.large 1 − 0.0595/0.085 = 30%. The 2 m5.large go first: 2 × 0.066 = 0.132; then the c5.large
    // 0.0595; unused 0.2 − 0.132 − 0.0595 = 0.0085/h × 730 = 6.205.
    const est = estimateScenario(
      scenario([
        line('c5', {
          instanceType: 'c5.large',
          usage: { pattern: 'constant', count: 1 },
          purchase: compute1y('0.2'),
        }),
        line('m5', { usage: { pattern: 'constant', count: 2 } }),
      ]),
      book,
    );
    const [c5, m5] = est.lines;
    expect(m5!.compute.onDemandUsd).toBe('0');
    expect(m5!.coverage.savingsPlanHours).toBe(1460);
    expect(c5!.compute.onDemandUsd).toBe('0');
    expect(c5!.compute.unusedCommitmentUsd).toBe('6.205');
    expect(est.totals.monthlyUsd).toBe('146'); // 0.2 × 730
  });

  it('leaves the lower-savings line on-demand when the commitment runs out', () => {
    // Commitment 0.132/h on the c5.large line: the 2 m5.large (higher savings) use all of it;
    // the c5.large pays on-demand 0.085 × 730 = 62.05.
    const est = estimateScenario(
      scenario([
        line('c5', {
          instanceType: 'c5.large',
          usage: { pattern: 'constant', count: 1 },
          purchase: compute1y('0.132'),
        }),
        line('m5', { usage: { pattern: 'constant', count: 2 } }),
      ]),
      book,
    );
    expect(est.lines[0]!.compute.onDemandUsd).toBe('62.05');
    expect(est.lines[1]!.compute.onDemandUsd).toBe('0');
  });

  it('limits an EC2 Instance Savings Plan to its family', () => {
    // 0.2/h EC2 Instance SP on an m5.large line (made-up rate 0.058): covers the m5.large, unused
    // 0.2 − 0.058 = 0.142 × 730 = 103.66; the c5.large stays on-demand: 0.085 × 730 = 62.05.
    const est = estimateScenario(
      scenario([
        line('m5', {
          usage: { pattern: 'constant', count: 1 },
          purchase: {
            model: 'savings-plan',
            planType: 'ec2-instance',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.2',
          },
        }),
        line('c5', { instanceType: 'c5.large', usage: { pattern: 'constant', count: 1 } }),
      ]),
      book,
    );
    expect(est.lines[0]!.compute.unusedCommitmentUsd).toBe('103.66');
    expect(est.lines[1]!.compute.onDemandUsd).toBe('62.05');
  });

  it('applies Reserved Instances before Savings Plans', () => {
    // The RI (bought on a line that runs nothing) covers the SP line's 1 m5.large, so the 0.066/h
    // commitment covers nothing: unused 0.066 × 730 = 48.18.
    const est = estimateScenario(
      scenario([
        line('sp', { usage: { pattern: 'constant', count: 1 }, purchase: compute1y('0.066') }),
        line('ri', { usage: { pattern: 'constant', count: 0 }, purchase: { ...riNoUpfront, count: 1 } }),
      ]),
      book,
    );
    expect(est.lines[0]!.compute.onDemandUsd).toBe('0');
    expect(est.lines[0]!.compute.unusedCommitmentUsd).toBe('48.18');
    expect(est.lines[1]!.compute.unusedCommitmentUsd).toBe('0');
  });
});

describe('commitments over hourly series', () => {
  it('applies RIs hour by hour over an 8,760-hour series and scales by 730 / 8,760', () => {
    // 2 instances every hour of the year, 1 RI: 8,760 RI-covered and 8,760 on-demand instance-hours a
    // year; on-demand 8,760 × 730 / 8,760 × 0.096 = 70.08; RI 1 × 0.06 × 730 = 43.8
    const counts = new Array<number>(8760).fill(2);
    const l = estimateScenario(
      scenario([
        line('series', { usage: { pattern: 'hourly', counts }, purchase: { ...riNoUpfront, count: 1 } }),
      ]),
      book,
    ).lines[0]!;
    expect(l.compute.onDemandUsd).toBe('70.08');
    expect(l.commitment?.recurringMonthlyUsd).toBe('43.8');
    expect(l.coverage.reservedHours).toBe(730);
  });

  it('lines up a weekly line and a yearly series on a shared timeline without losing hours', () => {
    // lcm(168, 8,760) = 61,320 hours. The RI covers the weekly line (first in order, same size); the
    // series' 1 instance every hour stays on-demand: 730 × 0.096 = 70.08, exactly.
    const est = estimateScenario(
      scenario([
        line('weekly', { usage: { pattern: 'constant', count: 1 }, purchase: { ...riNoUpfront, count: 1 } }),
        line('series', { usage: { pattern: 'hourly', counts: new Array<number>(8760).fill(1) } }),
      ]),
      book,
    );
    expect(est.lines[0]!.compute.onDemandUsd).toBe('0');
    expect(est.lines[1]!.compute.onDemandUsd).toBe('70.08');
    expect(est.warnings.map((w) => w.code)).not.toContain('timeline-approximation');
  });
});

describe('Savings Plans: order and payment', () => {
  it('applies EC2 Instance Savings Plans before Compute Savings Plans', () => {
    // The EC2 Instance SP (0.058/h) covers the one m5.large; the Compute SP (0.066/h) covers nothing:
    // unused 0.066 × 730 = 48.18.
    const est = estimateScenario(
      scenario([
        line('compute', {
          usage: { pattern: 'constant', count: 0 },
          purchase: {
            model: 'savings-plan',
            planType: 'compute',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.066',
          },
        }),
        line('ec2', {
          usage: { pattern: 'constant', count: 1 },
          purchase: {
            model: 'savings-plan',
            planType: 'ec2-instance',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.058',
          },
        }),
      ]),
      book,
    );
    expect(est.lines[1]!.compute.unusedCommitmentUsd).toBe('0');
    expect(est.lines[0]!.compute.unusedCommitmentUsd).toBe('48.18');
  });

  it('pays half a partial-upfront commitment at purchase and half monthly', () => {
    // 0.1/h for 1 year: upfront 0.1 × 8,760 × 0.5 = 438; monthly 0.1 × 730 × 0.5 = 36.5;
    // amortized 36.5 + 438 / 12 = 36.5 + 36.5 = 73 (= 0.1 × 730)
    const l = estimateScenario(
      scenario([
        line('app', {
          usage: { pattern: 'constant', count: 1 },
          purchase: {
            model: 'savings-plan',
            planType: 'compute',
            termYears: 1,
            paymentOption: 'partial-upfront',
            commitmentHourlyUsd: '0.1',
          },
        }),
      ]),
      book,
    ).lines[0]!;
    expect(l.upfrontUsd).toBe('438');
    expect(l.monthlyUsd).toBe('36.5');
    expect(l.amortizedMonthlyUsd).toBe('73');
  });
});

describe('commitments: missing rates and timelines', () => {
  it('prices usage a plan could cover on-demand when its plan rate is missing, and says so', () => {
    // The c5.large has no Compute SP rate in this book: it stays on-demand, 0.085 × 730 = 62.05,
    // with a warning, and the estimate is marked incomplete.
    const noC5Rates = testBook();
    const key = 'us-east-1|linux|c5.large';
    noC5Rates.instances[key] = { ...noC5Rates.instances[key]!, savingsPlans: [] };
    const est = estimateScenario(
      scenario([
        line('sp', {
          usage: { pattern: 'constant', count: 1 },
          purchase: {
            model: 'savings-plan',
            planType: 'compute',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.2',
          },
        }),
        line('c5', { instanceType: 'c5.large', usage: { pattern: 'constant', count: 1 } }),
      ]),
      noC5Rates,
    );
    const c5 = est.lines[1]!;
    expect(c5.compute.onDemandUsd).toBe('62.05');
    expect(c5.warnings[0]?.message).toContain(
      'no Savings Plans rate for c5.large in us-east-1 (linux): compute 1y no-upfront',
    );
    expect(est.totals.complete).toBe(false);
  });

  it('lines profiles up over their least common multiple, or repeats the shorter beyond 70,272 hours', () => {
    // lcm(168, 8,760) = 61,320 (= 365 weeks); lcm(8,759, 8,760) = 76,728,840 > 70,272
    expect(sharedTimeline([168, 8760])).toEqual({ hours: 61320, exact: true });
    expect(sharedTimeline([8759, 8760])).toEqual({ hours: 8760, exact: false });
  });
});
