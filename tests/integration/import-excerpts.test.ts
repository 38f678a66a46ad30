import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { ByteReader } from '../../main/import/byte-reader';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { effectiveHourly } from '../../main/import/mapping';
import type { OfferMapper } from '../../main/import/offer-mapper';
import { readEc2OfferCsv } from '../../main/import/offer-csv';
import type { Dimension, OfferHeader } from '../../main/import/types';
import { readRegionIndex } from '../../main/import/region-index';
import {
  fixture,
  query,
  scalar,
  sha256,
  tempCatalog,
  type TempCatalog,
} from '../fixtures/import-test-support';

interface PriceRow {
  region: string;
  instance_type: string;
  os: string;
  tenancy: string;
  model: string;
  term_years: number;
  payment_option: string;
  offering_class: string;
  plan_type: string;
  upfront_usd: string;
  hourly_usd: string;
  effective_hourly_usd: string;
}

let cat: TempCatalog;
beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
});
afterEach(() => cat.cleanup());

const imported = (sourceId: string) =>
  query<PriceRow>(
    cat.path,
    `SELECT region, instance_type, os, tenancy, model, term_years, payment_option, offering_class, plan_type,
            upfront_usd, hourly_usd, effective_hourly_usd
     FROM ec2_prices WHERE source_id = ? ORDER BY model, term_years, payment_option, offering_class, os, instance_type`,
    sourceId,
  );

// The real excerpts were published before the shipped catalog's as-of date (2026-07-20): force.
const run = (name: string) => importPriceFile({ file: fixture(name), catalogPath: cat.path, force: true });

