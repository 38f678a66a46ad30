import { sizeLines } from '@shared/capacity/line-sizing';
import { PAYMENT_OPTIONS, type PlanType } from '@shared/catalog-types';
import { Decimal } from '@shared/money';
import { estimateScenario, estimateWithProfiles } from '@shared/pricing/estimate';
import { UPFRONT_SHARE } from '@shared/pricing/estimate-state';
import { familyOrType, riPoolKey } from '@shared/pricing/line-setup';
import { priceKey, type PriceBook } from '@shared/pricing/price-book';
import type { UsageProfile } from '@shared/pricing/usage-profile';
import type { Purchase, Scenario, ScenarioLine } from '@shared/scenario/schema';
import { TERM_HOURS } from '@shared/units';
import type { OptimizerCase } from './optimizer-cases';

/**
 * The brute force: every way to buy within the constraints, each priced by the estimate engine
 * (estimateWithProfiles, as Compare calls it). A candidate puts each case line on On-Demand or (a
 * tolerant line, when spot is allowed) spot, and adds one holder line per product holding its level:
 * - Reserved Instances: whole counts of every type the pool's lines run, up to the pool's peak (a
 *   count whose last RI covers nothing in any hour costs more and is skipped);
 * - Savings Plans: every sum of whole instances × the plan's rate up to the busiest hour's spend (the
 *   cost's kinks when whole instances are left to cover), plus a grid of the lowest rate ÷ q, rounded
 *   to a commitment AWS accepts (COMMITMENT_DECIMALS). Sizes are kept under MAX_CANDIDATES_PER_PART by
 *   a coarser grid, then RIs of the pool's smallest type only (both reported).
 * Dominated variants are left out: with no cap all but the cheapest of each RI type or Savings Plan;
 * with a cap those another variant beats on both price and upfront. Lines that share no product
 * (different RI pools, no Savings Plan across them) are enumerated apart and their costs added (the
 * estimate prices them independently; the best candidate is priced whole at the end to show it); under
 * an upfront cap the parts are combined over their cost/upfront frontiers.
 */
export interface BruteForceBest {
  amortizedMonthlyUsd: Decimal;
  upfrontUsd: Decimal;
  /** The cheapest candidate as a scenario: the case's lines on On-Demand or spot, plus holder lines. */
  scenario: Scenario;
  /** That scenario priced whole by estimateScenario (equals amortizedMonthlyUsd: the parts add up). */
  wholeAmortizedMonthlyUsd: Decimal;
  candidatesPriced: number;
  /**
   * Savings Plans levels: every sum of whole instances × rate, plus a grid of the lowest eligible
   * rate ÷ this (0: no grid); null when no Savings Plan was enumerated.
   */
  spGridDivisor: number | null;
  /** True when a pool's RIs were enumerated in its smallest type only (to keep the case small). */
  smallestTypeOnly: boolean;
}

export const MAX_CANDIDATES_PER_PART = 300;

interface Variant {
  purchase: Purchase;
  amortized: Decimal; // RI: per instance per month
  upfront: Decimal; // RI: per instance; Savings Plan: per USD/h committed
  rates: Decimal[]; // Savings Plan: rate per eligible line
}
interface Product {
  holder: { instanceType: string; os: ScenarioLine['os']; region: string };
  variants: Variant[];
  factor: number; // RI units per instance
  pool: string | null; // RI pool key
  eligible: number[]; // Savings Plan: lines it may cover
}
type Choice = { product: number; variant: number; level: Decimal }[];

const lcm = (a: number, b: number): number => {
  let [x, y] = [a, b];
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
};

/** Per hour of the lines' shared timeline, Σ count × weight(line). */
function hourlySums(profiles: UsageProfile[], lines: number[], weight: (l: number) => Decimal): Decimal[] {
  const hours = lines.reduce((h, l) => lcm(h, (profiles[l] as UsageProfile).periodHours), 1);
  return Array.from({ length: hours }, (_, t) =>
    lines.reduce((sum, l) => {
      const p = profiles[l] as UsageProfile;
      return sum.plus(weight(l).times(p.counts[t % p.periodHours] as number));
    }, new Decimal(0)),
  );
}

