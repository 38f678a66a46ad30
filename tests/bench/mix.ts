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
