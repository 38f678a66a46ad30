import {
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  type OperatingSystem,
  type PaymentOption,
  type PlanType,
  type TermYears,
} from '@shared/catalog-types';
import { Decimal, toUsdString } from '@shared/money';
import type { OptimizeConstraints, OptimizerProduct } from '@shared/optimizer/types';
import type { PriceBook } from '@shared/pricing/price-book';
import { DAYS, scenarioSchema, type Scenario, type ScenarioInput } from '@shared/scenario/schema';

/**
 * Random small optimizer cases, seeded so that a failure names its case: 1–3 lines of real us-east-1
 * types with short hourly or weekly profiles, random allowed products, upfront caps and maximum term.
 * `ri-spot` cases are priced with the shipped catalog as it is (no Savings Plans rates); `savings-plans`
 * cases with the book given TEST Savings Plans rates (withTestSavingsPlanRates) and smaller profiles,
 * since the brute force (optimizer-brute-force.ts) walks their commitments on a grid.
 */
export type Rng = () => number;

/** mulberry32: a small deterministic PRNG (same seed, same case on every machine). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/**
 * TEST-ONLY Savings Plans rates (the shipped catalog has none): the plan's hourly rate is On-Demand ×
 * this ratio, plus 0–3 points that depend on the instance type (so that "highest savings first"
 * matters), to 5 decimals. Not AWS's figures.
 */
export const TEST_SP_SOURCE = 'test-only-savings-plans-rates';
export const TEST_SP_RATIOS: Record<PlanType, Record<TermYears, Record<PaymentOption, string>>> = {
  compute: {
    1: { 'no-upfront': '0.72', 'partial-upfront': '0.70', 'all-upfront': '0.69' },
    3: { 'no-upfront': '0.52', 'partial-upfront': '0.50', 'all-upfront': '0.49' },
  },
  'ec2-instance': {
    1: { 'no-upfront': '0.66', 'partial-upfront': '0.64', 'all-upfront': '0.63' },
    3: { 'no-upfront': '0.46', 'partial-upfront': '0.44', 'all-upfront': '0.43' },
  },
};

function typeTweak(instanceType: string): Decimal {
  let h = 7;
  for (const ch of instanceType) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return new Decimal(h % 4).div(100);
}

/** The book with TEST Savings Plans rates for every instance it prices (see TEST_SP_RATIOS). */
export function withTestSavingsPlanRates(book: PriceBook): PriceBook {
  const instances = Object.fromEntries(
    Object.entries(book.instances).map(([key, p]) => {
      if (p.onDemandHourlyUsd === null) return [key, p];
      const od = new Decimal(p.onDemandHourlyUsd);
      const savingsPlans = PLAN_TYPES.flatMap((planType) =>
        ([1, 3] as const).flatMap((termYears) =>
          PAYMENT_OPTIONS.map((paymentOption) => ({
            planType,
            termYears,
            paymentOption,
            hourlyUsd: toUsdString(
              od
                .times(
                  new Decimal(TEST_SP_RATIOS[planType][termYears][paymentOption]).plus(
                    typeTweak(p.instanceType),
                  ),
                )
                .toDecimalPlaces(5),
            ),
            sourceId: TEST_SP_SOURCE,
          })),
        ),
      );
      return [key, { ...p, savingsPlans }];
    }),
  );
  return { ...book, instances, sourceDates: { ...book.sourceDates, [TEST_SP_SOURCE]: '2026-01-01' } };
}

export type CaseKind = 'ri-spot' | 'savings-plans';

export interface OptimizerCase {
  seed: number;
  kind: CaseKind;
  scenario: Scenario;
  constraints: OptimizeConstraints;
}

/** Linux families (size-flexible RIs when two sizes meet) and types whose RIs cover their exact type. */
export const FAMILIES: Record<string, string[]> = {
  m5: ['m5.large', 'm5.xlarge', 'm5.2xlarge'],
  c5: ['c5.large', 'c5.xlarge'],
  r5: ['r5.large'],
  t3: ['t3.medium', 't3.large'],
  m6i: ['m6i.large', 'm6i.xlarge'],
};
const EXACT_TYPES = [
  { instanceType: 'm5.large', os: 'windows' },
  { instanceType: 'c5.large', os: 'rhel' },
  { instanceType: 't3.medium', os: 'windows' },
] as const;
const HOURLY_LENGTHS = [24, 28, 42, 48]; // each lines up with a 168-hour week within 336 hours

export type LineInput = ScenarioInput['lines'][number];

/** Counts 0..max with some shape: a base with bursts, or noise. */
function randomCounts(r: Rng, hours: number, max: number): number[] {
  const base = int(r, 0, Math.floor(max / 2));
  const burst = r() * 0.6;
  const noisy = r() < 0.25;
  return Array.from({ length: hours }, () =>
    noisy ? int(r, 0, max) : base + (r() < burst ? int(r, 0, max - base) : 0),
  );
}

