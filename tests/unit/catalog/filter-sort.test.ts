import { describe, expect, it } from 'vitest';
import type { ListingRow } from '@shared/catalog-listing';
import { processorSearchName } from '@shared/catalog-search';
import { filterRows, matchesSearch, sortRows } from '../../../renderer/src/screens/catalog/filter-sort';
import {
  DEFAULT_FILTERS,
  restoreCatalogState,
  toRowFilter,
} from '../../../renderer/src/screens/catalog/catalog-state';

/** A row with every field set; each test changes what it is about. */
function row(over: Partial<ListingRow> & Pick<ListingRow, 'instanceType'>): ListingRow {
  const [family = '', size = ''] = over.instanceType.split('.');
  return {
    family,
    size,
    generation: 'current',
    vcpu: 2,
    memoryGiB: 8,
    arch: 'x86_64',
    architectures: ['x86_64'],
    processor: 'Intel',
    clockGhz: 3.1,
    burstable: false,
    bareMetal: false,
    networkPerformance: 'Up to 10 Gigabit',
    networkBaselineGbps: 0.75,
    networkPeakGbps: 10,
    gpuCount: 0,
    gpuModel: null,
    gpuMemoryGiB: null,
    acceleratorInfo: null,
    instanceStoreGB: 0,
    instanceStoreDisks: null,
    ebsBaselineBandwidthMbps: 650,
    ebsMaxBandwidthMbps: 4750,
    ebsBaselineIops: 3600,
    ebsMaxIops: 18750,
    ebsBaselineThroughputMBps: 81.25,
    ebsMaxThroughputMBps: 593.75,
    normalizationFactor: 4,
    onDemandHourlyUsd: '0.096',
    best1yHourlyUsd: '0.06',
    best3yHourlyUsd: '0.04',
    spotHourlyUsd: '0.03',
    spotInterruptionBand: null,
    spotAdvisorSavingsPct: null,
    spotAdvisorAsOf: null,
    region: 'us-east-1',
    spotBandIndex: null,
    ...over,
  };
}

const m7g = row({ instanceType: 'm7g.large', arch: 'arm64', architectures: ['arm64'], processor: 'AWS' });
const m5 = row({ instanceType: 'm5.large' });
const g5 = row({ instanceType: 'g5.xlarge', processor: 'AMD', gpuCount: 1, gpuModel: 'NVIDIA A10G' });
const inf2 = row({ instanceType: 'inf2.xlarge', processor: 'AMD', acceleratorInfo: 'AWS Inferentia2 x1' });
const mac = row({ instanceType: 'mac2.metal', arch: 'arm64', architectures: ['arm64'], processor: 'Apple' });
const types = (rows: ListingRow[]) => rows.map((r) => `${r.instanceType}@${r.region}`);

describe('search', () => {
  it('names AWS’s own arm64 processors Graviton, and keeps any other name as the catalog has it', () => {
    expect(processorSearchName(m7g)).toBe('AWS Graviton');
    expect(processorSearchName({ processor: 'AWS Graviton2 Processor', arch: 'arm64' })).toBe(
      'AWS Graviton2 Processor',
    );
    expect(processorSearchName(mac)).toBe('Apple');
    expect(processorSearchName(m5)).toBe('Intel');
    expect(processorSearchName({ processor: null, arch: 'arm64' })).toBeNull();
  });

  it('matches the type, family, processor, GPU and accelerator, in any case, ignoring spaces around', () => {
    const all = [m7g, m5, g5, inf2, mac];
    const found = (search: string) => all.filter((r) => matchesSearch(r, search)).map((r) => r.instanceType);
    expect(found('graviton')).toEqual(['m7g.large']);
    expect(found('  GRAVITON ')).toEqual(['m7g.large']);
    expect(found('nvidia')).toEqual(['g5.xlarge']);
    expect(found('a10g')).toEqual(['g5.xlarge']);
    expect(found('inferentia')).toEqual(['inf2.xlarge']);
    expect(found('intel')).toEqual(['m5.large']);
    expect(found('m5.')).toEqual(['m5.large']);
    expect(found('aws')).toEqual(['m7g.large', 'inf2.xlarge']);
    expect(found('')).toHaveLength(all.length);
    // Text is text: no wildcards.
    expect(found('m_.large')).toEqual([]);
    expect(found('%')).toEqual([]);
  });
});

