import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Decimal } from '@shared/money';
import { estimateScenario } from '@shared/pricing/estimate';
import type { LineEstimate } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import { validate, withLabel } from '@shared/validation';
import { parseScenario, realPricing } from '../../support/real-pricing';
import { testBook } from './test-book';

/**
 * On-Demand Capacity Reservations on the real catalog (us-east-1 Linux m5.large On-Demand $0.096/h),
 * as AWS bills them (docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-pricing-billing.html):
 * each hour max(running, reserved) instance-hours at the On-Demand rate, regional RIs and Savings
 * Plans covering the running instances first, then the unused reserved ones.
 */
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

type LineInput = ScenarioInput['lines'][number];
const reservation4 = { count: 4, availabilityZone: 'us-east-1a' };

function estimateOf(line: Partial<LineInput>, explain = false) {
  const s = parseScenario({
    name: 'odcr',
    lines: [
      {
        id: 'web',
        instanceType: 'm5.large',
        region: 'us-east-1',
        usage: { pattern: 'constant', count: 2 },
        ...line,
      },
    ],
  });
  const e = estimateScenario(s, pricing.book(s), { explain });
  return { e, line: e.lines[0] as LineEstimate };
}

const exact = (v: string | null | undefined) => (v == null ? v : new Decimal(v).toString());

describe('capacity reservation pricing', () => {
  it('bills 4 reserved m5.large at On-Demand while 2 run: $280.32 a month, $140.16 of it unused', () => {
    const { line } = estimateOf({ capacityReservation: reservation4 });
    // 4 × 0.096 × 730 = 280.32; unused 2 × 0.096 × 730 = 140.16.
    expect(exact(line.computeMonthlyUsd)).toBe('280.32');
    expect(exact(line.compute.onDemandUsd)).toBe('280.32');
    expect(line.instanceHours).toBe(4 * 730);
    expect(line.capacityReservation).toEqual({
      count: 4,
      availabilityZone: 'us-east-1a',
      reservedHours: 2920,
      unusedReservedHours: 1460,
      unusedOnDemandHours: 1460,
      unusedReservationUsd: '140.16',
    });
  });

  it('costs nothing extra when the reservation is fully used, and no estimate field appears without one', () => {
    const used = estimateOf({ capacityReservation: { count: 2, availabilityZone: 'us-east-1b' } }).line;
    const none = estimateOf({}).line;
    expect(exact(used.computeMonthlyUsd)).toBe('140.16'); // 2 × 0.096 × 730
    expect(used.computeMonthlyUsd).toBe(none.computeMonthlyUsd);
    expect(used.capacityReservation?.unusedReservationUsd).toBe('0');
    expect(none.capacityReservation).toBeUndefined();
  });

  it('with 3 Standard 1-year No Upfront RIs: they cover the 2 running and 1 unused, 1 unused left On-Demand', () => {
    const s = parseScenario({
      name: 'rate',
      lines: [
        { id: 'x', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 1 } },
      ],
    });
    const ri = pricing
      .book(s)
      .instances['us-east-1|linux|m5.large']?.reserved.find(
        (r) => r.termYears === 1 && r.paymentOption === 'no-upfront' && r.offeringClass === 'standard',
      );
    expect(ri?.hourlyUsd).toBe('0.06'); // the catalog's rate, hand-worked below
    const { line } = estimateOf({
      capacityReservation: reservation4,
      purchase: {
        model: 'reserved',
        termYears: 1,
        paymentOption: 'no-upfront',
        offeringClass: 'standard',
        count: 3,
      },
    });
    // RIs: 3 × 0.06 × 730 = 131.40; the fourth reserved instance On-Demand: 0.096 × 730 = 70.08.
    expect(exact(line.compute.reservedUsd)).toBe('131.4');
    expect(exact(line.compute.onDemandUsd)).toBe('70.08');
    expect(exact(line.computeMonthlyUsd)).toBe('201.48');
    expect(line.coverage).toEqual({
      onDemandHours: 730,
      reservedHours: 2190,
      savingsPlanHours: 0,
      spotHours: 0,
    });
    // Unused: 2 reserved instances, of which the RIs' third covers one; the other is $70.08.
    expect(line.capacityReservation?.unusedReservedHours).toBe(1460);
    expect(line.capacityReservation?.unusedOnDemandHours).toBe(730);
    expect(line.capacityReservation?.unusedReservationUsd).toBe('70.08');
  });

  it('partly used, partly covered by one RI: the RI covers a running instance, both unused stay On-Demand', () => {
    const { line } = estimateOf({
      capacityReservation: reservation4,
      purchase: {
        model: 'reserved',
        termYears: 1,
        paymentOption: 'no-upfront',
        offeringClass: 'standard',
        count: 1,
      },
    });
    // Billed 4 an hour: 1 by the RI (0.06 × 730 = 43.80), 3 On-Demand (3 × 0.096 × 730 = 210.24),
    // of which the 2 unused: 2 × 0.096 × 730 = 140.16.
    expect(exact(line.compute.reservedUsd)).toBe('43.8');
    expect(exact(line.compute.onDemandUsd)).toBe('210.24');
    expect(line.capacityReservation?.unusedOnDemandHours).toBe(1460);
    expect(line.capacityReservation?.unusedReservationUsd).toBe('140.16');
  });

  it('a Savings Plan covers the running instances, then unused reserved ones (hand-written book: EC2 Instance SP $0.058/h)', () => {
    // The real catalog holds no Savings Plans rates; test-book.ts's m5.large EC2 Instance 1-year No
    // Upfront rate is MADE UP at $0.058/h. A $0.174/h commitment pays 0.174 / 0.058 = 3 instance-hours
    // an hour: the 2 running and 1 unused; the other unused one is On-Demand, 0.096 × 730 = 70.08.
    const s = parseScenario({
      name: 'sp',
      lines: [
        {
          id: 'web',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 2 },
          capacityReservation: reservation4,
          purchase: {
            model: 'savings-plan',
            planType: 'ec2-instance',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.174',
          },
        },
      ],
    });
    const line = estimateScenario(s, testBook()).lines[0] as LineEstimate;
    expect(line.coverage).toEqual({
      onDemandHours: 730,
      reservedHours: 0,
      savingsPlanHours: 2190,
      spotHours: 0,
    });
    expect(exact(line.compute.savingsPlanUsd)).toBe('127.02'); // 0.174 × 730
    expect(exact(line.compute.onDemandUsd)).toBe('70.08');
    expect(line.capacityReservation?.unusedOnDemandHours).toBe(730);
    expect(line.capacityReservation?.unusedReservationUsd).toBe('70.08');
  });

  it('a business-hours line inside a constant reservation pays the reservation off hours', () => {
    // Mon–Fri 9–17: 4 running 40 h a week, 0 the other 128 h; reservation of 3 in us-east-1c.
    const { line } = estimateOf({
      usage: {
        pattern: 'business-hours',
        count: 4,
        offHoursCount: 0,
        startHour: 9,
        endHour: 17,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      },
      capacityReservation: { count: 3, availabilityZone: 'us-east-1c' },
    });
    // Billed per week: 40 h × 4 + 128 h × 3 = 544 instance-hours; a month is 544 × 730 / 168.
    // Unused: 128 × 3 = 384 a week. Money: 0.096 × 544 × 730 / 168 and 0.096 × 384 × 730 / 168.
    const month = (weekHours: number) => new Decimal(weekHours).times(730).div(168);
    expect(line.instanceHours).toBe(month(544).toNumber());
    expect(exact(line.compute.onDemandUsd)).toBe(
      new Decimal('0.096').times(544).times(730).div(168).toString(),
    );
    expect(line.capacityReservation?.reservedHours).toBe(2190);
    expect(line.capacityReservation?.unusedReservedHours).toBe(month(384).toNumber());
    expect(line.capacityReservation?.unusedReservationUsd).toBe(
      new Decimal('0.096').times(month(384)).toString(),
    );
    // EBS follows the running instances, not the reserved ones.
    expect(line.peakCount).toBe(4);
  });

  it('a spot line cannot run in the reservation: the whole reservation is paid On-Demand, unused', () => {
    const { line } = estimateOf({
      capacityReservation: reservation4,
      interruptionTolerant: true,
      purchase: { model: 'spot' },
    });
    expect(exact(line.compute.onDemandUsd)).toBe('280.32');
    expect(line.capacityReservation?.unusedReservedHours).toBe(2920);
    expect(line.capacityReservation?.unusedReservationUsd).toBe('280.32');
  });

  it('explains the reservation beside the On-Demand figure', () => {
    const { e } = estimateOf({ capacityReservation: reservation4 }, true);
    const onDemand = e.explanation?.lines[0]?.compute.children?.find((c) => c.label === 'On-Demand');
    expect(onDemand?.formula).toBe('4 × 0.096 USD/h × 730 h');
    expect(onDemand?.note).toContain('Capacity reservation of 4 in us-east-1a, held every month');
    expect(onDemand?.note).toContain('1,460 unused instance-hours are left On-Demand: 140.16 USD a month');
  });
});

