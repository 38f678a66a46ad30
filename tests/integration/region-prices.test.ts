import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import {
  NO_PRICE,
  NO_SPOT_ADVISOR,
  NOT_OFFERED,
  regionFigure,
  type RegionPricesResult,
} from '@shared/capacity/region-prices';

/**
 * One type in every region, checked against the catalog read by hand-written SQL: the figure of each
 * region, its source's date, the regions that do not offer the type, and the Spot Advisor band.
 */
let services: Services;
let db: Database.Database;
let dir: string;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
  db = new Database(inject('catalogPath'), { readonly: true });
  dir = mkdtempSync(join(tmpdir(), 'planner-regions-'));
});
afterAll(() => {
  services.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function regionPrices(input: object, on: Services = services): Promise<RegionPricesResult> {
  const r = await dispatch(on.handlers, 'catalog.regionPrices', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as RegionPricesResult;
}

/** The figure as the catalog holds it, read here without the app's code. */
const plain = (region: string, type: string, model: 'on-demand' | 'spot') =>
  db
    .prepare<[string, string, string], { hourly_usd: string; as_of: string }>(
      `SELECT p.hourly_usd, s.as_of FROM ec2_prices p JOIN sources s ON s.id = p.source_id
       WHERE p.region = ? AND p.instance_type = ? AND p.os = 'linux' AND p.model = ?`,
    )
    .get(region, type, model) ?? null;
const best = (region: string, type: string, term: 1 | 3) =>
  db
    .prepare<[string, string, number], { effective_hourly_usd: string; as_of: string }>(
      `SELECT p.effective_hourly_usd, s.as_of FROM ec2_prices p JOIN sources s ON s.id = p.source_id
       WHERE p.region = ? AND p.instance_type = ? AND p.os = 'linux'
         AND p.model IN ('reserved', 'savings-plan') AND p.term_years = ?
       ORDER BY CAST(p.effective_hourly_usd AS REAL) LIMIT 1`,
    )
    .get(region, type, term) ?? null;
const offeredIn = (type: string) =>
  new Set(
    db
      .prepare<[string], string>('SELECT region FROM instance_regions WHERE instance_type = ?')
      .pluck()
      .all(type),
  );

describe('one instance type in every region', () => {
  it('gives m5.large in every region of the catalog, each figure and date as the catalog holds it', async () => {
    const r = await regionPrices({ instanceTypes: ['m5.large'] });
    const regions = db.prepare<[], string>('SELECT code FROM regions ORDER BY code').pluck().all();
    expect(r.rows.map((x) => x.region)).toEqual(regions);
    expect(r.rows).toHaveLength(36);

    // By hand: AWS's list prices for m5.large Linux On-Demand.
    const useast = r.rows.find((x) => x.region === 'us-east-1')!;
    expect(useast).toMatchObject({
      offered: true,
      onDemandHourlyUsd: '0.096',
      regionName: 'US East (N. Virginia)',
    });
    const ireland = r.rows.find((x) => x.region === 'eu-west-1')!;
    expect(ireland.onDemandHourlyUsd).toBe('0.107');
    expect(ireland.spotHourlyUsd).toBe('0.053267');

    const offered = offeredIn('m5.large');
    for (const row of r.rows) {
      expect(row.offered).toBe(offered.has(row.region));
      if (!row.offered) {
        expect(regionFigure(row, 'onDemand')).toEqual({ missing: NOT_OFFERED });
        expect([row.onDemandHourlyUsd, row.best1yHourlyUsd, row.best3yHourlyUsd, row.spotHourlyUsd]).toEqual([
          null,
          null,
          null,
          null,
        ]);
        continue;
      }
      const od = plain(row.region, 'm5.large', 'on-demand');
      const spot = plain(row.region, 'm5.large', 'spot');
      const y1 = best(row.region, 'm5.large', 1);
      const y3 = best(row.region, 'm5.large', 3);
      expect([row.onDemandHourlyUsd, row.onDemandAsOf]).toEqual([od?.hourly_usd ?? null, od?.as_of ?? null]);
      expect([row.spotHourlyUsd, row.spotAsOf]).toEqual([spot?.hourly_usd ?? null, spot?.as_of ?? null]);
      expect([row.best1yHourlyUsd, row.best1yAsOf]).toEqual([
        y1?.effective_hourly_usd ?? null,
        y1?.as_of ?? null,
      ]);
      expect([row.best3yHourlyUsd, row.best3yAsOf]).toEqual([
        y3?.effective_hourly_usd ?? null,
        y3?.as_of ?? null,
      ]);
    }
    // The snapshot has regions without m5.large (newer regions open with newer generations).
    expect(r.rows.filter((x) => !x.offered).map((x) => x.region)).toEqual(
      regions.filter((code) => !offered.has(code)),
    );
    expect(r.rows.some((x) => !x.offered)).toBe(true);
  });

  it('tells a price the catalog lacks from a type the region lacks', async () => {
    const r = await regionPrices({ instanceTypes: ['m7g.xlarge'] });
    // US GovCloud offers m7g.xlarge but the snapshot has no spot observation there.
    const gov = r.rows.find((x) => x.region === 'us-gov-west-1')!;
    expect(gov.offered).toBe(true);
    expect(plain('us-gov-west-1', 'm7g.xlarge', 'spot')).toBeNull();
    expect(regionFigure(gov, 'spot')).toEqual({ missing: NO_PRICE });
    expect(regionFigure(gov, 'onDemand')).toMatchObject({
      hourlyUsd: plain('us-gov-west-1', 'm7g.xlarge', 'on-demand')!.hourly_usd,
    });
    const absent = r.rows.filter((x) => !x.offered);
    expect(absent.length).toBeGreaterThan(0);
    for (const row of absent) expect(offeredIn('m7g.xlarge').has(row.region)).toBe(false);
  });

  it('sorts by a figure, cheapest first, unpriced and not-offered regions last', async () => {
    const r = await regionPrices({ instanceTypes: ['m5.large'], sortBy: 'onDemand' });
    const priced = r.rows.filter((x) => x.onDemandHourlyUsd !== null);
    const values = priced.map((x) => Number(x.onDemandHourlyUsd));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(r.rows.slice(0, priced.length)).toEqual(priced);
    expect(r.rows.at(-1)!.offered).toBe(false);
    // us-east-1, us-east-2 and us-west-2 tie at $0.096: by region code.
    expect(r.rows.slice(0, 3).map((x) => x.region)).toEqual(['us-east-1', 'us-east-2', 'us-west-2']);
    const desc = await regionPrices({ instanceTypes: ['m5.large'], sortBy: 'onDemand', sortDir: 'desc' });
    expect(desc.rows[0]!.onDemandHourlyUsd).toBe(priced.at(-1)!.onDemandHourlyUsd);
  });

  it('lists several types, type by type', async () => {
    const r = await regionPrices({ instanceTypes: ['m5.large', 'm6i.large'] });
    expect(r.instanceTypes).toEqual(['m5.large', 'm6i.large']);
    expect(r.rows).toHaveLength(72);
    expect(
      r.rows.find((x) => x.instanceType === 'm6i.large' && x.region === 'us-east-1')!.onDemandHourlyUsd,
    ).toBe(plain('us-east-1', 'm6i.large', 'on-demand')!.hourly_usd);
  });

  it("shows each region's Spot Advisor band as the catalog holds it, dated", async () => {
    const r = await regionPrices({ instanceTypes: ['m5.large'] });
    const bands = db
      .prepare<[], { region: string; band_label: string; as_of: string }>(
        `SELECT a.region, a.band_label, s.as_of FROM spot_advisor a JOIN sources s ON s.id = a.source_id
         WHERE a.os = 'linux' AND a.instance_type = 'm5.large'`,
      )
      .all();
    expect(bands.length).toBeGreaterThan(0);
    expect(r.spotAdvisor).toEqual({ available: true, note: null });
    for (const row of r.rows.filter((x) => x.offered)) {
      const band = bands.find((b) => b.region === row.region);
      expect([row.spotInterruptionBand, row.spotInterruptionAsOf]).toEqual([
        band?.band_label ?? null,
        band?.as_of ?? null,
      ]);
    }
  });

  it('says so when the catalog has no Spot Advisor data', async () => {
    const path = join(dir, 'no-advisor.sqlite');
    copyFileSync(inject('catalogPath'), path);
    const w = new Database(path);
    w.exec('DELETE FROM spot_advisor');
    w.close();
    const other = createServices({ catalogPath: path });
    try {
      const r = await regionPrices({ instanceTypes: ['m5.large'] }, other);
      expect(r.spotAdvisor).toEqual({ available: false, note: NO_SPOT_ADVISOR });
      expect(r.rows.every((x) => x.spotInterruptionBand === null)).toBe(true);
      expect(r.rows.find((x) => x.region === 'us-east-1')!.spotHourlyUsd).toBe('0.04366');
    } finally {
      other.close();
    }
  });

  it('refuses an unknown type, naming it, and an empty list', async () => {
    const unknown = await dispatch(services.handlers, 'catalog.regionPrices', {
      instanceTypes: ['m5.large', 'zz9.huge'],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'zz9.huge is not in the catalog' },
    });
    const none = await dispatch(services.handlers, 'catalog.regionPrices', { instanceTypes: [] });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'name at least one instance type' },
    });
  });
});
