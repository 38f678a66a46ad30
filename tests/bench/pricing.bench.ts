import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { createServices } from '../../main/services';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { scenarioSchema } from '@shared/scenario/schema';
import { bigScenario } from './mix';
import { ms, timeMany } from './stats';

export async function benchPricing(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-pricing-'));
  try {
    const services = createServices({
      catalogPath: buildCatalog(join(dir, 'catalog.sqlite')).path,
      userDbPath: join(dir, 'user.sqlite'),
    });
    const scenario = scenarioSchema.parse(bigScenario());
    let t = performance.now();
    const book = services.priceBook.forScenario(scenario);
    const bookMs = performance.now() - t;
    for (let i = 0; i < 3; i++) estimateScenario(scenario, book);
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      estimateScenario(scenario, book);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    // Compare: one warm-up, then the median of several runs; beside it what 26 estimates of the mix
    // cost in the same run (each strategy setting up and allocating on its own, as Compare once did).
    let rows = compareStrategies(scenario, book);
    const compare = timeMany(9, () => {
      rows = compareStrategies(scenario, book);
    });
    const compareMs = compare.p50;
    console.log(`price book for 200 lines from the catalog: ${ms(bookMs)}`);
    console.log(
      `estimate, 200 lines x 8,760-hour profiles: median ${ms(runs[7]!)}, best ${ms(runs[0]!)} (target < 100 ms)`,
    );
    console.log(
      `compare, ${rows.length} strategies on the same mix: median ${ms(compareMs)}, best ${ms(compare.samples[0]!)} ` +
        `(${ms(compareMs / rows.length)} per strategy; target <= 150 ms); ` +
        `${rows.length} x the estimate's median: ${ms(rows.length * runs[7]!)}`,
    );
    services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
