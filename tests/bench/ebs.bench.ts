import { buildCatalog } from '../../pricing-data/build-catalog';
import { openCatalog } from '../../main/services';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { ebsVolumeMonthlyCost } from '@shared/ebs/cost';
import { costCurve } from '@shared/ebs/envelope';
import { instanceEbsLimits, solveEbsLayout, type SizingRequirement } from '@shared/ebs/solver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, timeMany } from './stats';

export async function benchEbs(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-ebs-'));
  try {
    const db = openCatalog(buildCatalog(join(dir, 'catalog.sqlite')).path);
    const catalog = createCatalogService(db);
    const prices = catalog.ebsPrices({ region: 'us-east-1' });
    const m6i = instanceEbsLimits(catalog.instanceSpec('m6i.2xlarge'));
    db.close();

    const queries: SizingRequirement[] = [
      { capacityGiB: 2000, iops: 12000, throughputMiBps: 400, instance: m6i },
      { capacityGiB: 8000, iops: 500, throughputMiBps: 450, ioSizeKiB: 1024, pattern: 'sequential' },
      { capacityGiB: 4000, iops: 150000, throughputMiBps: 2000 },
      { capacityGiB: 100, iops: 3000, throughputMiBps: 125, dutyCycle: 0.1 },
    ];
    const base = timeMany(2000, () =>
      ebsVolumeMonthlyCost(prices, { volumeType: 'gp3', sizeGiB: 2000, iops: 12000, throughputMiBps: 400 }),
    );
    let i = 0;
    const one = timeMany(2000, () => solveEbsLayout(queries[i++ % queries.length]!, prices));
    console.log(
      `solver, one query (4 requirement shapes x 500): p50 ${ms(one.p50)}, p95 ${ms(one.p95)}; ` +
        `baseline one gp3 cost: p50 ${ms(base.p50)} (solve = ${(one.p50 / base.p50).toFixed(0)}x a single cost)`,
    );
    const sweep = timeMany(3, () =>
      costCurve({ capacityGiB: 2000, iops: 12000, throughputMiBps: 400 }, prices, {
        dimension: 'iops',
        from: 100,
        to: 250_000,
        steps: 10_000,
        scale: 'log',
      }),
    );
    console.log(
      `solver sweep of 10,000 requirement points (cost curve): median ${ms(sweep.p50)} (${((sweep.p50 / 10_000) * 1000).toFixed(1)} µs per point)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
