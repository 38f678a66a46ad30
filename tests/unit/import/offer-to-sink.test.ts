import { afterEach, describe, expect, it } from 'vitest';
import { ByteReader } from '../../../main/import/byte-reader';
import { readEc2OfferJson } from '../../../main/import/offer-json';
import { OfferMapper } from '../../../main/import/offer-mapper';
import type { Ec2PriceInput } from '../../../main/import/types';
import { fixture } from '../../fixtures/import-test-support';
import { MemorySink } from './memory-sink';

const readers: ByteReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

/** Reads a real offer file through the real reader and mapper into `sink`. */
async function mapOffer(name: string, sink: MemorySink) {
  const reader = await ByteReader.open(fixture(name));
  readers.push(reader);
  const mapper = new OfferMapper(sink);
  const header = await readEc2OfferJson(reader, mapper);
  return { header, mapper };
}

const GET_PRODUCTS = 'AmazonEC2-offer-m5.large-us-east-1-from-get-products.json';
/** The 2021 item names its region only by location, so the catalog must know that name. */
const US_EAST_1 = { 'us-east-1': 'US East (N. Virginia)' };

const m5Large = (row: Partial<Ec2PriceInput>): Ec2PriceInput => ({
  region: 'us-east-1',
  instance_type: 'm5.large',
  os: 'linux',
  tenancy: 'shared',
  model: 'reserved',
  term_years: 0,
  payment_option: '',
  offering_class: '',
  plan_type: '',
  upfront_usd: '0',
  hourly_usd: '0',
  effective_hourly_usd: '0',
  ...row,
});

describe('an AmazonEC2 offer mapped into an in-memory sink', () => {
  it('gives the GetProducts m5.large item as 13 hand-checked us-east-1 Linux price rows', async () => {
    const sink = new MemorySink({ types: ['m5.large'], regions: US_EAST_1 });
    const { header, mapper } = await mapOffer(GET_PRODUCTS, sink);

    const fileHeader = {
      offerCode: 'AmazonEC2',
      version: '20210205204500',
      publicationDate: '2021-02-05T20:45:00Z',
    };
    expect(header).toEqual(fileHeader);
    expect(sink.headers.map((h) => h.header)).toEqual([fileHeader]);
    expect(mapper.counts).toMatchObject({ products: 1, keptSkus: 1, zeroPrices: 0, unknownTerms: 0 });
    expect(sink.ec2Rows).toHaveLength(13);
    expect(sink.ebsRows).toEqual([]);
    // "$0.096 per On Demand Linux m5.large Instance Hour": USD "0.0960000000" without its trailing zeros.
    expect(sink.ec2Rows.filter((r) => r.model === 'on-demand')).toEqual([
      m5Large({ model: 'on-demand', hourly_usd: '0.096', effective_hourly_usd: '0.096' }),
    ]);
    expect(sink.ec2Rows.filter((r) => r.model === 'reserved')).toHaveLength(12);
    // 1 yr standard No Upfront: Hrs 0.0600000000, no fee.
    expect(sink.ec2Rows).toContainEqual(
      m5Large({
        term_years: 1,
        payment_option: 'no-upfront',
        offering_class: 'standard',
        hourly_usd: '0.06',
        effective_hourly_usd: '0.06',
      }),
    );
    // 3 yr standard All Upfront: fee 949, Hrs 0; 949 / 26,280 h = 0.0361111… (20 significant digits).
    expect(sink.ec2Rows).toContainEqual(
      m5Large({
        term_years: 3,
        payment_option: 'all-upfront',
        offering_class: 'standard',
        upfront_usd: '949',
        hourly_usd: '0',
        effective_hourly_usd: '0.036111111111111111111',
      }),
    );
    // 1 yr standard Partial Upfront: fee 252, Hrs 0.029; 252 / 8,760 h = 0.028767123287671232877, + 0.029.
    expect(sink.ec2Rows).toContainEqual(
      m5Large({
        term_years: 1,
        payment_option: 'partial-upfront',
        offering_class: 'standard',
        upfront_usd: '252',
        hourly_usd: '0.029',
        effective_hourly_usd: '0.057767123287671232877',
      }),
    );
  });

  it('adds a type the catalog lacks from the product attributes, with hand-checked specs', async () => {
    const sink = new MemorySink({ regions: US_EAST_1 });
    await mapOffer(GET_PRODUCTS, sink);
    expect(sink.skippedTypes).toEqual([]);
    expect(sink.addedTypes).toEqual([
      {
        instance_type: 'm5.large',
        family: 'm5',
        size: 'large',
        generation: 'current', // currentGeneration "Yes"
        vcpu: 2,
        memory_gib: 8, // "8 GiB"
        arch: 'x86_64', // an Intel processor
        architectures: 'x86_64',
        processor: 'Intel Xeon Platinum 8175 (Skylake)',
        clock_ghz: 3.1, // "3.1 GHz"
        burstable: 0,
        bare_metal: 0,
        network_performance: 'Up to 10 Gigabit',
        network_baseline_gbps: null,
        network_peak_gbps: null,
        gpu_count: 0, // no gpu attribute
        gpu_model: null,
        gpu_memory_gib: null,
        accelerator_info: null,
        instance_store_gb: 0, // "EBS only"
        instance_store_disks: null,
        ebs_baseline_bandwidth_mbps: null,
        ebs_max_bandwidth_mbps: null,
        ebs_baseline_iops: null,
        ebs_max_iops: null,
        ebs_baseline_throughput_mbps: null,
        ebs_max_throughput_mbps: null,
        normalization_factor: 4, // normalizationSizeFactor "4"
      },
    ]);
    expect(sink.ec2Rows).toHaveLength(13);
  });

  it('keeps no price when the file names a region only by a location the catalog does not know', async () => {
    const sink = new MemorySink({ types: ['m5.large'] });
    const { mapper } = await mapOffer(GET_PRODUCTS, sink);
    expect(mapper.counts.skipped).toEqual({ 'no-region': 1 });
    expect(sink.ec2Rows).toEqual([]);
    expect([...sink.regions]).toEqual([]);
  });

  it('gives the opencost us-east-1 excerpt as one p4d.24xlarge on-demand row', async () => {
    const sink = new MemorySink({ types: ['p4d.24xlarge'] });
    const { mapper } = await mapOffer('AmazonEC2-offer-excerpt-us-east-1.json', sink);
    // H7NGEAC6UEHNTKSJ (RunInstances, $32.7726000000/h) is kept; YSXJGN78QTXNVGDQ is a capacity
    // block (operation RunInstances:CB), which is no OS the catalog prices.
    expect(mapper.counts.keptSkus).toBe(1);
    expect(sink.ec2Rows).toEqual([
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
        hourly_usd: '32.7726',
        effective_hourly_usd: '32.7726',
      },
    ]);
    expect(sink.regions.get('us-east-1')).toBe('US East (N. Virginia)');
  });
});
