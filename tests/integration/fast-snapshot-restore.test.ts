import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import { Decimal } from '@shared/money';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';

// AWS bills fast snapshot restore per DSU-hour for each snapshot in each Availability Zone where it is
// enabled (shared/ebs/fast-snapshot-restore.ts cites the pages).
let services: Services;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-fsr-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
});
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The catalog's own row, read straight from the SQLite file. */
function catalogFsrPrice(region: string): string | undefined {
  const db = new Database(inject('catalogPath'), { readonly: true });
  try {
    const row = db
      .prepare(
        "SELECT price_usd AS p, unit FROM ebs_prices WHERE region = ? AND dimension = 'fast-snapshot-restore'",
      )
      .get(region) as { p: string; unit: string } | undefined;
    if (row) expect(row.unit).toBe('DSU-hour');
    return row?.p;
  } finally {
    db.close();
  }
}

const scenario = (region: string, fsr: { availabilityZones: number; snapshots?: number } | undefined) =>
  ({
    name: 'FSR',
    lines: [
      {
        id: 'db',
        name: 'Database',
        instanceType: 'm5.large',
        region,
        usage: { pattern: 'constant', count: 1 },
        volumes: [
          {
            volumeType: 'gp3',
            sizeGiB: 100,
            snapshot: {
              frequency: 'daily',
              retentionCount: 7,
              dailyChangePct: 5,
              ...(fsr ? { fastSnapshotRestore: fsr } : {}),
            },
          },
        ],
      },
    ],
  }) satisfies ScenarioInput;

async function estimate(doc: ScenarioInput): Promise<ScenarioEstimate> {
  const r = await dispatch(services.handlers, 'pricing.estimate', { document: doc });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ScenarioEstimate;
}

describe('EBS fast snapshot restore', () => {
  it('lists the catalog price per DSU-hour in ebs prices (table and JSON)', async () => {
    expect(catalogFsrPrice('us-east-1')).toBe('0.75');
    const table = await runCli(['ebs', 'prices', '--region', 'us-east-1'], {
      catalogPath: inject('catalogPath'),
    });
    expect(table.stdout).toContain('fast snapshot restore $0.75/DSU-hour per snapshot and Availability Zone');
    const json = await runCli(['ebs', 'prices', '--region', 'us-east-1', '--format', 'json'], {
      catalogPath: inject('catalogPath'),
    });
    const rows = JSON.parse(json.stdout) as { snapshotFastSnapshotRestoreUsdPerDsuHour: string | null }[];
    expect(rows[0]?.snapshotFastSnapshotRestoreUsdPerDsuHour).toBe('0.75');
  });

  it('prices 1 snapshot in 2 AZs for 730 hours in us-east-1: 0.75 × 1 × 2 × 730 = $1,095', async () => {
    const rate = new Decimal(catalogFsrPrice('us-east-1')!);
    const expected = rate.times(1).times(2).times(730); // 1,095
    expect(expected.toString()).toBe('1095');
    const withFsr = await estimate(scenario('us-east-1', { availabilityZones: 2 }));
    const without = await estimate(scenario('us-east-1', undefined));
    const v = withFsr.lines[0]!.volumes[0]!;
    expect(v.fastSnapshotRestoreMonthlyUsd).toBe('1095');
    // Snapshot storage alone: 100 GiB full + 6 × 5 GiB changed = 130 GiB × $0.05 = $6.50.
    expect(without.lines[0]!.snapshotMonthlyUsd).toBe('6.5');
    expect(without.lines[0]!.volumes[0]!.fastSnapshotRestoreMonthlyUsd).toBe('0');
    expect(withFsr.lines[0]!.snapshotMonthlyUsd).toBe('1101.5');
    // The line's monthly and the totals carry it.
    const delta = new Decimal(withFsr.totals.monthlyUsd).minus(without.totals.monthlyUsd);
    expect(delta.toString()).toBe('1095');
  });

  it('bills each snapshot in each AZ: 3 snapshots in 2 AZs are 6 DSUs', async () => {
    const e = await estimate(scenario('us-east-1', { availabilityZones: 2, snapshots: 3 }));
    expect(e.lines[0]!.volumes[0]!.fastSnapshotRestoreMonthlyUsd).toBe('3285'); // 0.75 × 3 × 2 × 730
  });

  it('says n/a with the missing price where the catalog has EBS but no FSR price', async () => {
    expect(catalogFsrPrice('ap-south-2')).toBeUndefined();
    const e = await estimate(scenario('ap-south-2', { availabilityZones: 1 }));
    const line = e.lines[0]!;
    expect(line.snapshotMonthlyUsd).toBeNull();
    expect(line.volumes[0]!.fastSnapshotRestoreMonthlyUsd).toBeNull();
    expect(line.complete).toBe(false);
    expect(line.warnings.map((w) => w.message).join('\n')).toContain(
      'no fast snapshot restore price in ap-south-2',
    );
  });

  it('refuses 0 AZs or 11 by the field’s label', async () => {
    for (const zones of [0, 11]) {
      const r = await dispatch(services.handlers, 'pricing.estimate', {
        document: scenario('us-east-1', { availabilityZones: zones }),
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.label).toContain('Fast restore Availability Zones');
    }
  });

  it('shows the policy and its cost in the report', () => {
    const report = services.reports.build(
      scenarioSchema.parse(scenario('us-east-1', { availabilityZones: 2 })),
    );
    const v = report.lines[0]!.volumes[0]!;
    expect(v.fastSnapshotRestoreMonthlyUsd).toBe('1095');
    expect(v.snapshotMonthlyUsd).toBe('1101.5');
    expect(v.snapshotPolicy).toBe(
      'daily, keep 7, 5% daily change, standard tier, fast snapshot restore on 1 snapshot in 2 AZs',
    );
  });
});
