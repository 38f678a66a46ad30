import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchema } from '../../scripts/write-schemas';
import { scenarioSchema } from '@shared/scenario/schema';

describe('scenario document schema', () => {
  it('is published in the repo exactly as the code validates it (run `npm run schema`)', () => {
    expect(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchema());
  });

  it('accepts every usage pattern with the issue’s field names', () => {
    const week = Array.from({ length: 168 }, (_, h) => (h % 24 >= 9 && h % 24 < 17 ? 3 : 1));
    const r = scenarioSchema.safeParse({
      name: 'All patterns',
      lines: [
        { id: 'a', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 2 } },
        {
          id: 'b',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'business-hours', count: 4, days: ['mon', 'fri'], startHour: 8, endHour: 18 },
          purchase: {
            model: 'reserved',
            termYears: 1,
            paymentOption: 'all-upfront',
            offeringClass: 'standard',
            count: 2,
          },
        },
        {
          id: 'c',
          instanceType: 'c7g.xlarge',
          region: 'eu-west-1',
          usage: { pattern: 'daily-spike', baseCount: 2, peakCount: 6, peakStartHour: 22, peakHours: 4 },
          purchase: {
            model: 'savings-plan',
            planType: 'compute',
            termYears: 3,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: '0.5',
          },
        },
        {
          id: 'd',
          instanceType: 'r6i.large',
          region: 'us-east-1',
          usage: { pattern: 'weekly', counts: week },
        },
        {
          id: 'e',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'hourly', counts: [1, 2, 3] },
          purchase: { model: 'spot' },
          interruptionTolerant: true,
          volumeLifetime: 'running',
          volumes: [
            {
              volumeType: 'io2',
              sizeGiB: 500,
              iops: 40000,
              count: 2,
              snapshot: { frequency: 'daily', retentionCount: 7, dailyChangePct: 5 },
            },
          ],
        },
      ],
    });
    expect(r.success).toBe(true);
  });

  it('names the field of a business-hours window that ends before it starts', () => {
    const r = scenarioSchema.safeParse({
      name: 'x',
      lines: [
        {
          id: 'a',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'business-hours', count: 1, days: ['mon'], startHour: 18, endHour: 8 },
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['lines', 0, 'usage', 'endHour']);
  });

  it('rejects a weekly profile that is not 168 hours long', () => {
    const r = scenarioSchema.safeParse({
      name: 'x',
      lines: [
        {
          id: 'a',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'weekly', counts: [1, 2] },
        },
      ],
    });
    expect(r.error?.issues[0]?.path).toEqual(['lines', 0, 'usage', 'counts']);
  });

  it('rejects a float commitment: money is a decimal string', () => {
    const r = scenarioSchema.safeParse({
      name: 'x',
      lines: [
        {
          id: 'a',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 1 },
          purchase: {
            model: 'savings-plan',
            planType: 'compute',
            termYears: 1,
            paymentOption: 'no-upfront',
            commitmentHourlyUsd: 0.5,
          },
        },
      ],
    });
    expect(r.error?.issues[0]?.path).toEqual(['lines', 0, 'purchase', 'commitmentHourlyUsd']);
  });
});
