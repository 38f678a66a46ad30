import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import { Decimal } from '@shared/money';
import type { PurchasePlan } from '@shared/optimizer/types';
import type { StrategyResult } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';

const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;

let dir: string;
let services: Services;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-compare-plan-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
});
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

describe('Compare: the optimized plan as its first row', () => {
  it('leads the 26 fixed strategies with the plan’s own totals, cash and break-even', async () => {
    const rows = await call<StrategyResult[]>('pricing.compare', { document: example() });
    expect(rows).toHaveLength(27);
    const [plan, onDemand] = rows as [StrategyResult, StrategyResult];
    expect(plan).toMatchObject({
      id: 'optimized-plan',
      label: 'Optimized plan (cheapest mix)',
      complete: true,
    });
    expect(onDemand.id).toBe('on-demand');

    const optimized = await call<PurchasePlan>('pricing.optimize', { document: example() });
    expect(plan.monthlyUsd).toBe(optimized.monthlyUsd);
    expect(plan.upfrontUsd).toBe(optimized.upfrontUsd);
    expect(plan.threeYearUsd).toBe(optimized.threeYearUsd);
    expect(plan.savingsVsOnDemandPct).toBe(optimized.savingsVsOnDemandPct);

    // 4 × m5.large 3-year all upfront: 3,796 at month 0, then 113.869… a month (storage + the batch
    // line on demand); all On-Demand 394.189… a month. 13 × 280.32 = 3,644.16 < 3,796 ≤ 14 × 280.32.
    const cash = plan.cumulativeUsd!.map((v) => new Decimal(v));
    expect(cash).toHaveLength(37);
    expect(cash[0]!.toString()).toBe(plan.upfrontUsd);
    // Month by month, summed at the engine's precision: the 3-year total to the cent.
    expect(cash[36]!.toFixed(2)).toBe(new Decimal(plan.threeYearUsd!).toFixed(2));
    const od = onDemand.cumulativeUsd!.map((v) => new Decimal(v));
    expect(cash[13]!.gt(od[13]!)).toBe(true);
    expect(cash[14]!.lte(od[14]!)).toBe(true);
    expect(plan.breakEvenMonth).toBe(14);
    expect(plan.breakEven).toBe('pays back in month 14');

    // No fixed strategy is cheaper over 3 years.
    for (const r of rows.slice(1).filter((x) => x.threeYearUsd !== null)) {
      expect(new Decimal(plan.threeYearUsd!).lte(r.threeYearUsd!), r.id).toBe(true);
    }
  });

  it('explains the plan’s figures when asked, like every other row', async () => {
    const rows = await call<StrategyResult[]>('pricing.compare', { document: example(), explain: true });
    const plan = rows[0]!;
    expect(plan.explanation!.threeYear.valueUsd).toBe(plan.threeYearUsd);
    expect(plan.explanation!.monthly.valueUsd).toBe(plan.monthlyUsd);
    const plain = await call<StrategyResult[]>('pricing.compare', { document: example() });
    expect(plain[0]!.explanation).toBeUndefined();
  });

  it('in the report: listed first, while all On-Demand stays the reference and the chart’s dashed line', () => {
    const doc = example();
    doc.quotas = { standard: 16, 'spot-standard': 4 };
    doc.lines[1] = { ...doc.lines[1]!, interruptionTolerant: true };
    const report = services.reports.build(scenarioSchema.parse(doc));
    const ids = report.comparison.strategies.map((s) => s.id);
    expect(ids).toHaveLength(27);
    expect(ids[0]).toBe('optimized-plan');
    expect(report.comparison.chartedIds[0]).toBe('on-demand');
    // The reference's own quota use is not repeated; the plan's spot line is flagged like spot's.
    const quota = (id: string) => report.comparison.strategies.find((s) => s.id === id)!.quotaExceeded;
    expect(quota('on-demand')).toBeNull();
    expect(quota('optimized-plan')).toBe('Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)');
  });

  it('an empty scenario: the plan buys nothing and costs nothing', async () => {
    const rows = await call<StrategyResult[]>('pricing.compare', { document: { name: 'empty', lines: [] } });
    expect(rows[0]).toMatchObject({ id: 'optimized-plan', threeYearUsd: '0', upfrontUsd: '0' });
  });
});
