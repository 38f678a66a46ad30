import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { PriceOptions } from '@shared/catalog-types';
import type { EbsSizingResult } from '@shared/ebs/transport';
import { walkExplanation, type Explanation } from '@shared/explanation';
import { Decimal } from '@shared/money';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';
import type { ScenarioInput } from '@shared/scenario/schema';

// "Show calculations": every figure explained as its arithmetic with the catalog rows behind it,
// worked by hand on the real catalog.
const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;

let services: Services;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
});
afterAll(() => services.close());

async function call<T>(name: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.field ?? ''} ${r.error.message}`);
  return r.value as T;
}

/** A source's as-of date, read from the catalog itself. */
function sourceDate(id: string): string {
  const db = new Database(inject('catalogPath'), { readonly: true });
  try {
    return (db.prepare('SELECT as_of FROM sources WHERE id = ?').get(id) as { as_of: string }).as_of;
  } finally {
    db.close();
  }
}

const child = (e: Explanation, label: string) => {
  const found = e.children.find((c) => c.label.startsWith(label));
  if (!found)
    throw new Error(`no "${label}" under "${e.label}": ${e.children.map((c) => c.label).join(', ')}`);
  return found;
};

/** Every node that adds up its children adds up to its own value. */
function expectSumsAddUp(root: Explanation) {
  for (const node of walkExplanation(root)) {
    if (!/^[\d,.]+( \+ [\d,.]+)+ = [\d,.]+ USD$/.test(node.formula) || node.valueUsd === null) continue;
    if (node.children.length === 0) continue; // a strategy's tree is cut a few levels down
    const priced = node.children.filter((c) => c.valueUsd !== null && !c.label.includes('and the hours'));
    if (priced.length !== node.children.length) continue;
    const sum = priced.reduce((s, c) => s.plus(c.valueUsd!), new Decimal(0));
    expect(sum.toString(), node.label).toBe(new Decimal(node.valueUsd).toString());
  }
}

describe('explain: the arithmetic behind the estimate', () => {
  it('adds nothing unless asked', async () => {
    const e = await call<ScenarioEstimate>('pricing.estimate', { document: example() });
    expect(e.explanation).toBeUndefined();
  });

  it("explains the web line's $312.32: 4 × $0.096 × 730 = $280.32 compute + 4 × 100 GiB × $0.08 = $32 storage", async () => {
    const e = await call<ScenarioEstimate>('pricing.estimate', { document: example(), explain: true });
    const web = e.explanation!.lines[0]!;
    expect(e.lines[0]!.monthlyUsd).toBe('312.32');
    expect(web.monthly).toMatchObject({ valueUsd: '312.32', formula: '280.32 + 32 + 0 = 312.32 USD' });

    const onDemand = child(web.compute, 'On-Demand');
    expect(onDemand).toMatchObject({ formula: '4 × 0.096 USD/h × 730 h', valueUsd: '280.32' });
    expect(onDemand.rows).toEqual([
      {
        what: 'm5.large us-east-1 Linux On-Demand',
        rate: '0.096',
        unit: 'USD/h',
        sourceId: 'karpenter-od-2026-07',
        asOf: sourceDate('karpenter-od-2026-07'), // 2026-07-20
      },
    ]);
    const capacity = child(child(web.storage, 'Volume 1'), 'Capacity');
    expect(capacity).toMatchObject({ formula: '4 × 100 GiB × 0.08 USD/GiB-month', valueUsd: '32' });
    expect(capacity.rows[0]).toMatchObject({
      rate: '0.08',
      unit: 'USD per GiB-month',
      sourceId: 'aws-ebs-2024-07',
      asOf: sourceDate('aws-ebs-2024-07'), // 2024-07-18
    });
    // The batch line: 2 instances × 10 h × 5 days = 100 instance-hours a week, × 730 / 168.
    expect(child(e.explanation!.lines[1]!.compute, 'On-Demand').formula).toBe(
      '0.17 USD/h × 100 instance-hours × 730 h ÷ 168 h',
    );
    // The totals: 312.32 + 81.869047… = 394.19 a month; 1 year = 0 + 12 × that.
    expect(e.explanation!.totals.monthly.valueUsd).toBe(e.totals.monthlyUsd);
    expect(e.explanation!.totals.oneYear.valueUsd).toBe(e.totals.oneYearUsd);
    expect(e.explanation!.totals.threeYear.valueUsd).toBe(e.totals.threeYearUsd);
    expectSumsAddUp(e.explanation!.totals.threeYear);
  });

  it('says which hours 4 RIs covered, and why the batch line ran On-Demand', async () => {
    const doc = example();
    doc.lines[0]!.purchase = {
      model: 'reserved',
      termYears: 1,
      paymentOption: 'no-upfront',
      offeringClass: 'standard',
      count: 4,
    };
    const e = await call<ScenarioEstimate>('pricing.estimate', { document: doc, explain: true });
    const [pool] = e.explanation!.allocation;
    expect(pool!.note).toContain(
      '4 RIs of m5.large (normalization 4 each → 16 units), bought on line Web tier, covered 2,920 of 2,920 instance-hours of line Web tier',
    );
    expect(pool!.note).toContain(
      "the Business-hours batch line's c5.xlarge is another family, so these RIs do not cover it (it ran On-Demand)",
    );
    // The RI fees: 4 × $0.06/h × 730 h = $175.20 (standard 1-year no upfront, ec2shop 2025-04-04).
    const web = e.explanation!.lines[0]!;
    const fees = child(web.compute, 'Standard RIs, 1-year, no upfront');
    expect(fees).toMatchObject({ formula: '4 × 0.06 USD/h × 730 h', valueUsd: '175.2' });
    expect(fees.rows[0]).toMatchObject({
      sourceId: 'ec2shop-ri-2025-04',
      asOf: sourceDate('ec2shop-ri-2025-04'),
    });
    expect(child(web.compute, 'On-Demand').formula).toBe('0 instance-hours left to On-Demand');
    // The batch line's On-Demand part carries the pool's explanation.
    expect(child(e.explanation!.lines[1]!.compute, 'On-Demand').children).toContainEqual(pool);
  });

  it('covers part of the usage with 3 RIs: 2,190 hours reserved, 1 × $0.096 × 730 = $70.08 On-Demand', async () => {
    const doc = example();
    doc.lines[0]!.purchase = {
      model: 'reserved',
      termYears: 1,
      paymentOption: 'no-upfront',
      offeringClass: 'standard',
      count: 3,
    };
    const e = await call<ScenarioEstimate>('pricing.estimate', { document: doc, explain: true });
    expect(e.explanation!.allocation[0]!.note).toContain(
      'covered 2,190 of 2,920 instance-hours of line Web tier',
    );
    const web = e.explanation!.lines[0]!;
    expect(child(web.compute, 'On-Demand')).toMatchObject({
      formula: '1 × 0.096 USD/h × 730 h',
      valueUsd: '70.08',
    });
    // 70.08 + 3 × 0.06 × 730 (131.4) = 201.48
    expect(web.compute).toMatchObject({ valueUsd: '201.48', formula: '70.08 + 131.4 = 201.48 USD' });
    expect(web.compute.valueUsd).toBe(e.lines[0]!.computeMonthlyUsd);
  });

  it("explains a Compare strategy's 3-year total: 3 × $1,976 upfront + 36 × the monthly", async () => {
    const rows = await call<StrategyResult[]>('pricing.compare', { document: example(), explain: true });
    const ri = rows.find((s) => s.id === 'reserved-standard-1y-all-upfront')!;
    // Web tier buys 4 RIs for its steady usage at $494 each, renewed twice in 3 years; the batch line
    // (steady usage 0) buys none. Monthly: 4 × 100 GiB × 0.08 = 32 + the batch line's 81.869047….
    const three = ri.explanation!.threeYear;
    expect(three.valueUsd).toBe(ri.threeYearUsd);
    expect(three.formula).toBe('3 × 1,976 USD upfront + 36 × 113.869048 USD = 10,027.285714 USD');
    expect(child(three, 'Upfront over 3 years — Web tier')).toMatchObject({ valueUsd: '5928' });
    expect(ri.explanation!.monthly.valueUsd).toBe(ri.monthlyUsd);
    expectSumsAddUp(three);
    // Strategies that cannot be priced say so rather than invent a figure.
    const sp = rows.find((s) => s.id === 'savings-plan-compute-1y-no-upfront')!;
    const spWeb = sp.explanation!.monthly.children[0]!;
    expect(spWeb.label).toBe('Web tier (only what could be priced)');
  });

  it("explains a price option's effective hourly: upfront ÷ term hours + hourly", async () => {
    const p = await call<PriceOptions>('catalog.priceOptions', {
      instanceType: 'm5.large',
      region: 'us-east-1',
      explain: true,
    });
    const o = p.options.find(
      (x) =>
        x.model === 'reserved' &&
        x.offeringClass === 'standard' &&
        x.termYears === 1 &&
        x.paymentOption === 'all-upfront',
    )!;
    // 494 ÷ 8,760 = 0.056392694… → 0.05639269 to 8 decimals; × 730 = 41.17; saving (0.096 − 0.05639269) ÷ 0.096.
    expect(o.explanation!.effectiveHourly).toMatchObject({
      formula: '494 USD ÷ 8,760 h + 0 USD/h = 0.05639269 USD/h',
      valueUsd: o.effectiveHourlyUsd,
    });
    expect(o.explanation!.effectiveHourly.rows[0]).toMatchObject({
      rate: '494',
      unit: 'USD once',
      sourceId: o.sourceId,
      asOf: sourceDate(o.sourceId!),
    });
    expect(o.explanation!.monthly.valueUsd).toBe('41.17');
    expect(o.explanation!.saving.formula).toBe('(0.096 − 0.05639269) ÷ 0.096 = 41.3 %');
    expect(o.savingsPct).toBe('41.3');
    const unpriced = p.options.find((x) => x.model === 'savings-plan')!;
    expect(unpriced.explanation!.effectiveHourly.valueUsd).toBeNull();
    expect(unpriced.explanation!.effectiveHourly.formula).toMatch(/^n\/a/);
  });

  it("explains an EBS layout's monthly: 2,048 GiB × $0.08 + 17,000 IOPS × $0.005 + 375 MiB/s × $0.04", async () => {
    const r = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 2048,
      iops: 20000,
      throughputMiBps: 500,
      volumeTypes: ['gp3'],
      explain: true,
    });
    const one = r.options.find((o) => o.volumes === 1)!;
    expect(one.explanation).toMatchObject({ valueUsd: '263.84', formula: '163.84 + 85 + 15 = 263.84 USD' });
    expect(one.explanation!.children.map((c) => [c.label, c.formula, c.valueUsd])).toEqual([
      ['Capacity', '1 × 2,048 GiB × 0.08 USD/GiB-month', '163.84'],
      ['IOPS above the free 3,000', '1 × 17,000 IOPS × 0.005 USD/IOPS-month', '85'],
      ['Throughput above the free 125 MiB/s', '1 × 375 MiB/s × 0.04 USD/MiB/s-month', '15'],
    ]);
    expect(one.explanation!.children[1]!.rows[0]).toMatchObject({
      sourceId: 'aws-ebs-2024-07',
      asOf: sourceDate('aws-ebs-2024-07'),
    });
    const plain = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 100,
      iops: 0,
      throughputMiBps: 0,
    });
    expect(plain.options.every((o) => o.explanation === undefined)).toBe(true);
  });

  it('adds the explanation to the CLI JSON with --explain on estimate, compare, price and ebs size', async () => {
    const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
    const estimate = JSON.parse(
      (await cli('estimate', EXAMPLE, '--format', 'json', '--explain')).stdout,
    ) as ScenarioEstimate;
    expect(estimate.explanation!.lines[0]!.monthly.valueUsd).toBe('312.32');
    const without = JSON.parse(
      (await cli('estimate', EXAMPLE, '--format', 'json')).stdout,
    ) as ScenarioEstimate;
    expect(without.explanation).toBeUndefined();
    const compare = JSON.parse(
      (await cli('compare', EXAMPLE, '--format', 'json', '--explain')).stdout,
    ) as StrategyResult[];
    expect(compare[0]!.explanation!.threeYear.valueUsd).toBe(compare[0]!.threeYearUsd);
    const price = JSON.parse(
      (await cli('price', 'm5.large', '--region', 'us-east-1', '--format', 'json', '--explain')).stdout,
    ) as PriceOptions;
    expect(price.options[0]!.explanation!.monthly.formula).toBe(
      '0.096 USD/h × 730 h = 70.08 USD, to the cent 70.08 USD',
    );
    const ebs = JSON.parse(
      (
        await cli(
          'ebs',
          'size',
          '--region',
          'us-east-1',
          '--capacity-gib',
          '500',
          '--iops',
          '3000',
          '--throughput-mibps',
          '125',
          '--format',
          'json',
          '--explain',
        )
      ).stdout,
    ) as EbsSizingResult;
    expect(ebs.options[0]!.explanation!.valueUsd).toBe(ebs.options[0]!.monthlyUsd);
    const table = await cli('estimate', EXAMPLE, '--explain');
    expect(table.stdout).toContain('- On-Demand: $280.32 — 4 × 0.096 USD/h × 730 h');
  });
});