describe('importing the real AWS excerpts', () => {
  it('takes one on-demand row from the opencost us-east-1 JSON excerpt and drops the $0 capacity-block SKU', async () => {
    // Two p4d.24xlarge products, both Shared/Linux/Used: H7NGEAC6UEHNTKSJ (operation RunInstances,
    // $32.7726000000/h) and YSXJGN78QTXNVGDQ (operation RunInstances:CB — a capacity block, $0.00).
    const s = await run('AmazonEC2-offer-excerpt-us-east-1.json');
    expect(s).toMatchObject({
      rows: 1,
      instanceTypes: 1,
      regions: 1,
      publicationDate: '2024-05-28T20:35:22Z',
    });
    expect(imported('aws-offer-ec2-20240528203522')).toEqual([
      {
        region: 'us-east-1',
        instance_type: 'p4d.24xlarge',
        os: 'linux',
        tenancy: 'shared',
        model: 'on-demand',
        term_years: 0,
        payment_option: '',
        offering_class: '',
        plan_type: '',
        upfront_usd: '0',
        hourly_usd: '32.7726', // "32.7726000000" without its trailing zeros
        effective_hourly_usd: '32.7726',
      },
    ]);
  });

  it('replaces every us-east-1 Linux on-demand price (the file is authoritative for its scopes: region × model × OS) and keeps other OSes and regions', async () => {
    const count = (where: string) => scalar(cat.path, `SELECT count(*) FROM ec2_prices WHERE ${where}`);
    const seoulBefore = count("region = 'ap-northeast-2' AND model = 'on-demand'");
    const windowsBefore = count("region = 'us-east-1' AND model = 'on-demand' AND os = 'windows'");
    await run('AmazonEC2-offer-excerpt-us-east-1.json');
    expect(count("region = 'us-east-1' AND model = 'on-demand' AND os = 'linux'")).toBe(1);
    // The excerpt holds no Windows price: us-east-1 Windows On-Demand is another scope, left alone.
    expect(count("region = 'us-east-1' AND model = 'on-demand' AND os = 'windows'")).toBe(windowsBefore);
    expect(windowsBefore).toBeGreaterThan(0);
    expect(count("region = 'ap-northeast-2' AND model = 'on-demand'")).toBe(seoulBefore);
    expect(
      scalar(
        cat.path,
        "SELECT od_hourly FROM price_summary WHERE region = 'us-east-1' AND os = 'linux' AND instance_type = 'p4d.24xlarge'",
      ),
    ).toBe('32.7726');
  });

  it('maps all 12 Reserved variants of the GetProducts m5.large item, upfront fees included', async () => {
    // The item has no regionCode (2021): location "US East (N. Virginia)" → us-east-1 via the catalog.
    const s = await run('AmazonEC2-offer-m5.large-us-east-1-from-get-products.json');
    expect(s.rowsByModel).toEqual({ 'on-demand': 1, reserved: 12 });
    const rows = imported('aws-offer-ec2-20210205204500');
    const byKey = new Map(
      rows.map((r) => [`${r.model} ${r.term_years} ${r.payment_option} ${r.offering_class}`, r]),
    );
    expect(byKey.get('on-demand 0  ')!.hourly_usd).toBe('0.096');
    // No Upfront: effective = hourly.
    expect(byKey.get('reserved 1 no-upfront standard')).toMatchObject({
      upfront_usd: '0',
      hourly_usd: '0.06',
      effective_hourly_usd: '0.06',
    });
    expect(byKey.get('reserved 3 no-upfront convertible')!.effective_hourly_usd).toBe('0.049');
    // Partial Upfront 1 yr standard: 252 / 8,760 h = 0.028767123287671232877 (20 significant digits) + 0.029
    expect(byKey.get('reserved 1 partial-upfront standard')).toMatchObject({
      upfront_usd: '252',
      hourly_usd: '0.029',
      effective_hourly_usd: '0.057767123287671232877',
    });
    // All Upfront 3 yr standard: 949 / 26,280 h = 0.0361111… (hourly 0)
    expect(byKey.get('reserved 3 all-upfront standard')).toMatchObject({
      upfront_usd: '949',
      hourly_usd: '0',
      effective_hourly_usd: '0.036111111111111111111',
    });
    // All Upfront 3 yr convertible lists its Hrs dimension before the fee: 1161 / 26,280 = 0.044178082191780821918
    expect(byKey.get('reserved 3 all-upfront convertible')!.effective_hourly_usd).toBe(
      '0.044178082191780821918',
    );
    expect(rows).toHaveLength(13);
  });

  it('imports the 10 shared-tenancy and 8 Dedicated Instance rates of the Savings Plans CSV sample (Taipei, r7g, 3 yr Partial Upfront)', async () => {
    // Of 44 rates, 16 are BoxUsage; of those, RunInstances (linux) 2, :0010 (rhel) 2, :000g (sles) 2,
    // :0g00 (ubuntu) 4 = 10. 13 are DedicatedUsage; of those, linux 2, rhel 2, sles 3, ubuntu 1 = 8 (the
    // other 5 are :1010, RHEL with HA). The rest are UnusedBox/UnusedDed or HostUsage (per host family:
    // not taken from a rate file).
    const s = await run('AWSComputeSavingsPlan-ap-east-2-sample.csv');
    expect(s).toMatchObject({ kind: 'savings-plans', rows: 18, regions: 1 });
    const rows = imported('aws-offer-sp-20250911184447');
    const ratesOf = (tenancy: string) =>
      rows
        .filter((r) => r.tenancy === tenancy)
        .map((r) => `${r.os} ${r.instance_type} ${r.hourly_usd}`)
        .sort();
    expect(ratesOf('dedicated')).toEqual(
      [
        'linux r7g.xlarge 0.1123',
        'linux r7g.16xlarge 1.5628',
        'rhel r7g.medium 0.0425',
        'rhel r7g.16xlarge 2.254',
        'sles r7g.medium 0.0506',
        'sles r7g.large 0.0787',
        'sles r7g.12xlarge 1.4019',
        'ubuntu r7g.16xlarge 1.6358',
      ].sort(),
    );
    expect(ratesOf('shared')).toEqual(
      [
        'linux r7g.12xlarge 1.1721',
        'linux r7g.2xlarge 0.1954',
        'rhel r7g.12xlarge 1.6905',
        'rhel r7g.xlarge 0.1553',
        'sles r7g.16xlarge 1.6168',
        'sles r7g.metal 1.6168',
        'ubuntu r7g.12xlarge 1.2268',
        'ubuntu r7g.16xlarge 1.6358',
        'ubuntu r7g.2xlarge 0.2045',
        'ubuntu r7g.large 0.0511',
      ].sort(),
    );
    expect(rows[0]).toMatchObject({
      region: 'ap-east-2',
      model: 'savings-plan',
      term_years: 3,
      payment_option: 'partial-upfront',
      plan_type: 'ec2-instance',
      upfront_usd: '0',
    });
  });

  it('turns 250 spot observations into one m5.large price: the mean of each AZ’s latest', async () => {
    // Latest per AZ: 1a 0.042300, 1b 0.038900, 1c 0.038100, 1d 0.043100, 1f 0.043700
    // (0.0423 + 0.0389 + 0.0381 + 0.0431 + 0.0437) / 5 = 0.2061 / 5 = 0.04122
    const s = await run('describe-spot-price-history-m5.large-us-east-1.json');
    expect(s).toMatchObject({ kind: 'spot', rows: 1, publicationDate: '2021-02-09T01:40:10.000Z' });
    expect(imported('aws-spot-history-2021-02-09')).toMatchObject([
      { region: 'us-east-1', instance_type: 'm5.large', os: 'linux', model: 'spot', hourly_usd: '0.04122' },
    ]);
  });

  it('refuses the whole CSV offer sample: its last Reserved term is cut off before its Upfront Fee row', async () => {
    // The sample's author cut it at line 50, the hourly row of m6id.2xlarge's 1 yr Partial Upfront
    // standard term; the term's Upfront Fee row is missing, so nothing is imported (import-tenancy
    // imports the sample without that line).
    const before = sha256(cat.path);
    const err = await run('AmazonEC2-offer-sample.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/line 50: reserved term is missing a price row/);
    expect(sha256(cat.path)).toBe(before);
  });

  it('refuses the edited Savings Plans JSON excerpt rather than guess an OS its rates do not name', async () => {
    const err = await run('AWSComputeSavingsPlan-eu-west-1-EDITED-excerpt.json').catch((e: unknown) => e);
    expect((err as ImportError).code).toBe('empty');
  });

  it('reads the CSV sample’s Canada reserved terms with their Upfront Fee rows', async () => {
    // A recording stand-in for the mapper: which terms does the CSV reader assemble?
    const terms: {
      sku: string;
      lease?: string;
      purchase?: string;
      cls?: string;
      dims: Dimension[];
      line?: number;
    }[] = [];
    const recorder = {
      header: (_h: OfferHeader) => undefined,
      product: () => undefined,
      wants: () => true,
      onDemand: () => undefined,
      reserved: (
        sku: string,
        a: { lease?: string; purchase?: string; offeringClass?: string },
        dims: Dimension[],
        where: { line?: number },
      ) =>
        terms.push({
          sku,
          lease: a.lease,
          purchase: a.purchase,
          cls: a.offeringClass,
          dims,
          line: where.line,
        }),
    } as unknown as OfferMapper;
    const reader = await ByteReader.open(fixture('AmazonEC2-offer-sample.csv'));
    // 30 Reserved rows = Tokyo c6i.large 12 terms (4 No Upfront × 1 row + 8 × 2 rows = 20) + Canada
    // m6id.2xlarge 10 rows: 6 complete terms, then the sample ends (line 6 + 44 = 50) with a 1 yr
    // Partial Upfront standard term that has its hourly row but not its Upfront Fee row.
    await expect(readEc2OfferCsv(reader, recorder)).rejects.toThrow(
      'line 50: reserved term is missing a price row',
    );
    await reader.close();
    expect(terms).toHaveLength(12 + 6);
    const canada3yPartial = terms.find(
      (t) => t.sku === '222AMNDXSFRESBBK' && t.lease === '3yr' && t.purchase === 'Partial Upfront',
    )!;
    const fee = canada3yPartial.dims.find((d) => d.description === 'Upfront Fee')!;
    const hrs = canada3yPartial.dims.find((d) => d.unit === 'Hrs')!;
    expect([fee.price, hrs.price]).toEqual(['20231', '0.7698400000']);
    // 20231 / 26,280 h = 0.76982496194824961948; + 0.76984 = 1.53966496194824961948, which
    // decimal.js (20 significant digits) rounds to 1.5396649619482496195.
    expect(effectiveHourly('20231', '0.76984', 3)).toBe('1.5396649619482496195');
  });

  it('lists the 103 regions of the Savings Plans region index (and refuses to import it)', async () => {
    const idx = await readRegionIndex(fixture('AWSComputeSavingsPlan-region-index.json'));
    expect(idx.regions).toHaveLength(103);
    expect(idx.regions[0]).toEqual({
      regionCode: 'us-west-2-den-1',
      url: '/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/us-west-2-den-1/index.json',
    });
    const err = await run('AWSComputeSavingsPlan-region-index.json').catch((e: unknown) => e);
    expect((err as ImportError).message).toMatch(/region index/);
  });
});
