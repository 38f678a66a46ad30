import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Decimal } from '@shared/money';
import { billedSecondsPerRun, billingGranularity } from '@shared/pricing/billing-granularity';
import { estimateScenario } from '@shared/pricing/estimate';
import type { LineEstimate } from '@shared/pricing/estimate-types';
import { jobsConcurrentInstances, usageProfile } from '@shared/pricing/usage-profile';
import { scenarioSchema, usageSchema, type JobsUsage, type ScenarioInput } from '@shared/scenario/schema';
import { validate, withLabel } from '@shared/validation';
import { parseScenario, realPricing } from '../../support/real-pricing';

/**
 * The "jobs" pattern on the real catalog (us-east-1 c5.large Linux On-Demand $0.085/h): runs billed
 * per second with a 60-second minimum for Linux, Windows, RHEL and Ubuntu, per started hour for SUSE
 * (AWS: repost.aws/knowledge-center/ec2-instance-hour-billing).
 */
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

type LineInput = ScenarioInput['lines'][number];
const jobs = (runsPerDay: number, durationSeconds: number, extra: object = {}) => ({
  pattern: 'jobs' as const,
  runsPerDay,
  durationSeconds,
  ...extra,
});

function estimateOf(line: Partial<LineInput> & Pick<LineInput, 'usage'>, explain = false) {
  const s = parseScenario({
    name: 'jobs',
    lines: [{ id: 'batch', instanceType: 'c5.large', region: 'us-east-1', ...line }],
  });
  const e = estimateScenario(s, pricing.book(s), { explain });
  return { e, line: e.lines[0] as LineEstimate };
}

const HOURS_TO_MONTH = new Decimal(730).div(168);
/** Fractional instance-hours are summed in floating point: equal to the hand-worked figure within 1e-9 USD. */
function expectUsd(got: string | null | undefined, want: Decimal.Value): void {
  expect(got).toBeTypeOf('string');
  expect(new Decimal(got as string).minus(want).abs().toNumber()).toBeLessThan(1e-9);
}

