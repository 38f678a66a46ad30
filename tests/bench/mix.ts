import type { ScenarioInput } from '@shared/scenario/schema';

/** What the 200-line benchmark mixes are made of: real us-east-1 types and a rotation of purchases. */
export const BENCH_TYPES = ['m5', 'c5', 'r5', 'm6i', 'c6i'].flatMap((f) =>
  ['large', 'xlarge', '2xlarge'].map((s) => `${f}.${s}`),
);

export const BENCH_PURCHASES = [
  { model: 'on-demand' as const },
  { model: 'reserved' as const, termYears: 1 as const, paymentOption: 'no-upfront' as const },
  { model: 'reserved' as const, termYears: 3 as const, paymentOption: 'all-upfront' as const, count: 2 },
  { model: 'spot' as const },
];

/**
 * `lines` lines over real us-east-1 types, mixed usage patterns and purchases, one or two volumes each:
 * the report benchmark's document (200 lines) and the worker test's and benchmark's (2,000 lines).
 */
export function benchMixScenario(lines: number): ScenarioInput {
  return {
    name: `bench: ${lines.toLocaleString('en-US')}-line report`,
    lines: Array.from({ length: lines }, (_, i) => ({
      id: `l${i}`,
      instanceType: BENCH_TYPES[i % BENCH_TYPES.length]!,
      region: 'us-east-1',
      interruptionTolerant: i % 2 === 0,
      usage:
        i % 3 === 0
          ? { pattern: 'constant' as const, count: 1 + (i % 5) }
          : {
              pattern: 'business-hours' as const,
              count: 2 + (i % 4),
              days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
              startHour: 8,
              endHour: 18,
            },
      purchase: BENCH_PURCHASES[i % BENCH_PURCHASES.length]!,
      volumes: [
        { volumeType: 'gp3' as const, sizeGiB: 100, iops: 6000 },
        ...(i % 4 === 0
          ? [
              {
                volumeType: 'io2' as const,
                sizeGiB: 500,
                iops: 16000,
                snapshot: { frequency: 'daily' as const, retentionCount: 7, dailyChangePct: 5 },
              },
            ]
          : []),
      ],
    })),
  };
}

/**
 * 200 lines over real us-east-1 types, each an 8,760-hour series, mixing on-demand, RIs and spot (half
 * of them interruption-tolerant): the pricing and optimize benchmarks' mix.
 */
export function bigScenario(): ScenarioInput {
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return {
    name: 'bench: 200 lines x 8760 h',
    lines: Array.from({ length: 200 }, (_, i) => ({
      id: `l${i}`,
      instanceType: BENCH_TYPES[i % BENCH_TYPES.length]!,
      region: 'us-east-1',
      interruptionTolerant: i % 2 === 0,
      usage: {
        pattern: 'hourly' as const,
        counts: Array.from({ length: 8760 }, (_, h) => 2 + Math.floor(rnd() * 6) + (h % 24 > 8 ? 3 : 0)),
      },
      purchase: BENCH_PURCHASES[i % BENCH_PURCHASES.length]!,
      volumes: [{ volumeType: 'gp3' as const, sizeGiB: 100, iops: 6000 }],
    })),
  };
}
