import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';

const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });

describe('CLI', () => {
  it('prints AWS’s on-demand Linux price for m5.large in us-east-1 as JSON decimal strings', async () => {
    const r = await cli('price', 'm5.large', '--region', 'us-east-1', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { options: Record<string, unknown>[] };
    expect(out).toMatchObject({ instanceType: 'm5.large', region: 'us-east-1', os: 'linux' });
    expect(out.options[0]).toMatchObject({
      model: 'on-demand',
      termYears: null,
      upfrontUsd: '0',
      hourlyUsd: '0.096',
      effectiveHourlyUsd: '0.096',
      monthlyUsd: '70.08',
    });
    expect(out.options).toHaveLength(26);
  });

  it('gives the Seoul price for the same type: $0.118/h', async () => {
    const r = await cli('price', 'm5.large', '--region', 'ap-northeast-2', '--format', 'json');
    expect((JSON.parse(r.stdout) as { options: { hourlyUsd: string }[] }).options[0]!.hourlyUsd).toBe(
      '0.118',
    );
  });

  it('reports catalog meta counts', async () => {
    const r = await cli('catalog', 'meta', '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ regions: 36, instanceTypes: 1373, asOf: '2026-07-20' });
  });

  it('lists instances filtered by vCPU, memory, arch and family', async () => {
    const r = await cli(
      'catalog',
      'instances',
      '--region',
      'us-west-2',
      '--min-vcpu',
      '8',
      '--min-memory-gib',
      '32',
      '--arch',
      'arm64',
      '--family',
      'm7g',
      '--format',
      'json',
    );
    const rows = JSON.parse(r.stdout) as {
      instanceType: string;
      vcpu: number;
      memoryGiB: number;
      onDemandHourlyUsd: string;
    }[];
    expect(rows[0]).toMatchObject({ instanceType: 'm7g.2xlarge', vcpu: 8, memoryGiB: 32 });
    expect(rows.every((x) => x.vcpu >= 8 && x.memoryGiB >= 32)).toBe(true);
  });

  it('prints one EBS row per volume type with every dimension', async () => {
    const r = await cli('ebs', 'prices', '--region', 'us-east-1', '--format', 'json');
    const rows = JSON.parse(r.stdout) as { volumeType: string }[];
    expect(rows.map((x) => x.volumeType)).toEqual(['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard']);
    expect(rows[0]).toMatchObject({
      storageUsdPerGBMonth: '0.08',
      throughputUsdPerMiBpsMonth: '0.04',
      snapshotStandardUsdPerGBMonth: '0.05',
    });
  });

  it('prints a human table by default', async () => {
    const r = await cli('price', 'm5.large', '--region', 'us-east-1');
    expect(r.stdout).toMatch(/on-demand\s+\$0\.096\s+\$0\.096\s+\$70\.08/);
  });

  it('exits 2 naming the flag for bad input', async () => {
    const r = await cli('price', 'm5.large', '--region', 'virginia');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('--region: must be a region code');
    const r2 = await cli('catalog', 'instances', '--region', 'us-east-1', '--min-vcpu', 'lots');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--min-vcpu');
  });

  it('exits 2 for an unknown command or a missing argument', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('price', '--region', 'us-east-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected instanceType');
  });
});
