/**
 * Lines sized from demand, priced on the real catalog (m5.xlarge us-east-1 Linux: 4 vCPU, 16 GiB,
 * On-Demand $0.192/h; r5.large: 2 vCPU, 16 GiB). Every figure below is worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import type { ScenarioInput } from '@shared/scenario/schema';
import { scenarioSchema } from '@shared/scenario/schema';
import { validate, withLabel } from '@shared/validation';
import { parseScenario, realPricing } from '../support/real-pricing';

const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const EXAMPLE = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'capacity-az.json');
const example = (): ScenarioInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;

type DemandInput = Record<string, unknown>;
function demandLine(usage: DemandInput, instanceType = 'm5.xlarge') {
  return parseScenario({
    name: 'demand',
    lines: [
      {
        id: 'app',
        instanceType,
        region: 'us-east-1',
        usage: { pattern: 'demand', ...usage } as ScenarioInput['lines'][number]['usage'],
      },
    ],
  });
}

/** Instance-hours × $0.192, as the 730-hour month prices them. */
const onDemandMonth = (instanceHoursPerMonth: Decimal.Value) =>
  new Decimal(instanceHoursPerMonth).mul('0.192').toString();

describe('the AZ example (docs/examples/capacity-az.json)', () => {
  it('runs 39 m5.xlarge: 100 vCPU carried by the 2 AZs left, 50 each, 13 per AZ, 3 AZs', () => {
    const s = parseScenario(example());
    const book = pricing.book(s);
    expect(book.specs?.['m5.xlarge']).toEqual({ vcpu: 4, memoryGiB: 16 });
    expect(book.instances['us-east-1|linux|m5.xlarge']?.onDemandHourlyUsd).toBe('0.192');

    const e = pricing.estimate(s);
    const line = e.lines[0]!;
    expect(line.demand).toMatchObject({
      peakInstances: 39,
      instancesPerZoneAtPeak: 13,
      neededAtPeak: 39,
      zones: 3,
      surviveZoneLoss: true,
      binding: 'vcpu',
      underProvisionedHours: 0,
      sized: true,
    });
    expect(line.demand?.working).toBe(
      '100 vCPU over 3 AZs, surviving the loss of one: the 2 others carry 50 vCPU each; 50 ÷ (4 vCPU × 100 %) = 12.5 → 13 per AZ; 13 × 3 AZs = 39 instances',
    );
    expect(line.peakCount).toBe(39);
    expect(line.minCount).toBe(39);
    expect(line.instanceHours).toBe(39 * 730);
    // 39 × 0.192 × 730 = 5,466.24
    expect(line.monthlyUsd).toBe('5466.24');
    expect(e.totals.monthlyUsd).toBe('5466.24');
    expect(e.warnings).toEqual([]);
  });

  it('at 70 % target utilization needs 54: 50 / (4 × 0.7) = 17.86 → 18 per AZ', () => {
    const doc = example();
    const usage = doc.lines[0]!.usage as DemandInput;
    doc.lines[0]!.usage = { ...usage, targetUtilizationPct: 70 } as (typeof doc.lines)[0]['usage'];
    const line = pricing.estimate(parseScenario(doc)).lines[0]!;
    // 50 / 2.8 = 17.857… → 18 per AZ; 18 × 3 = 54
    expect(line.demand).toMatchObject({ peakInstances: 54, instancesPerZoneAtPeak: 18 });
    expect(line.monthlyUsd).toBe(onDemandMonth(54 * 730)); // 7,568.64
    expect(line.monthlyUsd).toBe('7568.64');
  });

  it('without surviving an AZ loss spreads 100 vCPU evenly: 33.33 per AZ → 9 per AZ, 27 in all', () => {
    const line = pricing.estimate(demandLine({ vcpu: 100, zones: 3 })).lines[0]!;
    expect(line.demand).toMatchObject({ peakInstances: 27, instancesPerZoneAtPeak: 9 });
    // One AZ: 100 / 4 = 25 exactly
    expect(pricing.estimate(demandLine({ vcpu: 100 })).lines[0]!.peakCount).toBe(25);
  });
});

describe('the group bounds', () => {
  it('caps at the maximum and says the line is under-provisioned', () => {
    const e = pricing.estimate(demandLine({ vcpu: 100, zones: 3, surviveZoneLoss: true, maxInstances: 30 }));
    const line = e.lines[0]!;
    expect(line.peakCount).toBe(30);
    expect(line.demand).toMatchObject({ peakInstances: 30, neededAtPeak: 39, underProvisionedHours: 168 });
    expect(line.monthlyUsd).toBe(onDemandMonth(30 * 730));
    const w = e.warnings.find((x) => x.code === 'under-provisioned');
    expect(w?.lineId).toBe('app');
    expect(w?.message).toContain('needs up to 39 instances but the maximum is 30');
    expect(w?.message).toContain('168 of 168 hours a week');
    expect(line.demand?.working).toContain('capped at the maximum of 30 (under-provisioned)');
  });

  it('raises to the minimum', () => {
    const line = pricing.estimate(demandLine({ vcpu: 100, zones: 3, minInstances: 45, maxInstances: 60 }))
      .lines[0]!;
    expect(line.demand).toMatchObject({ peakInstances: 45, neededAtPeak: 27, raisedToMinimumHours: 168 });
    expect(line.monthlyUsd).toBe(onDemandMonth(45 * 730));
  });
});

