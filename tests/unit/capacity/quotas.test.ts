import { describe, expect, it } from 'vitest';
import {
  checkQuotas,
  quotaFamilyOf,
  quotaKeyOf,
  QUOTA_CLASSES,
  type QuotaLineInput,
} from '@shared/capacity/quotas';

describe('quota class of an instance type', () => {
  it.each([
    ['m5.large', 'standard'],
    ['c5.xlarge', 'standard'],
    ['t3.micro', 'standard'],
    ['r6i.2xlarge', 'standard'],
    ['a1.medium', 'standard'],
    ['d3.xlarge', 'standard'],
    ['h1.2xlarge', 'standard'],
    ['i4i.large', 'standard'],
    ['im4gn.large', 'standard'],
    ['z1d.large', 'standard'],
    ['m7i-flex.large', 'standard'],
    ['f1.2xlarge', 'f'],
    ['g5.xlarge', 'g-vt'],
    ['g4dn.xlarge', 'g-vt'],
    ['gr6.4xlarge', 'g-vt'],
    ['vt1.3xlarge', 'g-vt'],
    ['hpc7g.16xlarge', 'hpc'],
    ['u-6tb1.metal', 'high-memory'],
    ['u7i-12tb.224xlarge', 'high-memory'],
    ['inf2.xlarge', 'inf'],
    ['p5.48xlarge', 'p'],
    ['x2idn.16xlarge', 'x'],
    ['dl1.24xlarge', 'dl'],
    ['trn1.2xlarge', 'trn'],
  ])('%s → %s', (type, family) => {
    expect(quotaFamilyOf(type)).toBe(family);
  });

  it('has no vCPU quota for Mac hosts, nor a spot one for HPC or High Memory', () => {
    expect(quotaFamilyOf('mac2.metal')).toBeNull();
    expect(quotaKeyOf('hpc7g.16xlarge', 'spot')).toBeNull();
    expect(quotaKeyOf('u-6tb1.metal', 'spot')).toBeNull();
    expect(quotaKeyOf('g5.xlarge', 'spot')).toBe('spot-g-vt');
    expect(quotaKeyOf('m5.large', 'on-demand')).toBe('standard');
  });

  it("carries AWS's documented defaults for a new account: 5 vCPUs for Standard, 0 elsewhere", () => {
    const defaults = Object.fromEntries(QUOTA_CLASSES.map((c) => [c.key, c.awsDefaultVcpus]));
    expect(defaults).toEqual({
      standard: 5,
      f: 0,
      'g-vt': 0,
      hpc: 0,
      'high-memory': 0,
      inf: 0,
      p: 0,
      x: 0,
      dl: 0,
      trn: 0,
      'spot-standard': 5,
      'spot-f': 0,
      'spot-g-vt': 0,
      'spot-inf': 0,
      'spot-p': 0,
      'spot-x': 0,
      'spot-dl': 0,
      'spot-trn': 0,
    });
  });
});

const week = (f: (h: number) => number) => Array.from({ length: 168 }, (_, h) => f(h));
const line = (over: Partial<QuotaLineInput>): QuotaLineInput => ({
  lineId: 'l',
  instanceType: 'm5.large',
  region: 'us-east-1',
  market: 'on-demand',
  vcpu: 2,
  counts: week(() => 1),
  periodHours: 168,
  ...over,
});

describe('peak running vCPUs per class', () => {
  it('sums hour by hour, never the lines’ own peaks', () => {
    // Day line: 10 × 2 vCPU from 08 to 18; night line: 6 × 4 vCPU from 20 to 06. Own peaks add to 44;
    // they never run together, so the class peaks at 24 (the night line).
    const day = line({ lineId: 'day', counts: week((h) => (h % 24 >= 8 && h % 24 < 18 ? 10 : 0)) });
    const night = line({
      lineId: 'night',
      instanceType: 'c5.xlarge',
      vcpu: 4,
      counts: week((h) => (h % 24 >= 20 || h % 24 < 6 ? 6 : 0)),
    });
    const q = checkQuotas([day, night], { standard: 24 });
    expect(q.uses).toHaveLength(1);
    expect(q.uses[0]).toMatchObject({
      key: 'standard',
      peakVcpus: 24,
      peakAt: 'Mon 00:00',
      quotaVcpus: 24,
      quotaSource: 'entered',
      status: 'within',
      lineIds: ['day', 'night'],
    });
  });

  it('lines up a weekly profile with a longer series', () => {
    // 336-hour series: 1 instance, then 9 in hour 200 (Tue of the 2nd week, 08:00); weekly line: 3 in
    // hour 32 of each week (Tue 08:00) → together 3 × 2 + 9 × 2 = 24 in hour 200.
    const series = Array.from({ length: 336 }, (_, h) => (h === 200 ? 9 : 1));
    const q = checkQuotas([
      line({ lineId: 's', counts: series, periodHours: 336 }),
      line({ lineId: 'w', counts: week((h) => (h === 32 ? 3 : 0)) }),
    ]);
    expect(q.uses[0]).toMatchObject({ peakVcpus: 24, peakAt: 'hour 201', status: 'exceeds', quotaVcpus: 5 });
    expect(q.uses[0]!.message).toBe(
      "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances in us-east-1: 24 vCPUs at the peak (hour 201) exceed AWS's default for a new account (5 vCPUs; enter your account's quota) by 19",
    );
  });

  it('keeps regions and markets apart, and names what it cannot count', () => {
    const q = checkQuotas(
      [
        line({ lineId: 'a' }),
        line({ lineId: 'b', region: 'eu-west-1' }),
        line({ lineId: 'c', market: 'spot', counts: week(() => 3) }),
        line({ lineId: 'd', instanceType: 'nosuch.large', vcpu: null }),
        line({ lineId: 'e', instanceType: 'mac2.metal', vcpu: 12 }),
      ],
      { 'spot-standard': 4 },
    );
    expect(q.uses.map((u) => [u.region, u.key, u.peakVcpus, u.status])).toEqual([
      ['eu-west-1', 'standard', 2, 'within'],
      ['us-east-1', 'standard', 2, 'within'],
      ['us-east-1', 'spot-standard', 6, 'exceeds'],
    ]);
    expect(q.exceeded).toBe(1);
    expect(q.notCounted.map((n) => n.lineId)).toEqual(['d', 'e']);
  });
});
