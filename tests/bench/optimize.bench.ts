import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { createServices } from '../../main/services';
import { optimizePlan } from '@shared/optimizer/optimize';
import { compareWithPlan } from '@shared/optimizer/plan-strategy';
import { DEFAULT_CONSTRAINTS, type PurchasePlan } from '@shared/optimizer/types';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { scenarioSchema } from '@shared/scenario/schema';
import { bigScenario } from './mix';
import { ms, timeMany } from './stats';

const OPTIMIZE_TARGET_MS = 200;
const COMPARE_TARGET_MS = 150;

const verdict = (v: number, target: number) => `target ≤ ${target} ms: ${v <= target ? 'met' : 'MISSED'}`;

/**
 * `npm run bench -- optimize`: the optimizer on the pricing benchmark's mix (200 lines × 8,760 hourly
 * counts, every product allowed), beside what the same run measures for one estimate of the mix (the
 * baseline: the optimizer's work in units of the engine's own pass), Compare's 26 fixed strategies,
 * and Compare as pricing.compare runs it (the plan first, then the 26).
 */
export async function benchOptimize(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-optimize-'));
  try {
    const services = createServices({
      catalogPath: buildCatalog(join(dir, 'catalog.sqlite')).path,
      userDbPath: join(dir, 'user.sqlite'),
    });
    const scenario = scenarioSchema.parse(bigScenario());
    const book = services.priceBook.forScenario(scenario);
    const constraints = { ...DEFAULT_CONSTRAINTS, allow: [...DEFAULT_CONSTRAINTS.allow] };
    let plan: PurchasePlan | null = null;
    // Warm-up: the first runs compile the hot loops.
    for (let i = 0; i < 2; i++) plan = optimizePlan(scenario, book, constraints);
    estimateScenario(scenario, book);
    const estimate = timeMany(9, () => estimateScenario(scenario, book));
    const optimize = timeMany(9, () => {
      plan = optimizePlan(scenario, book, constraints);
    });
    const compare = timeMany(5, () => compareStrategies(scenario, book));
    const withPlan = timeMany(5, () => compareWithPlan(scenario, book));
    const p = plan as PurchasePlan | null;
    console.log(`mix: ${scenario.lines.length} lines x 8,760 hourly counts, every product allowed`);
    console.log(`estimate (baseline), median of 9: ${ms(estimate.p50)}`);
    console.log(
      `optimize, median of 9: ${ms(optimize.p50)}, best ${ms(optimize.samples[0]!)} ` +
        `(${(optimize.p50 / estimate.p50).toFixed(1)} x the estimate; ${verdict(optimize.p50, OPTIMIZE_TARGET_MS)})`,
    );
    console.log(
      `compare, 26 fixed strategies, median of 5: ${ms(compare.p50)} ` +
        `(${(compare.p50 / estimate.p50).toFixed(1)} x the estimate; ${verdict(compare.p50, COMPARE_TARGET_MS)})`,
    );
    console.log(
      `compare with the plan first (pricing.compare), median of 5: ${ms(withPlan.p50)} ` +
        `(${(withPlan.p50 / estimate.p50).toFixed(1)} x the estimate)`,
    );
    if (p) {
      console.log(
        `the plan: ${p.purchases.length} purchases, upfront ${p.upfrontUsd ?? 'n/a'} USD, ` +
          `monthly ${p.monthlyUsd ?? 'n/a'} USD, saving ${p.savingsVsOnDemandPct ?? 'n/a'} % against all On-Demand`,
      );
    }
    services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