describe('demand that moves', () => {
  it("follows a business-hours pattern's shape: its peak is the demand's peak", () => {
    // Shape: 4 in Mon–Fri 08–18, 1 outside → demand 100 vCPU in hours, 100 × 1/4 = 25 outside.
    // One AZ at 100 % on 4 vCPU: 25 instances in hours, 25 / 4 = 6.25 → 7 outside.
    const s = demandLine({
      vcpu: 100,
      follows: {
        pattern: 'business-hours',
        count: 4,
        offHoursCount: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      },
    });
    const line = pricing.estimate(s).lines[0]!;
    expect(line.peakCount).toBe(25);
    expect(line.minCount).toBe(7);
    // A week: 50 h × 25 + 118 h × 7 = 2,076 instance-hours; a month = 2,076 × 730 / 168
    const monthHours = new Decimal(2076).mul(730).div(168);
    expect(line.instanceHours).toBeCloseTo(monthHours.toNumber(), 9);
    expect(new Decimal(line.monthlyUsd!).toFixed(2)).toBe(new Decimal(onDemandMonth(monthHours)).toFixed(2));
    expect(new Decimal(line.monthlyUsd!).toFixed(2)).toBe('1731.98');
  });

  it('takes demand per hour as given, and the largest need over vCPU, memory and a custom unit', () => {
    // r5.large: 2 vCPU, 16 GiB. Hour 1: 10 vCPU → 5; 100 GiB → 6.25 → 7; 1,000 req/s at 120 × 80 %
    // = 96 per instance → 10.4 → 11: the custom unit binds. Hour 2 (half): 5 vCPU → 3, 50 GiB → 4,
    // 500 req/s → 5.2 → 6.
    const s = demandLine(
      {
        vcpu: 10,
        memoryGiB: 100,
        custom: { unit: 'requests/s', peak: 1000, perInstance: 120 },
        targetUtilizationPct: 80,
        follows: { pattern: 'hourly', counts: [1000, 500] },
      },
      'r5.large',
    );
    const line = pricing.estimate(s).lines[0]!;
    expect(line.demand?.binding).toBe('custom');
    expect(line.demand?.periodHours).toBe(2);
    expect(line.peakCount).toBe(11);
    expect(line.minCount).toBe(6);
    expect(line.instanceHours).toBe(((11 + 6) * 730) / 2);
    // At 80 %, vCPU needs 10 / 1.6 = 6.25 → 7 and memory 100 / 12.8 = 7.8 → 8: still below 11.
    expect(line.demand?.dimensions.map((d) => [d.key, d.perInstance])).toEqual([
      ['vcpu', 2],
      ['memory', 16],
      ['custom', 120],
    ]);
  });

  it('cannot size vCPU for a type the catalog lacks, and says so', () => {
    const e = pricing.estimate(demandLine({ vcpu: 100, minInstances: 2 }, 'm5.nosuch'));
    expect(e.lines[0]!.demand).toMatchObject({ sized: false, peakInstances: 2 });
    expect(e.warnings.map((w) => w.code)).toContain('demand-not-sized');
  });
});

describe('demand fields that cannot be', () => {
  const problem = (usage: DemandInput) => {
    const r = validate(scenarioSchema, {
      name: 'x',
      lines: [
        { id: 'a', instanceType: 'm5.xlarge', region: 'us-east-1', usage: { pattern: 'demand', ...usage } },
      ],
    });
    return r.ok ? null : withLabel(r.problems[0]!);
  };

  it('name the field in plain words', () => {
    expect(problem({})).toBe(
      'Line 1 (a) › vCPU needed: give the vCPU, the memory or a custom unit the line must carry',
    );
    expect(problem({ vcpu: 10, zones: 1, surviveZoneLoss: true })).toBe(
      'Line 1 (a) › Survive the loss of one AZ: needs at least 2 Availability Zones',
    );
    expect(problem({ vcpu: 10, minInstances: 5, maxInstances: 4 })).toBe(
      'Line 1 (a) › Maximum instances: must be at least the minimum instances',
    );
    expect(problem({ vcpu: 10, targetUtilizationPct: 0 })).toMatch(/^Line 1 \(a\) › Target utilization: /);
    expect(problem({ vcpu: 10, zones: 7 })).toMatch(/^Line 1 \(a\) › Availability Zones: .*1 to 6/);
    expect(problem({ vcpu: 100 })).toBeNull();
  });
});