describe('jobs usage, billed as AWS meters the operating system', () => {
  it('lists SUSE as billed per hour and the others per second', () => {
    expect(billingGranularity('linux')).toBe('second');
    expect(billingGranularity('windows')).toBe('second');
    expect(billingGranularity('rhel')).toBe('second');
    expect(billingGranularity('ubuntu')).toBe('second');
    expect(billingGranularity('sles')).toBe('hour');
    expect(billedSecondsPerRun('linux', 30)).toBe(60);
    expect(billedSecondsPerRun('linux', 90)).toBe(90);
    expect(billedSecondsPerRun('sles', 90)).toBe(3600);
    expect(billedSecondsPerRun('sles', 3601)).toBe(7200);
  });

  it('buys RIs sized to steady usage in whole instances: none for 2.5 instance-hours a day', () => {
    // Spread over the day, 2.5 h a day is 0.104 instances each hour: no whole RI is ever fully used,
    // so the steady-usage RI count is 0 (never 0.104 RIs); 10,000 runs of 90 s (250 h a day, 10.4 an
    // hour) steady at 10.41… buys 10.
    const small = estimateOf({
      usage: jobs(100, 90),
      purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront' },
    });
    expect(small.line.commitment?.count).toBe(0);
    const large = estimateOf({
      usage: jobs(10_000, 90),
      purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront' },
    });
    expect(large.line.commitment?.count).toBe(10);
  });

  it('bills 100 runs a day of 90 s on c5.large Linux as 2.5 instance-hours a day', () => {
    const { line } = estimateOf({ usage: jobs(100, 90) });
    // 100 × 90 s = 9,000 s = 2.5 h a day; × 7 = 17.5 h a week; × 730 / 168 = 76.041666… h a month.
    expect(line.instanceHours).toBeCloseTo(76.0416667, 6);
    // 76.041666… × $0.085 = $6.4635416…
    expectUsd(line.compute.onDemandUsd, new Decimal(17.5).times(HOURS_TO_MONTH).times('0.085'));
    expectUsd(line.compute.onDemandUsd, '6.4635416667');
  });

  it('bills runs of 30 s at the 60-second minimum: 100 minutes a day', () => {
    const { line } = estimateOf({ usage: jobs(100, 30) });
    // 100 × 60 s = 6,000 s = 1.6667 h a day; × 7 × 730 / 168 = 50.694444… h; × $0.085 = $4.309027…
    expect(line.instanceHours).toBeCloseTo((6000 / 3600) * 7 * (730 / 168), 6);
    expectUsd(line.compute.onDemandUsd, '4.3090277778');
  });

  it('bills weekdays only: 2.5 h × 5 days a week', () => {
    const { line } = estimateOf({ usage: jobs(100, 90, { days: ['mon', 'tue', 'wed', 'thu', 'fri'] }) });
    // 12.5 h a week × 730 / 168 = 54.315476… h; × $0.085 = $4.616815…
    expect(line.instanceHours).toBeCloseTo(12.5 * (730 / 168), 6);
    expectUsd(line.compute.onDemandUsd, '4.6168154762');
  });

  it('bills SUSE per started hour: 100 runs of 90 s are 100 instance-hours a day', () => {
    const { line } = estimateOf({ os: 'sles', usage: jobs(100, 90) });
    expect(line.instanceHours).toBeCloseTo(700 * (730 / 168), 6);
    // c5.large SUSE On-Demand $0.141/h: 700 h a week × 730 / 168 = 3,041.67 h × $0.141 = $428.875
    expectUsd(line.compute.onDemandUsd, '428.875');
  });

  it('spreads the day over the window hours and counts concurrent instances for quotas', () => {
    const usage = usageSchema.parse(jobs(100, 90, { startHour: 8, endHour: 18 })) as JobsUsage;
    const p = usageProfile(usage, null, 'linux');
    expect(p.counts[8]).toBeCloseTo(0.25, 12); // 2.5 h over 10 window hours
    expect(p.counts[7]).toBe(0);
    expect(p.counts[18]).toBe(0);
    // 10 runs an hour × 90 s = 900 s of running an hour: at most 1 instance at once.
    expect(jobsConcurrentInstances(usage)).toBe(1);
    const busy = usageSchema.parse(jobs(1000, 3600, { startHour: 8, endHour: 18 })) as JobsUsage;
    expect(jobsConcurrentInstances(busy)).toBe(100);
  });

  it('checks quotas against the instances running at once, and bills instance-lifetime volumes for them', () => {
    // 1,000 runs of 900 s over 10 window hours: 100 runs an hour × 900 s = 25 instances at once,
    // 50 vCPUs (c5.large has 2); billed 1,000 × 900 s = 250 h a day, 25 instance-hours each window hour.
    const { e, line } = estimateOf({
      usage: jobs(1000, 900, { startHour: 8, endHour: 18 }),
      volumes: [{ volumeType: 'gp3', sizeGiB: 20 }],
    });
    const standard = e.quotas.uses.find((u) => u.region === 'us-east-1');
    expect(standard?.peakVcpus).toBe(50);
    expect(line.volumes[0]?.billedVolumes).toBe(25);
    // A window hour needing 10.4167 instance-hours (24-hour window) provisions 11 volumes.
    const allDay = estimateOf({
      usage: jobs(1000, 900),
      volumes: [{ volumeType: 'gp3', sizeGiB: 20 }],
    });
    expect(allDay.line.volumes[0]?.billedVolumes).toBe(11);
    expect(allDay.e.quotas.uses.find((u) => u.region === 'us-east-1')?.peakVcpus).toBe(22);
  });

  it('explains the figure as runs × billed seconds', () => {
    const { e } = estimateOf({ usage: jobs(100, 30) }, true);
    const text = JSON.stringify(e.explanation);
    expect(text).toContain('100 runs a day × 60 billed seconds (runs of 30 s;');
    expect(text).toContain('= 6,000 s = 1.666667 instance-hours a day, on 7 days a week');
  });

  it('rejects bad input naming the field', () => {
    const bad = (usage: object) => {
      const r = validate(scenarioSchema, {
        name: 'x',
        lines: [{ id: 'a', instanceType: 'c5.large', region: 'us-east-1', usage }],
      });
      return r.ok ? '' : r.problems.map(withLabel).join('; ');
    };
    expect(bad(jobs(0, 90))).toMatch(/Runs per day/);
    expect(bad(jobs(10, 86_401))).toMatch(/Run length/);
    expect(bad(jobs(10, 1.5))).toMatch(/Run length/);
    expect(bad(jobs(10, 60, { startHour: 10, endHour: 9 }))).toMatch(
      /Window ends.*later than the window start/,
    );
  });
});
