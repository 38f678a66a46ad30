import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, openCatalog, type Services } from '../../main/services';
import { createCatalogService, type CatalogService } from '../../main/catalog/catalog-service';
import { buildScenarioReport } from '../../main/reports/build';
import { reportHtml } from '../../main/reports/html';
import { runCli } from '../../main/cli';
import { dispatch } from '../../main/transport/dispatch';
import { scopeName } from '@shared/catalog-scopes';
import type { CatalogMeta, PriceOptions, ScopeDate } from '@shared/catalog-types';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import { query } from '../fixtures/import-test-support';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = JSON.parse(
  readFileSync(join(ROOT, 'docs', 'examples', 'web-and-batch.json'), 'utf8'),
) as ScenarioInput;

let services: Services;
let meta: CatalogMeta;
let db: ReturnType<typeof openCatalog>;
let catalog: CatalogService;
beforeAll(async () => {
  services = createServices({ catalogPath: inject('catalogPath') });
  meta = await services.handlers['catalog.meta']({});
  db = openCatalog(inject('catalogPath'));
  catalog = createCatalogService(db);
});
afterAll(() => {
  services.close();
  db.close();
});

/** The rows of one scope, newest source first, as [source, as of, rows]. */
/** A call through the contract (its input parsed as every transport parses it). */
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

const scope = (region: string, name: string): [string, string, number][] =>
  meta.scopes
    .filter((s) => s.region === region && scopeName(s) === name)
    .map((s: ScopeDate) => [s.sourceId, s.asOf, s.rows]);

