import { describe, expect, inject, it } from 'vitest';
import { explainInstanceName, type InstanceNameExplained } from '@shared/instance-name';
import { query } from '../fixtures/import-test-support';

/** The parts in reading order, as "text=meaning". */
const parts = (e: InstanceNameExplained) =>
  [e.series, e.generation, e.processor, ...e.capabilities, e.variant, e.size]
    .filter((p) => p !== null)
    .map((p) => `${p.text}=${p.meaning}`);

describe('an instance type’s name, explained after AWS’s naming conventions', () => {
  it('reads series, generation, processor, capabilities and size (m7gd.2xlarge)', () => {
    expect(parts(explainInstanceName('m7gd.2xlarge'))).toEqual([
      'm=General purpose',
      '7=Generation 7',
      'g=AWS Graviton',
      'd=Local NVMe instance store',
      '2xlarge=2 × xlarge',
    ]);
  });

  it('tells the processor letter from a capability letter that follows the generation', () => {
    // "5zn": z and n are capabilities (Intel is the unlettered default of m5zn); "6in": i is Intel.
    expect(parts(explainInstanceName('m5zn.large')).slice(2, 4)).toEqual([
      'z=High performance (high frequency)',
      'n=Network and EBS optimized',
    ]);
    expect(explainInstanceName('c6in.large').processor).toEqual({ text: 'i', meaning: 'Intel' });
    expect(explainInstanceName('c6a.large').processor).toEqual({ text: 'a', meaning: 'AMD' });
    expect(explainInstanceName('m5zn.large').processor).toBeNull();
  });

  it('reads multi-letter series before single letters, and the dashed variants', () => {
    expect(explainInstanceName('inf2.xlarge').series?.text).toBe('inf');
    expect(explainInstanceName('is4gen.xlarge').series?.text).toBe('is');
    expect(explainInstanceName('hpc7g.8xlarge').series?.text).toBe('hpc');
    expect(parts(explainInstanceName('c7i-flex.large'))).toContain(
      'flex=Flex instance (baseline performance, lower price)',
    );
    expect(explainInstanceName('u7in-16tb.224xlarge').variant?.meaning).toBe('16 TiB of memory');
    expect(explainInstanceName('u-3tb1.56xlarge').generation?.text).toBe('1');
    expect(explainInstanceName('mac2-m2pro.metal').variant?.meaning).toBe('Apple M2 Pro chip');
    expect(explainInstanceName('mac-m4.metal').generation).toBeNull();
    expect(explainInstanceName('p6-b200.48xlarge').variant?.meaning).toBe('NVIDIA B200 GPUs');
    expect(explainInstanceName('r7iz.metal-16xl').size?.meaning).toBe(
      'Bare metal with the resources of a 16xlarge',
    );
  });

  it('never guesses: an unknown name has no series, an unlisted letter says so', () => {
    expect(explainInstanceName('qq.large').series).toBeNull();
    expect(explainInstanceName('g6f.xlarge').capabilities).toEqual([
      { text: 'f', meaning: 'Not in AWS’s naming list: see the family’s page' },
    ]);
  });

  it('reads a series, a size and a generation or variant for every type in the catalog', () => {
    const types = query<{ instance_type: string }>(
      inject('catalogPath'),
      'SELECT instance_type FROM instance_types',
    ).map((r) => r.instance_type);
    expect(types.length).toBeGreaterThan(1000);
    const unread = types.filter((t) => {
      const e = explainInstanceName(t);
      return e.series === null || e.size === null || (e.generation === null && e.variant === null);
    });
    expect(unread).toEqual([]);
  });
});
