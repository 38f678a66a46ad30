/**
 * AWS's Spot Advisor bands, end to end on the real data: the shipped file parsed, the built catalog's
 * rows, the catalog listing and purchase options, and importing a newer (or older) advisor file.
 *
 * Looked up by hand in pricing-data/snapshot/spot-advisor-data.json (2025-06-28):
 *   "ranges": [… {"index": 3, "label": "15-20%", "dots": 3, "max": 22}, {"index": 4, "label": ">20%", …, "max": 100}]
 *   spot_advisor["us-east-1"]["Linux"]["m5.large"]   = {"s": 66, "r": 3}  → 15-20%, saves 66 %
 *   spot_advisor["us-east-1"]["Windows"]["m5.large"] = {"s": 46, "r": 4}  → >20%, saves 46 %
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseInput } from '@shared/contract';
import { createServices, openCatalog } from '../../main/services';
import { estimateScenario } from '@shared/pricing/estimate';
import { scenarioSchema } from '@shared/scenario/schema';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { detectFile } from '../../main/import/detect';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { importSpotAdvisor } from '../../main/import/spot-advisor';
import { parseSpotAdvisor } from '../../main/import/spot-advisor-parse';
import { SNAPSHOT_DIR } from '../../pricing-data/build/read-snapshot';
import { SPOT_ADVISOR_FILE } from '../../pricing-data/build/spot-advisor';
import { query, scalar, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

const shippedText = readFileSync(join(SNAPSHOT_DIR, SPOT_ADVISOR_FILE), 'utf8');

function listingRow(catalogPath: string, os = 'linux', instanceType = 'm5.large') {
  const db = openCatalog(catalogPath);
  try {
    const p = parseInput('catalog.instances', { region: 'us-east-1', os, search: instanceType });
    if (!p.ok) throw new Error(p.error.message);
    return createCatalogService(db)
      .instances(p.value)
      .rows.find((r) => r.instanceType === instanceType);
  } finally {
    db.close();
  }
}

describe('the shipped Spot Advisor file', () => {
  it('parses to every region, OS and type it lists, with the bands looked up by hand', () => {
    const data = parseSpotAdvisor(shippedText);
    expect(data.rows).toHaveLength(25_323);
    expect(data.regions).toHaveLength(33);
    expect(data.instanceTypes).toBe(895);
    expect(data.skippedOs).toEqual({});
    const m5 = data.rows.filter((r) => r.region === 'us-east-1' && r.instance_type === 'm5.large');
    expect(m5).toEqual([
      {
        region: 'us-east-1',
        os: 'linux',
        instance_type: 'm5.large',
        range_index: 3,
        band_label: '15-20%',
        band_max_pct: 22,
        savings_pct: 66,
      },
      {
        region: 'us-east-1',
        os: 'windows',
        instance_type: 'm5.large',
        range_index: 4,
        band_label: '>20%',
        band_max_pct: 100,
        savings_pct: 46,
      },
    ]);
  });

  it('is in the built catalog under its dated source', () => {
    const path = inject('catalogPath');
    expect(scalar(path, 'SELECT COUNT(*) FROM spot_advisor')).toBe(25_323);
    expect(query(path, "SELECT id, as_of FROM sources WHERE id = 'aws-spot-advisor-2025-06-28'")).toEqual([
      { id: 'aws-spot-advisor-2025-06-28', as_of: '2025-06-28' },
    ]);
  });
});

describe('the catalog shows the band', () => {
  it('in the listing: m5.large in us-east-1 is 15-20% (Linux) and >20% (Windows), dated; RHEL has none', () => {
    const linux = listingRow(inject('catalogPath'));
    expect(linux?.spotInterruptionBand).toBe('15-20%');
    expect(linux?.spotAdvisorSavingsPct).toBe(66);
    expect(linux?.spotAdvisorAsOf).toBe('2025-06-28');
    expect(listingRow(inject('catalogPath'), 'windows')?.spotInterruptionBand).toBe('>20%');
    // The advisor publishes Linux and Windows only: RHEL is n/a, not Linux's band.
    const rhel = listingRow(inject('catalogPath'), 'rhel');
    expect(rhel?.spotHourlyUsd).not.toBeNull();
    expect(rhel?.spotInterruptionBand).toBeNull();
  });

  it('sorts by band, least interrupted first', () => {
    const db = openCatalog(inject('catalogPath'));
    try {
      const p = parseInput('catalog.instances', {
        region: 'us-east-1',
        families: ['m5'],
        sortBy: 'spotInterruption',
      });
      if (!p.ok) throw new Error(p.error.message);
      const rows = createCatalogService(db).instances(p.value).rows;
      const order = ['<5%', '5-10%', '10-15%', '15-20%', '>20%'];
      const ranks = rows
        .filter((r) => r.spotInterruptionBand)
        .map((r) => order.indexOf(r.spotInterruptionBand!));
      expect(ranks.length).toBeGreaterThan(5);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks).size).toBeGreaterThan(1);
    } finally {
      db.close();
    }
  });

  it("in the purchase options: the spot option carries the band, the advisor's savings and date", () => {
    const db = openCatalog(inject('catalogPath'));
    try {
      const p = parseInput('catalog.priceOptions', {
        region: 'us-east-1',
        os: 'linux',
        instanceType: 'm5.large',
      });
      if (!p.ok) throw new Error(p.error.message);
      const options = createCatalogService(db).priceOptions(p.value).options;
      const spot = options.find((o) => o.model === 'spot')!;
      expect(spot.hourlyUsd).toBe('0.04366');
      expect(spot.interruptionBand).toBe('15-20%');
      expect(spot.advisorSavingsPct).toBe(66);
      expect(spot.advisorAsOf).toBe('2025-06-28');
      expect(spot.note).toContain(
        'Interruption frequency: 15-20% of instances a month (AWS Spot Advisor, 2025-06-28)',
      );
      expect(spot.note).not.toContain('n/a');
      const od = options.find((o) => o.model === 'on-demand')!;
      expect([od.interruptionBand, od.advisorSavingsPct, od.advisorAsOf]).toEqual([null, null, null]);
    } finally {
      db.close();
    }
  });
});

describe('importing a Spot Advisor file', () => {
  let cat: TempCatalog;
  let newer: string;
  beforeAll(() => {
    cat = tempCatalog(inject('catalogPath'));
    // AWS's file as it might read later: m5.large us-east-1 Linux moved to "<5%", saving 70 %.
    const data = JSON.parse(shippedText) as {
      spot_advisor: Record<string, Record<string, Record<string, { s: number; r: number }>>>;
    };
    data.spot_advisor['us-east-1']!.Linux!['m5.large'] = { s: 70, r: 0 };
    newer = join(cat.dir, 'spot-advisor-data.json');
    writeFileSync(newer, JSON.stringify(data));
  });
  afterAll(() => cat.cleanup());

  it('is detected by its shape', async () => {
    expect(await detectFile(newer)).toEqual({ kind: 'spot-advisor', format: 'json' });
  });

  it('refuses a file older than the catalog’s advisor data, leaving the catalog byte-identical', async () => {
    const before = sha256(cat.path);
    const err = await importSpotAdvisor({ file: newer, catalogPath: cat.path, asOf: '2025-01-01' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('stale');
    expect((err as ImportError).message).toContain('2025-01-01');
    expect((err as ImportError).message).toContain('2025-06-28');
    expect(sha256(cat.path)).toBe(before);
  });

  it('replaces the bands of a newer file through the ordinary import, dated by the file', async () => {
    // Downloaded on 2026-03-02: without a date of its own the file is dated by its modification time.
    const mtime = new Date('2026-03-02T10:00:00Z');
    utimesSync(newer, mtime, mtime);
    const summary = await importPriceFile({ file: newer, catalogPath: cat.path });
    expect(summary.kind).toBe('spot-advisor');
    expect(summary.sourceId).toBe('aws-spot-advisor-2026-03-02');
    expect(summary.rows).toBe(25_323);
    expect(summary.regions).toBe(33);
    expect(summary.publicationDate).toBe('2026-03-02');
    const row = listingRow(cat.path);
    expect(row?.spotInterruptionBand).toBe('<5%');
    expect(row?.spotAdvisorSavingsPct).toBe(70);
    expect(row?.spotAdvisorAsOf).toBe('2026-03-02');
    expect(listingRow(cat.path, 'windows')?.spotInterruptionBand).toBe('>20%');
    // Prices are untouched: the advisor file holds bands, not prices.
    expect(row?.spotHourlyUsd).toBe('0.04366');
  });

  it('refuses a file that is not the advisor’s, naming the field', async () => {
    const bad = join(cat.dir, 'bad-advisor.json');
    const data = JSON.parse(shippedText) as {
      spot_advisor: Record<string, Record<string, Record<string, { s: number; r: number }>>>;
    };
    data.spot_advisor['eu-west-1']!.Linux!['m5.large'] = { s: 50, r: 9 };
    writeFileSync(bad, JSON.stringify(data));
    const before = sha256(cat.path);
    const err = await importSpotAdvisor({ file: bad, catalogPath: cat.path, asOf: '2026-04-01' }).catch(
      (e: unknown) => e,
    );
    expect((err as ImportError).code).toBe('bad-value');
    expect((err as ImportError).field).toBe('spot_advisor.eu-west-1.Linux.m5.large.r');
    expect(sha256(cat.path)).toBe(before);
  });
});

describe('the estimate on the real catalog', () => {
  it('turns the 15-20% band of m5.large (us-east-1, Linux) into an expected re-run cost, hand-worked', () => {
    // 4 instances × 20 % (the band's upper bound) = 0.8 interruptions a month; × 30 min = 0.4 h;
    // × the spot rate $0.04366/h = $0.017464 a month, on top of 4 × 730 h × 0.04366 = $127.4872.
    const services = createServices({ catalogPath: inject('catalogPath') });
    try {
      const s = scenarioSchema.parse({
        name: 'batch on spot',
        lines: [
          {
            id: 'batch',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 4 },
            purchase: { model: 'spot', interruption: { kind: 'rerun', rerunMinutes: 30 } },
            interruptionTolerant: true,
          },
        ],
      });
      const l = estimateScenario(s, services.priceBook.forScenario(s)).lines[0]!;
      expect(l.compute.spotUsd).toBe('127.4872');
      expect(l.spotInterruption).toMatchObject({
        band: '15-20%',
        upperBoundPct: 20,
        advisorSavingsPct: 66,
        asOf: '2025-06-28',
        interruptions: '0.8',
        extraInstanceHours: '0.4',
        rateUsd: '0.04366',
        monthlyUsd: '0.017464',
        label: "expected interruption cost (derived from the Spot Advisor's upper bound 20 %, 2025-06-28)",
      });
      expect(l.computeMonthlyUsd).toBe('127.504664');
    } finally {
      services.close();
    }
  });
});