describe('filters', () => {
  it('lets no missing value through a bound, as SQL compares NULL', () => {
    const unknownNetwork = row({ instanceType: 'x1.large', networkBaselineGbps: null });
    const unpriced = row({ instanceType: 'x2.large', onDemandHourlyUsd: null });
    const rows = [m5, unknownNetwork, unpriced];
    expect(types(filterRows(rows, { minNetworkGbps: 0 }))).toEqual([
      'm5.large@us-east-1',
      'x2.large@us-east-1',
    ]);
    expect(types(filterRows(rows, { maxHourlyUsd: '100' }))).toEqual([
      'm5.large@us-east-1',
      'x1.large@us-east-1',
    ]);
    expect(types(filterRows(rows, { minHourlyUsd: '0' }))).toEqual([
      'm5.large@us-east-1',
      'x1.large@us-east-1',
    ]);
    expect(types(filterRows(rows, { pricedOnly: true }))).not.toContain('x2.large@us-east-1');
  });

  it('checks each bound on its own side, inclusive', () => {
    const sizes = [1, 2, 4, 8].map((vcpu) => row({ instanceType: `c.${vcpu}`, vcpu, memoryGiB: vcpu * 2 }));
    expect(filterRows(sizes, { minVcpu: 2, maxVcpu: 4 }).map((r) => r.vcpu)).toEqual([2, 4]);
    expect(filterRows(sizes, { minMemoryGiB: 4, maxMemoryGiB: 8 }).map((r) => r.vcpu)).toEqual([2, 4]);
    expect(filterRows(sizes, { maxVcpu: 0 })).toEqual([]);
  });

  it('takes the current generation unless told otherwise', () => {
    const old = row({ instanceType: 'm1.small', generation: 'previous' });
    expect(types(filterRows([m5, old], {}))).toEqual(['m5.large@us-east-1']);
    expect(types(filterRows([m5, old], { generation: 'previous' }))).toEqual(['m1.small@us-east-1']);
    expect(filterRows([m5, old], { generation: 'all' })).toHaveLength(2);
  });
});

describe('sorts', () => {
  const cheap = row({ instanceType: 'a.large', onDemandHourlyUsd: '0.05' });
  const dear = row({ instanceType: 'b.large', onDemandHourlyUsd: '0.5' });
  const unpriced = row({ instanceType: 'c.large', onDemandHourlyUsd: null });
  // 0.5 is less than 0.05 as text: prices sort by value.
  const tie = row({ instanceType: 'a.large', onDemandHourlyUsd: '0.050', region: 'eu-west-1' });

  it('puts missing values last in either direction, and breaks ties by type then region', () => {
    expect(types(sortRows([unpriced, dear, cheap, tie], 'onDemandHourlyUsd', 'asc'))).toEqual([
      'a.large@eu-west-1',
      'a.large@us-east-1',
      'b.large@us-east-1',
      'c.large@us-east-1',
    ]);
    expect(types(sortRows([unpriced, cheap, tie, dear], 'onDemandHourlyUsd', 'desc'))).toEqual([
      'b.large@us-east-1',
      'a.large@eu-west-1',
      'a.large@us-east-1',
      'c.large@us-east-1',
    ]);
  });

  it('sorts by type as family, then size ascending even when the families run backwards', () => {
    const rows = [
      row({ instanceType: 'm5.xlarge', vcpu: 4, memoryGiB: 16 }),
      row({ instanceType: 'm5.large', vcpu: 2, memoryGiB: 8 }),
      row({ instanceType: 'c5.large', vcpu: 2, memoryGiB: 4 }),
    ];
    expect(sortRows(rows, 'instanceType', 'asc').map((r) => r.instanceType)).toEqual([
      'c5.large',
      'm5.large',
      'm5.xlarge',
    ]);
    expect(sortRows(rows, 'instanceType', 'desc').map((r) => r.instanceType)).toEqual([
      'm5.large',
      'm5.xlarge',
      'c5.large',
    ]);
  });

  it('sorts spot interruption by the band’s rank, not its label', () => {
    const low = row({ instanceType: 'x.low', spotInterruptionBand: '<5%', spotBandIndex: 0 });
    const mid = row({ instanceType: 'x.mid', spotInterruptionBand: '10-15%', spotBandIndex: 2 });
    const high = row({ instanceType: 'x.high', spotInterruptionBand: '>20%', spotBandIndex: 4 });
    const none = row({ instanceType: 'x.none' });
    expect(sortRows([none, high, low, mid], 'spotInterruption', 'asc').map((r) => r.instanceType)).toEqual([
      'x.low',
      'x.mid',
      'x.high',
      'x.none',
    ]);
  });

  it('leaves its input as it was', () => {
    const rows = [dear, cheap];
    sortRows(rows, 'onDemandHourlyUsd', 'asc');
    expect(rows).toEqual([dear, cheap]);
  });
});

describe('the screen’s stored choices', () => {
  it('keeps "all regions" and a region code, and falls back from anything else', () => {
    expect(restoreCatalogState({ region: 'all' }).region).toBe('all');
    expect(restoreCatalogState({ region: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(restoreCatalogState({ region: 'everywhere' }).region).toBe('us-east-1');
  });

  it('turns the controls into filters, leaving out numbers that are not numbers', () => {
    expect(
      toRowFilter({
        ...DEFAULT_FILTERS,
        search: ' graviton ',
        minVcpu: '4',
        maxVcpu: '1.5',
        minMemoryGiB: 'x',
      }),
    ).toEqual({ generation: 'current', pricedOnly: false, search: 'graviton', minVcpu: 4 });
    expect(
      toRowFilter({ ...DEFAULT_FILTERS, family: 'm5', gpu: 'no', burstable: 'yes', arch: 'arm64' }),
    ).toEqual({
      generation: 'current',
      pricedOnly: false,
      families: ['m5'],
      gpu: false,
      burstable: true,
      arch: 'arm64',
    });
  });
});
