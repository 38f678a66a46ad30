import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import { moveScenarioToRegion, type ScenarioRegionsResult } from '@shared/capacity/scenario-regions';
import { Decimal } from '@shared/money';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import type { SavedScenario } from '@shared/scenario/types';

/**
 * A two-line scenario priced in every region, against totals worked out here from per-region prices
 * read by hand-written SQL: 2 × m5.large and 3 × c5.xlarge running all month On-Demand, with one
 * 100 GiB gp3 volume per m5.large (gp3's baseline 3,000 IOPS and 125 MiB/s are free).
 */
let services: Services;
let db: Database.Database;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-scenario-regions-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'planner.sqlite') });
  db = new Database(inject('catalogPath'), { readonly: true });
});
afterAll(() => {
  services.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const twoLines: ScenarioInput = {
  name: 'Two lines',
  lines: [
    {
      id: 'web',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 2 },
      volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
    },
    { id: 'app', instanceType: 'c5.xlarge', region: 'us-east-1', usage: { pattern: 'constant', count: 3 } },
  ],
};

async function call<T>(name: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const onDemand = priceOf('on-demand');
function priceOf(model: string) {
  return (region: string, type: string): string | null =>
    db
      .prepare<[string, string, string], string>(
        `SELECT hourly_usd FROM ec2_prices WHERE region = ? AND instance_type = ? AND os = 'linux' AND model = ?`,
      )
      .pluck()
      .get(region, type, model) ?? null;
}
const gp3Storage = (region: string): string | null =>
  db
    .prepare<[string], string>(
      `SELECT price_usd FROM ebs_prices WHERE region = ? AND volume_type = 'gp3' AND dimension = 'storage'`,
    )
    .pluck()
    .get(region) ?? null;
const offers = (region: string, type: string) =>
  db
    .prepare<[string, string], number>(
      'SELECT count(*) FROM instance_regions WHERE region = ? AND instance_type = ?',
    )
    .pluck()
    .get(region, type) === 1;

describe('a scenario in every region', () => {
  it('totals each region by hand from its own prices, cheapest first, regions lacking a type last', async () => {
    const r = await call<ScenarioRegionsResult>('pricing.regions', { document: twoLines });
    const regions = db.prepare<[], string>('SELECT code FROM regions ORDER BY code').pluck().all();
    expect(r.entries.map((e) => e.region).sort()).toEqual(regions);
    expect(r.currentRegions).toEqual(['us-east-1']);

    let checked = 0;
    for (const code of regions) {
      const e = r.entries.find((x) => x.region === code)!;
      const missing = ['m5.large', 'c5.xlarge'].filter((t) => !offers(code, t));
      expect(e.missingTypes).toEqual(missing);
      if (missing.length > 0) {
        expect([e.monthlyUsd, e.threeYearUsd]).toEqual([null, null]);
        continue;
      }
      const m5 = onDemand(code, 'm5.large');
      const c5 = onDemand(code, 'c5.xlarge');
      const gp3 = gp3Storage(code);
      expect(e.complete).toBe(m5 !== null && c5 !== null && gp3 !== null);
      if (!e.complete) continue;
      // (2 × m5.large + 3 × c5.xlarge) × 730 h + 2 volumes × 100 GiB × gp3's GB-month price
      const monthly = new Decimal(m5!)
        .times(2)
        .plus(new Decimal(c5!).times(3))
        .times(730)
        .plus(new Decimal(gp3!).times(200));
      expect(e.monthlyUsd).toBe(monthly.toFixed());
      expect(e.upfrontUsd).toBe('0');
      expect(e.threeYearUsd).toBe(monthly.times(36).toFixed());
      checked++;
    }
    expect(checked).toBeGreaterThan(20);

    // us-east-1 by hand: (2 × 0.096 + 3 × 0.17) × 730 + 200 × 0.08 = 512.46 + 16 = 528.46
    const useast = r.entries.find((e) => e.region === 'us-east-1')!;
    expect(useast).toMatchObject({ current: true, monthlyUsd: '528.46', threeYearUsd: '19024.56' });
    expect(r.asIs).toEqual({ monthlyUsd: '528.46', threeYearUsd: '19024.56', complete: true });
    const ireland = r.entries.find((e) => e.region === 'eu-west-1')!;
    expect(ireland.monthlyDifferenceUsd).toBe(new Decimal(ireland.monthlyUsd!).minus('528.46').toFixed());

    // Sorted: complete regions by monthly cost, then incomplete, then those lacking a type.
    const groups = r.entries.map((e) => (e.missingTypes.length ? 2 : e.complete ? 0 : 1));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    const complete = r.entries.filter((e) => e.complete).map((e) => Number(e.monthlyUsd));
    expect(complete).toEqual([...complete].sort((a, b) => a - b));
    expect(r.entries[0]!.monthlyUsd).toBe('528.46'); // us-east-1 ties the cheapest (us-east-2, us-west-2)
    expect(r.entries.some((e) => e.missingTypes.length > 0)).toBe(true);
  });

  it('copies the scenario to another region as a new saved scenario priced as that region’s entry', async () => {
    const saved = await call<SavedScenario>('scenarios.create', { document: twoLines });
    const moved = moveScenarioToRegion(scenarioSchema.parse(saved.document), 'eu-west-1');
    const copy = await call<SavedScenario>('scenarios.create', {
      document: { ...moved, name: `${moved.name} in eu-west-1` },
    });
    expect(copy.id).not.toBe(saved.id);
    expect(copy.document.lines.map((l) => l.region)).toEqual(['eu-west-1', 'eu-west-1']);
    const original = await call<SavedScenario>('scenarios.get', { id: saved.id });
    expect(original.document.lines.map((l) => l.region)).toEqual(['us-east-1', 'us-east-1']);
    const estimate = await call<ScenarioEstimate>('pricing.estimate', { document: copy.document });
    const regions = await call<ScenarioRegionsResult>('pricing.regions', { document: twoLines });
    expect(estimate.totals.monthlyUsd).toBe(
      regions.entries.find((e) => e.region === 'eu-west-1')!.monthlyUsd,
    );
  });

  it('marks a region whose catalog lacks a price as incomplete and names what is missing', async () => {
    // Newer regions offer m7g.xlarge, but the snapshot has no EBS prices there: the volume is unpriced.
    const r = await call<ScenarioRegionsResult>('pricing.regions', {
      document: {
        name: 'Graviton with a volume',
        lines: [
          {
            id: 'g',
            instanceType: 'm7g.xlarge',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 1 },
            volumes: [{ volumeType: 'gp3', sizeGiB: 50 }],
          },
        ],
      },
    });
    let incomplete = 0;
    for (const e of r.entries.filter((x) => x.missingTypes.length === 0)) {
      const complete = onDemand(e.region, 'm7g.xlarge') !== null && gp3Storage(e.region) !== null;
      expect(e.complete).toBe(complete);
      if (complete) continue;
      incomplete++;
      expect(e.unpriced.length).toBeGreaterThan(0);
      expect(e.monthlyDifferenceUsd).toBeNull();
    }
    expect(incomplete).toBeGreaterThan(0);
    expect(r.entries.find((e) => e.region === 'ap-east-2')).toMatchObject({
      missingTypes: [],
      complete: false,
    });
  });
});