describe('dates per scope (catalog.meta)', () => {
  it('dates every scope by its sources, from the price rows themselves', () => {
    // us-east-1 Linux On-Demand: Karpenter's table of 2026-07-20, 1,345 of its types have specs.
    expect(scope('us-east-1', 'Linux On-Demand')).toEqual([['karpenter-od-2026-07', '2026-07-20', 1345]]);
    expect(scope('eu-west-1', 'Linux On-Demand')).toEqual([['vantage-2026-05', '2026-05-12', 1018]]);
    // Reserved Linux: All Upfront from ec2instances.info (2026-05-12), No Upfront from the 2025-04-04 feed.
    expect(scope('us-east-1', 'Linux Reserved Instance').map(([id, asOf]) => [id, asOf])).toEqual([
      ['vantage-2026-05', '2026-05-12'],
      ['ec2shop-ri-2025-04', '2025-04-04'],
    ]);
    expect(scope('us-east-1', 'EBS')).toEqual([['aws-ebs-2024-07', '2024-07-18', 18]]);
    // No Savings Plans rate anywhere: no Savings Plans scope.
    expect(meta.scopes.filter((s) => s.model === 'savings-plan')).toEqual([]);
  });

  it('adds up to the price tables and dates the catalog by its oldest and newest scope', () => {
    const counted = query<{ model: string; n: number }>(
      inject('catalogPath'),
      'SELECT model, COUNT(*) AS n FROM ec2_prices GROUP BY model',
    );
    for (const { model, n } of counted) {
      const inScopes = meta.scopes.filter((s) => s.model === model).reduce((a, s) => a + s.rows, 0);
      expect(inScopes, model).toBe(n);
      expect(meta.priceRows[model as keyof CatalogMeta['priceRows']]).toBe(n);
    }
    const ebs = query<{ n: number }>(inject('catalogPath'), 'SELECT COUNT(*) AS n FROM ebs_prices')[0]!.n;
    expect(meta.ebsPriceRows).toBe(ebs);
    // The oldest: 4 spot averages of 2024-04-04 that the 2026 data lacks (ap-northeast-3 Linux Spot).
    expect(meta.pricesAsOf).toEqual({ oldest: '2024-04-04', newest: '2026-07-20' });
    expect(scope('ap-northeast-3', 'Linux Spot')).toContainEqual(['opszero-spot-2024-04', '2024-04-04', 4]);
    const karpenter = meta.sources.find((s) => s.id === 'karpenter-od-2026-07');
    // us-east-1, us-gov-east-1 and us-gov-west-1: the types of Karpenter's tables the catalog has specs for.
    expect(karpenter).toMatchObject({ asOf: '2026-07-20', rows: 1345 + 545 + 750 });
  });

  it('is worked out once per open catalog', () => {
    expect(catalog.meta()).toBe(catalog.meta());
    expect(catalog.meta()).toEqual(meta);
  });

  it('`catalog meta` lists the sources and every scope with its date', async () => {
    const r = await runCli(['catalog', 'meta'], { catalogPath: inject('catalogPath') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prices as of: 2024-04-04 … 2026-07-20');
    expect(r.stdout).toMatch(/karpenter-od-2026-07\s+2026-07-20\s+2640/);
    expect(r.stdout).toMatch(/\nus-east-1\s+Linux On-Demand\s+karpenter-od-2026-07\s+2026-07-20\s+1345\n/);
    expect(r.stdout).toMatch(/\nus-east-1\s+EBS\s+aws-ebs-2024-07\s+2024-07-18\s+18\n/);
  });
});

describe('newer On-Demand where a newer real source exists', () => {
  it('takes GovCloud Linux On-Demand from Karpenter’s 2026-07-20 table, over the 2026-05-12 figures', async () => {
    const p = await call<PriceOptions>('catalog.priceOptions', {
      instanceType: 'c7i.metal-24xl',
      region: 'us-gov-west-1',
      os: 'linux',
    });
    const od = p.options.find((o) => o.model === 'on-demand')!;
    // karpenter-ondemand-linux-prices.json: "us-gov-west-1" → "c7i.metal-24xl": 5.65488 (ec2instances.info: 5.1408).
    expect(od).toMatchObject({ hourlyUsd: '5.65488', sourceId: 'karpenter-od-2026-07' });
    expect(scope('us-gov-west-1', 'Linux On-Demand')).toEqual([['karpenter-od-2026-07', '2026-07-20', 750]]);
  });

  it('keeps us-east-1 on Karpenter and eu-west-1 on 2026-05-12, both newer than the 2025-06-13 feed', async () => {
    // The 2025-06-13 pricing-page feed: "OnDemand Linux-instancetype-m5.large" → "EU (Ireland)": "0.1070000000".
    const feed = JSON.parse(
      readFileSync(
        join(ROOT, 'pricing-data', 'snapshot', 'aws-price-watcher-ec2-ondemand-linux-2025-06-13.json'),
        'utf8',
      ),
    ) as Record<string, Record<string, string>>;
    expect(feed['OnDemand Linux-instancetype-m5.large']!['EU (Ireland)']).toBe('0.1070000000');
    expect(feed['OnDemand Linux-instancetype-m5.large']!['US East (N. Virginia)']).toBe('0.0960000000');
    const od = async (region: string) =>
      (
        await call<PriceOptions>('catalog.priceOptions', { instanceType: 'm5.large', region, os: 'linux' })
      ).options.find((o) => o.model === 'on-demand')!;
    expect(await od('eu-west-1')).toMatchObject({ hourlyUsd: '0.107', sourceId: 'vantage-2026-05' });
    expect(await od('us-east-1')).toMatchObject({ hourlyUsd: '0.096', sourceId: 'karpenter-od-2026-07' });
    expect(meta.sources.find((s) => s.id === 'aws-price-watcher-od-2025-06')).toMatchObject({
      asOf: '2025-06-13',
    });
  });
});

describe('estimates, comparisons and reports state the dates of the prices they used', () => {
  const doc = (raw: ScenarioInput) => scenarioSchema.parse(raw);

  it('an estimate: us-east-1 On-Demand (2026-07-20) and EBS (2024-07-18)', async () => {
    const e: ScenarioEstimate = await call<ScenarioEstimate>('pricing.estimate', { document: EXAMPLE });
    expect(e.sourceIds).toEqual(['aws-ebs-2024-07', 'karpenter-od-2026-07']);
    expect(e.pricesAsOf).toEqual({ oldest: '2024-07-18', newest: '2026-07-20' });
  });

  it('an estimate without volumes in eu-west-1 used one date; a missing price adds none', async () => {
    const e: ScenarioEstimate = await call<ScenarioEstimate>('pricing.estimate', {
      document: {
        name: 'Ireland',
        lines: [
          {
            id: 'a',
            instanceType: 'm5.large',
            region: 'eu-west-1',
            usage: { pattern: 'constant', count: 2 },
          },
          {
            id: 'b',
            instanceType: 'm5.large',
            region: 'eu-west-1',
            usage: { pattern: 'constant', count: 1 },
            purchase: {
              model: 'savings-plan',
              planType: 'compute',
              termYears: 1,
              paymentOption: 'no-upfront',
            },
          },
        ],
      },
    });
    expect(e.sourceIds).toEqual(['vantage-2026-05']);
    expect(e.pricesAsOf).toEqual({ oldest: '2026-05-12', newest: '2026-05-12' });
  });

  it('a comparison dates each strategy by its own prices', async () => {
    const results: StrategyResult[] = await call<StrategyResult[]>('pricing.compare', {
      document: { ...EXAMPLE, lines: EXAMPLE.lines.map((l) => ({ ...l, volumes: [] })) },
    });
    const by = (id: string) => results.find((s) => s.id === id)!;
    expect(by('on-demand').pricesAsOf).toEqual({ oldest: '2026-07-20', newest: '2026-07-20' });
    // 1-year standard No Upfront RIs come from the 2025-04-04 feed; the rest of the hours On-Demand.
    const ri = by('reserved-standard-1y-no-upfront');
    expect(ri.sourceIds).toContain('ec2shop-ri-2025-04');
    expect(ri.pricesAsOf?.oldest).toBe('2025-04-04');
  });

  it('a report: its header says the range of the prices its figures used', () => {
    const report = buildScenarioReport(doc(EXAMPLE), { catalog, priceBook: services.priceBook });
    expect(report.catalog.pricesAsOf).toEqual({ oldest: '2024-07-18', newest: '2026-07-20' });
    expect(report.catalog.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['aws-ebs-2024-07', 'karpenter-od-2026-07', 'ec2shop-ri-2025-04']),
    );
    // Every source listed was used; none of a price family no figure used (there is no Savings Plan rate).
    expect(report.catalog.sources.map((s) => s.id)).not.toContain('moto-specs-2026-08');
    expect(reportHtml(report)).toContain(
      'prices as of <strong data-prices-as-of>2024-07-18 … 2026-07-20</strong>',
    );
  });
});