/** Variants no other beats on price (and, under a cap, on upfront too). */
function frontier(variants: Variant[], capped: boolean, byRate: boolean): Variant[] {
  const beats = (w: Variant, v: Variant) =>
    (byRate ? w.rates.every((r, i) => r.lte(v.rates[i] as Decimal)) : w.amortized.lte(v.amortized)) &&
    (!capped || w.upfront.lte(v.upfront));
  return variants.filter(
    (v, i) => !variants.some((w, j) => j !== i && beats(w, v) && (j < i || !beats(v, w))),
  );
}

/**
 * Savings Plans commitments AWS accepts: up to five decimals of USD per hour (CreateSavingsPlan's
 * `commitment`, docs.aws.amazon.com/savingsplans/latest/APIReference/API_CreateSavingsPlan.html).
 */
export const COMMITMENT_DECIMALS = 5;

export function bruteForce(
  c: OptimizerCase,
  book: PriceBook,
  commitmentDecimals: number = COMMITMENT_DECIMALS,
): BruteForceBest {
  const { scenario, constraints } = c;
  const allow = new Set(constraints.allow);
  const cap = constraints.maxUpfrontUsd === null ? null : new Decimal(constraints.maxUpfrontUsd);
  const hpm = new Decimal(scenario.hoursPerMonth);
  const profiles = sizeLines(scenario, book).profiles;
  const lines = scenario.lines;
  const prices = lines.map((l) => book.instances[priceKey(l.region, l.os, l.instanceType)] ?? null);
  const pools = lines.map((l, i) => riPoolKey(l, prices[i] ?? null));
  const peaks = profiles.map((p) => Math.max(0, ...p.counts));
  const spotable = lines.map((l, i) => allow.has('spot') && l.interruptionTolerant && !!prices[i]?.spot);
  const at = (i: number) => ({
    instanceType: lines[i]!.instanceType,
    os: lines[i]!.os,
    region: lines[i]!.region,
  });

  const products: Product[] = [];
  if (allow.has('ri')) {
    for (const key of new Set(pools.map((p) => p.key))) {
      const members = lines.map((_, i) => i).filter((i) => pools[i]!.key === key);
      const types = new Map(members.map((i) => [lines[i]!.instanceType, i]));
      for (const i of [...types.values()].sort((a, b) => pools[a]!.factor - pools[b]!.factor)) {
        const variants = (prices[i]?.reserved ?? [])
          .filter((r) => r.termYears <= constraints.maxTermYears)
          .map((r): Variant => {
            const upfront = new Decimal(r.upfrontUsd);
            const amortized = new Decimal(r.hourlyUsd).times(hpm).plus(upfront.div(r.termYears * 12));
            const { termYears, paymentOption, offeringClass } = r;
            return {
              purchase: { model: 'reserved', termYears, paymentOption, offeringClass },
              amortized,
              upfront,
              rates: [],
            };
          });
        if (variants.length > 0)
          products.push({
            holder: at(i),
            variants: frontier(variants, cap !== null, false),
            factor: pools[i]!.factor,
            pool: key,
            eligible: members,
          });
      }
    }
  }
  if (allow.has('sp')) {
    const groups = new Map<string, number[]>();
    lines.forEach((l, i) => {
      const fot = familyOrType(l, prices[i] ?? null);
      groups.set(`ec2-instance|${l.region}|${fot}`, [
        ...(groups.get(`ec2-instance|${l.region}|${fot}`) ?? []),
        i,
      ]);
    });
    // A Compute plan is enumerated when the lines span two families or more (on one family, the EC2
    // Instance plan of the same term and payment has the lower rate for every line).
    if (groups.size > 1)
      groups.set(
        'compute',
        lines.map((_, i) => i),
      );
    for (const [key, eligible] of groups) {
      const planType: PlanType = key === 'compute' ? 'compute' : 'ec2-instance';
      const variants: Variant[] = [];
      for (const termYears of [1, 3] as const) {
        if (termYears > constraints.maxTermYears) continue;
        for (const paymentOption of PAYMENT_OPTIONS) {
          const rates = eligible.map((i) =>
            prices[i]?.savingsPlans.find(
              (r) =>
                r.planType === planType && r.termYears === termYears && r.paymentOption === paymentOption,
            ),
          );
          if (rates.some((r) => r === undefined)) continue;
          const upfront = new Decimal(TERM_HOURS[termYears]).times(UPFRONT_SHARE[paymentOption]);
          const purchase: Purchase = { model: 'savings-plan', planType, termYears, paymentOption };
          variants.push({
            purchase,
            amortized: hpm,
            upfront,
            rates: rates.map((r) => new Decimal(r!.hourlyUsd)),
          });
        }
      }
      if (variants.length > 0)
        products.push({
          holder: at(eligible[0]!),
          variants: frontier(variants, cap !== null, true),
          factor: 1,
          pool: null,
          eligible,
        });
    }
  }

  // Parts: lines tied together by some product (an RI pool, a Savings Plan's eligible lines).
  const part = lines.map((_, i) => i);
  const root = (i: number): number => (part[i] === i ? i : (part[i] = root(part[i]!)));
  for (const p of products) for (const l of p.eligible) part[root(l)] = root(p.eligible[0]!);
  const parts = [...new Set(lines.map((_, i) => root(i)))].map((r) =>
    lines.map((_, i) => i).filter((i) => root(i) === r),
  );

  let candidatesPriced = 0;
  let spGridDivisor: number | null = null;
  let smallestTypeOnly = false;
  const priced = parts.map((members) => {
    const own = products.filter((p) => members.includes(p.eligible[0]!));
    const plan = (smallest: boolean, q: number) => {
      const kept = own.filter(
        (p) => !smallest || p.pool === null || own.find((o) => o.pool === p.pool) === p,
      );
      const dims: Choice[][] = [];
      for (const pool of new Set(kept.filter((p) => p.pool !== null).map((p) => p.pool))) {
        const items = kept.flatMap((p) =>
          p.pool === pool
            ? p.variants.map((_, v) => ({ product: products.indexOf(p), variant: v, factor: p.factor }))
            : [],
        );
        const peak = Math.max(
          ...hourlySums(
            profiles,
            kept.find((p) => p.pool === pool)!.eligible,
            (l) => new Decimal(pools[l]!.factor),
          ).map((u) => u.toNumber()),
        );
        const tuples: Choice[] = [];
        const walk = (k: number, choice: Choice, units: number, minFactor: number) => {
          if (k === items.length) return void tuples.push(choice);
          const { product, variant, factor } = items[k]!;
          for (let n = 0; n === 0 || units + n * factor - Math.min(minFactor, factor) < peak; n++)
            walk(
              k + 1,
              n === 0 ? choice : [...choice, { product, variant, level: new Decimal(n) }],
              units + n * factor,
              n === 0 ? minFactor : Math.min(minFactor, factor),
            );
        };
        walk(0, [], 0, Infinity);
        dims.push(tuples);
      }
      for (const p of kept.filter((k) => k.pool === null)) {
        const options: Choice[] = [[]];
        p.variants.forEach((v, variant) => {
          const most = Decimal.max(
            ...hourlySums(profiles, p.eligible, (l) => v.rates[p.eligible.indexOf(l)]!),
          );
          // Every sum of whole instances × rate (the kinks of the cost when whole instances are
          // left to cover), and a uniform grid of the lowest rate ÷ q (none when q = 0).
          let levels = new Set<string>(['0']);
          for (const l of p.eligible) {
            const rate = v.rates[p.eligible.indexOf(l)]!;
            const next = new Set<string>();
            for (const sum of levels)
              for (let n = 0; n <= peaks[l]!; n++) {
                const level = rate.times(n).plus(sum);
                if (level.lte(most)) next.add(level.toDecimalPlaces(commitmentDecimals).toFixed());
              }
            levels = next;
          }
          const step = Decimal.min(...v.rates).div(q || 1);
          for (let k = 1; q > 0 && step.times(k - 1).lt(most); k++)
            levels.add(step.times(k).toDecimalPlaces(commitmentDecimals).toFixed());
          levels.delete('0');
          for (const level of levels)
            options.push([{ product: products.indexOf(p), variant, level: new Decimal(level) }]);
        });
        dims.push(options);
      }
      for (const l of members)
        if (spotable[l]) dims.push([[], [{ product: -1, variant: l, level: new Decimal(1) }]]);
      return { kept, dims, count: dims.reduce((n, d) => n * d.length, 1) };
    };
    const ladder = [
      [false, 4],
      [false, 2],
      [false, 1],
      [false, 0],
      [true, 1],
      [true, 0],
    ] as const;
    const [smallest, q] =
      ladder.find(([s, q]) => plan(s, q).count <= MAX_CANDIDATES_PER_PART) ?? ladder[ladder.length - 1]!;
    const { kept, dims } = plan(smallest, q);
    if (kept.some((p) => p.pool === null)) spGridDivisor = Math.min(spGridDivisor ?? q, q);
    smallestTypeOnly ||= smallest && kept.length < own.length;

    // One holder line per kept product and variant; a candidate sets their levels and the spot lines.
    const holders = kept.flatMap((p) => p.variants.map((v) => ({ product: products.indexOf(p), v })));
    const structure = (choice: Choice): ScenarioLine[] => [
      ...members.map((l): ScenarioLine => ({
        ...lines[l]!,
        purchase: choice.some((ch) => ch.product === -1 && ch.variant === l)
          ? { model: 'spot' }
          : { model: 'on-demand' },
      })),
      ...holders.map(({ product, v }, h): ScenarioLine => {
        const level =
          choice.find((ch) => ch.product === product && products[product]!.variants[ch.variant] === v)
            ?.level ?? new Decimal(0);
        const purchase: Purchase =
          v.purchase.model === 'reserved'
            ? { ...v.purchase, count: level.toNumber() }
            : v.purchase.model === 'savings-plan'
              ? { ...v.purchase, commitmentHourlyUsd: level.toFixed() }
              : v.purchase;
        const { instanceType, os, region } = products[product]!.holder;
        const id = `bf-${members[0]}-${h + 1}`;
        return {
          id,
          name: `Brute force ${id}`,
          instanceType,
          os,
          region,
          tenancy: 'shared',
          usage: { pattern: 'constant', count: 0 },
          purchase,
          interruptionTolerant: false,
          volumeLifetime: 'instance',
          volumes: [],
        };
      }),
    ];
    const base = { ...scenario, lines: structure([]) };
    const sized = sizeLines(base, book);
    const found: { amortized: Decimal; upfront: Decimal; lines: ScenarioLine[] }[] = [];
    const radix = dims.map(() => 0);
    for (;;) {
      const choice = dims.flatMap((d, i) => d[radix[i]!]!);
      const upfront = choice.reduce(
        (u, ch) =>
          ch.product < 0 ? u : u.plus(products[ch.product]!.variants[ch.variant]!.upfront.times(ch.level)),
        new Decimal(0),
      );
      if (cap === null || upfront.lte(cap)) {
        const candidate = { ...base, lines: structure(choice) };
        const totals = estimateWithProfiles(candidate, book, sized).totals;
        candidatesPriced++;
        found.push({
          amortized: new Decimal(totals.amortizedMonthlyUsd),
          upfront: new Decimal(totals.upfrontUsd),
          lines: candidate.lines,
        });
      }
      let i = 0;
      while (i < dims.length && ++radix[i]! === dims[i]!.length) radix[i++] = 0;
      if (i === dims.length) break;
    }
    // The part's cost/upfront frontier (all that matters when the parts share one cap).
    found.sort((a, b) => a.upfront.comparedTo(b.upfront) || a.amortized.comparedTo(b.amortized));
    let least: Decimal | null = null;
    return found.filter((f) => (least === null || f.amortized.lt(least) ? (least = f.amortized) : false));
  });

  let best: { amortized: Decimal; upfront: Decimal; lines: ScenarioLine[] } | null = null;
  const combine = (k: number, amortized: Decimal, upfront: Decimal, chosen: ScenarioLine[]) => {
    if (cap !== null && upfront.gt(cap)) return;
    if (k === priced.length) {
      if (best === null || amortized.lt(best.amortized)) best = { amortized, upfront, lines: chosen };
      return;
    }
    for (const f of priced[k]!)
      combine(k + 1, amortized.plus(f.amortized), upfront.plus(f.upfront), [...chosen, ...f.lines]);
  };
  combine(0, new Decimal(0), new Decimal(0), []);
  if (best === null) throw new Error(`case ${c.seed}: the brute force found no candidate`);
  const {
    amortized,
    upfront,
    lines: chosen,
  } = best as { amortized: Decimal; upfront: Decimal; lines: ScenarioLine[] };
  const order = new Map(lines.map((l, i) => [l.id, i]));
  const ordered = [...chosen].sort(
    (a, b) => (order.get(a.id) ?? lines.length) - (order.get(b.id) ?? lines.length),
  );
  const whole = { ...scenario, lines: ordered };
  return {
    amortizedMonthlyUsd: amortized,
    upfrontUsd: upfront,
    scenario: whole,
    wholeAmortizedMonthlyUsd: new Decimal(estimateScenario(whole, book).totals.amortizedMonthlyUsd),
    candidatesPriced,
    spGridDivisor,
    smallestTypeOnly,
  };
}
