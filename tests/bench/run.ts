/** `npm run bench [-- name]`: benchmarks, separate from tests. Prints figures; asserts nothing. */
import { benchCatalog } from './catalog.bench';
import { benchCli } from './cli.bench';
import { benchEbs } from './ebs.bench';
import { benchImport } from './import.bench';
import { benchOptimize } from './optimize.bench';
import { benchPricing } from './pricing.bench';
import { benchReports } from './reports.bench';
import { benchWorkers } from './workers.bench';

const suites: Record<string, () => Promise<void>> = {
  catalog: benchCatalog,
  cli: benchCli,
  ebs: benchEbs,
  import: benchImport,
  optimize: benchOptimize,
  pricing: benchPricing,
  reports: benchReports,
  workers: benchWorkers,
};
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !suites[w]);
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; have: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`== ${name} ==`);
  await run();
}
