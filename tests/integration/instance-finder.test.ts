import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { FinderResult } from '@shared/capacity/finder';
import { Decimal } from '@shared/money';

/**
 * The finder's answers against a brute-force scan of the catalog: every (type, region) row read here
 * with plain SQL, the minima applied and the On-Demand rates compared in JavaScript.
 */
let services: Services;
let db: Database.Database;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
  db = new Database(inject('catalogPath'), { readonly: true });
});
afterAll(() => {
  services.close();
  db.close();
});

async function find(input: object): Promise<FinderResult> {
  const r = await dispatch(services.handlers, 'catalog.find', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as FinderResult;
}

interface Offer {
  type: string;
  region: string;
  vcpu: number;
  memory: number;
  burstable: number;
  generation: string;
  ebsIops: number | null;
  ebsMBps: number | null;
  family: string;
  od: string | null;
}
let offers: Offer[] = [];
beforeAll(() => {
  offers = db
    .prepare<[], Offer>(
      `SELECT it.instance_type AS type, ir.region, it.vcpu, it.memory_gib AS memory, it.burstable,
              it.generation, it.ebs_baseline_iops AS ebsIops, it.ebs_baseline_throughput_mbps AS ebsMBps,
              it.family,
              (SELECT p.hourly_usd FROM ec2_prices p WHERE p.region = ir.region AND p.os = 'linux'
                 AND p.instance_type = it.instance_type AND p.model = 'on-demand') AS od
       FROM instance_regions ir JOIN instance_types it ON it.instance_type = ir.instance_type`,
    )
    .all();
});

/** The cheapest On-Demand offers that meet `keep`, in order (ties by type name, then region). */
function bruteForce(keep: (o: Offer) => boolean): Offer[] {
  return offers
    .filter((o) => keep(o) && o.od !== null)
    .sort(
      (a, b) =>
        new Decimal(a.od!).comparedTo(new Decimal(b.od!)) ||
        a.vcpu - b.vcpu ||
        a.memory - b.memory ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
        (a.region < b.region ? -1 : 1),
    );
}
const big = (o: Offer) => o.vcpu >= 16 && o.memory >= 64;

describe('instance finder', () => {
  it('finds the cheapest type with ≥ 16 vCPU and ≥ 64 GiB in eu-west-1, as a scan of the catalog does', async () => {
    const scan = bruteForce((o) => o.region === 'eu-west-1' && big(o));
    const r = await find({
      region: 'eu-west-1',
      minVcpu: 16,
      minMemoryGiB: 64,
      burstable: true,
      generation: 'all',
      limit: 10,
    });
    expect(r.rows[0]).toMatchObject({ instanceType: scan[0]!.type, hourlyUsd: scan[0]!.od });
    expect(r.rows.map((x) => [x.instanceType, x.hourlyUsd])).toEqual(
      scan.slice(0, 10).map((o) => [o.type, o.od]),
    );
    // By hand: m6g.4xlarge (16 vCPU, 64 GiB, Graviton2) at $0.688/h in Ireland.
    expect(r.rows[0]).toMatchObject({
      instanceType: 'm6g.4xlarge',
      region: 'eu-west-1',
      vcpu: 16,
      memoryGiB: 64,
      hourlyUsd: '0.688',
      monthlyUsd: '502.24', // 0.688 × 730
      perVcpuHourUsd: '0.043', // 0.688 / 16
      perGiBHourUsd: '0.01075', // 0.688 / 64
      onDemandHourlyUsd: '0.688',
    });
    const source = db
      .prepare<[], string>(
        `SELECT s.as_of FROM ec2_prices p JOIN sources s ON s.id = p.source_id WHERE p.region = 'eu-west-1'
         AND p.instance_type = 'm6g.4xlarge' AND p.os = 'linux' AND p.model = 'on-demand'`,
      )
      .pluck()
      .get();
    expect(r.rows[0]!.asOf).toBe(source);
    const types = new Set(offers.filter((o) => o.region === 'eu-west-1' && big(o)).map((o) => o.type));
    expect(r.matchedTypes).toBe(types.size);
    expect(r.unpricedTypes).toBe(types.size - new Set(scan.map((o) => o.type)).size);
  });

  it('across all regions: the cheapest (type, region) of the catalog, each type once', async () => {
    const scan = bruteForce(big);
    const r = await find({
      region: 'all',
      minVcpu: 16,
      minMemoryGiB: 64,
      burstable: true,
      generation: 'all',
      limit: 10,
    });
    expect(r.rows[0]).toMatchObject({
      instanceType: scan[0]!.type,
      region: scan[0]!.region,
      hourlyUsd: scan[0]!.od,
    });
    // Each type once, at its cheapest region; the others at the same rate are named.
    const firstOfType = scan.filter((o, i) => scan.findIndex((x) => x.type === o.type) === i);
    expect(r.rows.map((x) => [x.instanceType, x.region, x.hourlyUsd])).toEqual(
      firstOfType.slice(0, 10).map((o) => [o.type, o.region, o.od]),
    );
    const top = r.rows[0]!;
    expect(top.sameRateIn).toEqual(
      scan
        .filter((o) => o.type === top.instanceType && o.od === top.hourlyUsd && o.region !== top.region)
        .map((o) => o.region),
    );
  });

  it('leaves burstable and previous-generation types out unless asked, as AWS attribute-based selection does', async () => {
    const r = await find({ region: 'us-east-1', minVcpu: 2, minMemoryGiB: 4, limit: 50 });
    const listed = r.rows.map((x) => x.instanceType);
    expect(r.rows.every((x) => !x.burstable && x.generation === 'current')).toBe(true);
    const scan = bruteForce(
      (o) =>
        o.region === 'us-east-1' &&
        o.vcpu >= 2 &&
        o.memory >= 4 &&
        o.burstable === 0 &&
        o.generation === 'current',
    );
    expect(listed).toEqual(scan.slice(0, 50).map((o) => o.type));
    const withT = await find({ region: 'us-east-1', minVcpu: 2, minMemoryGiB: 4, burstable: true, limit: 1 });
    expect(withT.rows[0]!.burstable).toBe(true);
  });

  it('finds the smallest instances whose EBS baseline carries a layout (r6i.2xlarge cannot, r6i.4xlarge can)', async () => {
    // 16,000 IOPS and 500 MiB/s (= 524.288 MB/s) sustained: r6i.2xlarge's baseline is 12,000 IOPS and 312.5 MB/s.
    const need = { minEbsBaselineIops: 16_000, minEbsBaselineThroughputMBps: 524.288 };
    const sameFamily = await find({ region: 'us-east-1', families: ['r6i'], ...need, limit: 3 });
    expect(sameFamily.rows[0]).toMatchObject({ instanceType: 'r6i.4xlarge', ebsBaselineIops: 20_000 });
    const any = await find({ region: 'us-east-1', minVcpu: 8, minMemoryGiB: 64, ...need, limit: 5 });
    const scan = bruteForce(
      (o) =>
        o.region === 'us-east-1' &&
        o.vcpu >= 8 &&
        o.memory >= 64 &&
        o.burstable === 0 &&
        o.generation === 'current' &&
        (o.ebsIops ?? 0) >= 16_000 &&
        (o.ebsMBps ?? 0) >= 524.288,
    );
    expect(any.rows.map((x) => x.instanceType)).toEqual(scan.slice(0, 5).map((o) => o.type));
  });

  it('ranks by the best 3-year rate when asked', async () => {
    const r = await find({
      region: 'eu-west-1',
      minVcpu: 16,
      minMemoryGiB: 64,
      purchase: 'best-3y',
      limit: 5,
    });
    const rates = r.rows.map((x) => new Decimal(x.hourlyUsd));
    expect(rates.every((x, i) => i === 0 || rates[i - 1]!.lte(x))).toBe(true);
    const best3y = db
      .prepare<[string], string>(
        `SELECT effective_hourly_usd FROM ec2_prices WHERE region = 'eu-west-1' AND os = 'linux' AND instance_type = ?
         AND model IN ('reserved', 'savings-plan') AND term_years = 3 ORDER BY CAST(effective_hourly_usd AS REAL) LIMIT 1`,
      )
      .pluck();
    for (const row of r.rows) expect(row.hourlyUsd).toBe(best3y.get(row.instanceType));
    expect(r.rows[0]!.option).toMatch(/3-year/);
  });

  it('refuses a region that is not a code or "all", naming the field', async () => {
    const r = await dispatch(services.handlers, 'catalog.find', { region: 'mars' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        field: 'region',
        message: 'must be a region code such as us-east-1, or all',
      },
    });
    const unknown = await dispatch(services.handlers, 'catalog.find', { region: 'eu-west-9' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', field: 'region' } });
  });
});