describe('capacity reservation input', () => {
  const problems = (capacityReservation: unknown) => {
    const r = validate(scenarioSchema, {
      name: 'x',
      lines: [
        {
          id: 'web',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 1 },
          capacityReservation,
        },
      ],
    });
    return r.ok ? [] : r.problems.map(withLabel);
  };

  it('refuses a zone of another region, naming the field', () => {
    expect(problems({ count: 2, availabilityZone: 'eu-west-1a' })).toEqual([
      "Line 1 (web) › Capacity reservation: Availability Zone: eu-west-1a is not an Availability Zone of the line's region us-east-1 (e.g. us-east-1a)",
    ]);
  });

  it('refuses a count of 0 and a zone that is not one', () => {
    const [count] = problems({ count: 0, availabilityZone: 'us-east-1a' });
    expect(count).toMatch(/^Line 1 \(web\) › Capacity reservation: instances: /);
    expect(problems({ count: 1, availabilityZone: 'US East' })).toEqual([
      'Line 1 (web) › Capacity reservation: Availability Zone: must be a zone such as us-east-1a',
    ]);
    expect(problems({ count: 1, availabilityZone: 'us-east-1' })).toEqual([
      "Line 1 (web) › Capacity reservation: Availability Zone: us-east-1 is not an Availability Zone of the line's region us-east-1 (e.g. us-east-1a)",
    ]);
  });
});