export function weeklyUsage(r: Rng, max: number): LineInput['usage'] {
  const shape = int(r, 0, 3);
  if (shape === 0) return { pattern: 'constant', count: int(r, 0, max) };
  if (shape === 1) {
    const count = int(r, 1, max);
    const startHour = int(r, 0, 20);
    return {
      pattern: 'business-hours',
      count,
      offHoursCount: int(r, 0, count),
      days: r() < 0.6 ? ['mon', 'tue', 'wed', 'thu', 'fri'] : DAYS.filter((d) => d === 'sat' || r() < 0.5),
      startHour,
      endHour: int(r, startHour + 1, 24),
    };
  }
  if (shape === 2) {
    const baseCount = int(r, 0, max - 1);
    return {
      pattern: 'daily-spike',
      baseCount,
      peakCount: int(r, baseCount, max),
      peakStartHour: int(r, 0, 23),
      peakHours: int(r, 1, 12),
    };
  }
  return { pattern: 'weekly', counts: randomCounts(r, 168, max) };
}

/** A type: often another size of an earlier line's family (size flexibility), else any; `family` pins it. */
function randomType(r: Rng, previous: LineInput[], family: string | null) {
  const exact = (f: string) => EXACT_TYPES.filter((e) => e.instanceType.startsWith(`${f}.`));
  if (family !== null)
    return exact(family).length > 0 && r() < 0.2
      ? pick(r, exact(family))
      : { instanceType: pick(r, FAMILIES[family] as string[]), os: 'linux' as const };
  const linuxBefore = previous.filter((l) => (l.os ?? 'linux') === 'linux');
  if (linuxBefore.length > 0 && r() < 0.45) {
    const f = pick(r, linuxBefore).instanceType.split('.')[0] as string;
    return { instanceType: pick(r, FAMILIES[f] as string[]), os: 'linux' as const };
  }
  if (r() < 0.2) return pick(r, EXACT_TYPES);
  return { instanceType: pick(r, Object.values(FAMILIES).flat()), os: 'linux' as const };
}

function randomLine(
  r: Rng,
  i: number,
  type: { instanceType: string; os: OperatingSystem },
  sp: boolean,
  hourlyLength: number,
): LineInput {
  const { instanceType, os } = type;
  const max = sp ? 3 : 6;
  const tolerant = r() < 0.4;
  const start = r();
  return {
    id: `line-${i + 1}`,
    name: `Line ${i + 1}`,
    instanceType,
    region: 'us-east-1',
    os,
    interruptionTolerant: tolerant,
    usage:
      r() < 0.55 ? { pattern: 'hourly', counts: randomCounts(r, hourlyLength, max) } : weeklyUsage(r, max),
    // Whatever the line bought before, the plan decides again.
    purchase:
      start < 0.7
        ? { model: 'on-demand' }
        : start < 0.85 && tolerant
          ? { model: 'spot' }
          : { model: 'reserved', termYears: 1, paymentOption: 'all-upfront', count: int(r, 0, 3) },
  };
}

/** The case of a seed: about 4 in 5 plan Reserved Instances and spot, the rest Savings Plans too. */
export function generateCase(seed: number): OptimizerCase {
  const r = seededRng(seed);
  const kind: CaseKind = r() < 0.8 ? 'ri-spot' : 'savings-plans';
  const sp = kind === 'savings-plans';
  // Savings Plans cases stay small for the grid: with RIs too, one family (1–3 lines); else 1–2 lines.
  const spWithRi = sp && r() < 0.4;
  const family = spWithRi ? pick(r, Object.keys(FAMILIES)) : null;
  const lineCount = spWithRi ? int(r, 1, 3) : sp ? int(r, 1, 2) : int(r, 1, 3);
  const hourlyLength = sp ? 24 : pick(r, HOURLY_LENGTHS);
  const lines: LineInput[] = [];
  for (let i = 0; i < lineCount; i++)
    lines.push(randomLine(r, i, randomType(r, lines, family), sp, hourlyLength));
  const allow: OptimizerProduct[] = sp
    ? ['sp', ...(spWithRi ? (['ri'] as const) : []), ...(r() < 0.3 ? (['spot'] as const) : [])]
    : [
        ...(r() < 0.8 ? (['ri'] as const) : []),
        ...(r() < 0.2 ? (['sp'] as const) : []), // no Savings Plans rates in the shipped catalog
        ...(r() < 0.6 ? (['spot'] as const) : []),
      ];
  const capped = r() < (sp ? 0.25 : 0.45);
  const cap = r() < 0.1 ? 0 : int(r, 50, sp ? 2500 : 4000);
  const constraints: OptimizeConstraints = {
    allow,
    maxUpfrontUsd: capped ? String(cap) : null,
    maxTermYears: r() < 0.5 ? 1 : 3,
    growthPctPerMonth: 0,
  };
  const scenario = scenarioSchema.parse({ name: `optimizer case ${seed}`, lines });
  return { seed, kind, scenario, constraints };
}
