import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { createServices } from '../../main/services';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { scenarioSchema } from '@shared/scenario/schema';
import { bigScenario } from './mix';
import { ms } from './stats';

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
    t = performance.now();
    const rows = compareStrategies(scenario, book);
    const compareMs = performance.now() - t;
    console.log(`price book for 200 lines from the catalog: ${ms(bookMs)}`);
    console.log(
      `estimate, 200 lines x 8,760-hour profiles: median ${ms(runs[7]!)}, best ${ms(runs[0]!)} (target < 100 ms)`,
    );
    console.log(
      `compare, ${rows.length} strategies on the same mix: ${ms(compareMs)} (${ms(compareMs / rows.length)} per strategy)`,
    );
    services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
