import { describe, expect, it } from 'vitest';
import type { Usage } from '@shared/scenario/schema';
import { usageSchema } from '@shared/scenario/schema';
import {
  instanceHoursPerMonth,
  instanceHoursPerPeriod,
  minCount,
  peakCount,
  usageProfile,
} from '@shared/pricing/usage-profile';

const parse = (u: unknown): Usage => usageSchema.parse(u);
// Index of an hour in the 168-hour week: Monday = day 0, 00:00 = hour 0.
const at = (day: number, hour: number): number => day * 24 + hour;

describe('usage profiles', () => {
  it('runs a constant count in every hour of a 168-hour week', () => {
    const p = usageProfile(parse({ pattern: 'constant', count: 4 }));
    expect(p.periodHours).toBe(168);
    expect(p.counts).toHaveLength(168);
    expect(new Set(p.counts)).toEqual(new Set([4]));
  });

  it('scales a week to a 730-hour month by 730 / 168', () => {
    // One instance for one hour a week: 1 × 730 / 168 = 4.345238… hours a month
    // (AWS Pricing Calculator: 730 hours a month, aws.amazon.com/calculator/calculator-assumptions).
    const counts = new Array<number>(168).fill(0);
    counts[at(2, 3)] = 1;
    const p = usageProfile(parse({ pattern: 'weekly', counts }));
    expect(instanceHoursPerMonth(p, 730)).toBeCloseTo(730 / 168, 12);
    expect(instanceHoursPerMonth(p, 730)).toBeCloseTo(4.345238095, 8);
  });

  it('runs business hours on the listed days from startHour up to endHour', () => {
    const p = usageProfile(
      parse({
        pattern: 'business-hours',
        count: 2,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      }),
    );
    expect(p.counts[at(0, 7)]).toBe(0);
    expect(p.counts[at(0, 8)]).toBe(2);
    expect(p.counts[at(0, 17)]).toBe(2);
    expect(p.counts[at(0, 18)]).toBe(0); // endHour is exclusive
    expect(p.counts[at(5, 10)]).toBe(0); // Saturday
  });

  it('gives business hours 2 × 50 = 100 instance-hours a week, 434.52 a month', () => {
    // Mon–Fri 08–18 = 5 × 10 = 50 h/week; 2 instances = 100 instance-hours/week;
    // 100 × 730 / 168 = 73,000 / 168 = 434.5238095…
    const p = usageProfile(
      parse({
        pattern: 'business-hours',
        count: 2,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      }),
    );
    expect(instanceHoursPerPeriod(p)).toBe(100);
    expect(instanceHoursPerMonth(p, 730)).toBeCloseTo(434.5238095238, 9);
  });

  it('keeps offHoursCount instances running outside business hours', () => {
    // 2 × 50 business hours + 1 × (168 − 50) = 100 + 118 = 218 instance-hours a week
    const p = usageProfile(
      parse({
        pattern: 'business-hours',
        count: 2,
        offHoursCount: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      }),
    );
    expect(instanceHoursPerPeriod(p)).toBe(218);
    expect(minCount(p)).toBe(1);
    expect(peakCount(p)).toBe(2);
  });

  it('adds a daily spike on top of the base count every listed day', () => {
    // 2 all week + (5 − 2) more for 3 hours on 7 days: 2 × 168 + 3 × 3 × 7 = 336 + 63 = 399
    const p = usageProfile(
      parse({ pattern: 'daily-spike', baseCount: 2, peakCount: 5, peakStartHour: 9, peakHours: 3 }),
    );
    expect(instanceHoursPerPeriod(p)).toBe(399);
    expect(p.counts[at(3, 9)]).toBe(5);
    expect(p.counts[at(3, 12)]).toBe(2);
  });

  it('wraps a spike that runs past midnight into the next day, Sunday into Monday', () => {
    // Sunday 22:00 for 4 hours: Sunday 22, 23 and Monday 00, 01 at 3; the other 164 hours at 1.
    // 4 × 3 + 164 × 1 = 176
    const p = usageProfile(
      parse({
        pattern: 'daily-spike',
        baseCount: 1,
        peakCount: 3,
        peakStartHour: 22,
        peakHours: 4,
        days: ['sun'],
      }),
    );
    expect([p.counts[at(6, 22)], p.counts[at(6, 23)], p.counts[at(0, 0)], p.counts[at(0, 1)]]).toEqual([
      3, 3, 3, 3,
    ]);
    expect(p.counts[at(0, 2)]).toBe(1);
    expect(p.counts[at(6, 21)]).toBe(1);
    expect(instanceHoursPerPeriod(p)).toBe(176);
  });

  it('takes a weekly profile of 168 counts as given', () => {
    // Counts 0..167 mod 3: the week holds 56 × (0 + 1 + 2) = 168 instance-hours; a month 168 × 730 / 168 = 730.
    const counts = Array.from({ length: 168 }, (_, h) => h % 3);
    const p = usageProfile(parse({ pattern: 'weekly', counts }));
    expect(p.counts).toEqual(counts);
    expect(instanceHoursPerMonth(p, 730)).toBe(730);
  });

  it('scales an hourly series of 8,760 values to a month by 730 / 8,760', () => {
    // 1 instance for the first 4,380 hours, 3 for the other 4,380: 4,380 + 13,140 = 17,520 instance-hours
    // a year; 17,520 × 730 / 8,760 = 1,460 a month.
    const counts = Array.from({ length: 8760 }, (_, h) => (h < 4380 ? 1 : 3));
    const p = usageProfile(parse({ pattern: 'hourly', counts }));
    expect(p.periodHours).toBe(8760);
    expect(instanceHoursPerMonth(p, 730)).toBe(1460);
    expect(minCount(p)).toBe(1);
    expect(peakCount(p)).toBe(3);
  });
});
