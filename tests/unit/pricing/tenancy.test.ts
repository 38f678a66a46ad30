import { describe, expect, it } from 'vitest';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { riPoolKey } from '@shared/pricing/line-setup';
import { missingPriceNotice } from '@shared/pricing/missing-price-words';
import { scenarioSchema } from '@shared/scenario/schema';
import { scenario } from './test-book';
import { tenancyBook } from './tenancy-book';

/**
 * Dedicated Instances and Dedicated Hosts, on the real figures of tenancy-book.ts, each worked out by
 * hand from AWS's rules (shared/pricing/dedicated-hosts.ts, dedicated-fee.ts).
 */
const constant = (count: number) => ({ pattern: 'constant', count }) as const;
const byol = {
  id: 'byol',
  instanceType: 'r7i.2xlarge',
  region: 'eu-central-1',
  os: 'windows-byol',
  tenancy: 'dedicated',
} as const;
const hostLine = {
  id: 'hosts',
  instanceType: 'i2.xlarge',
  region: 'us-east-2',
  tenancy: 'host',
  usage: constant(10),
} as const;
const m4Hosts = {
  id: 'm4',
  instanceType: 'm4.xlarge',
  region: 'eu-west-2',
  tenancy: 'host',
  usage: constant(12),
} as const;

describe('Dedicated Instances', () => {
  it('pay their dedicated price and the per-Region fee every hour one runs', () => {
    const e = estimateScenario(scenario([{ ...byol, usage: constant(2) }]), tenancyBook());
    const l = e.lines[0]!;
    // Instances: 2 × 0.70224 × 730 = 1,025.2704; fee: 730 h × $2 = 1,460.
    expect(l.compute.onDemandUsd).toBe('1025.2704');
    expect(l.dedicatedFee).toMatchObject({
      billedHours: 730,
      hourlyUsd: '2',
      monthlyUsd: '1460',
      lineIds: ['byol'],
    });
    expect(l.compute.dedicatedUsd).toBe('1460');
    expect(l.monthlyUsd).toBe('2485.2704');
    expect(e.totals.monthlyUsd).toBe('2485.2704');
    expect(e.totals.complete).toBe(true);
  });

  it('charge the fee only in hours a Dedicated Instance runs: weekdays 08–18 are 50 of 168 hours', () => {
    const usage = {
      pattern: 'business-hours' as const,
      count: 2,
      days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const, 'fri' as const],
      startHour: 8,
      endHour: 18,
    };
    const e = estimateScenario(scenario([{ ...byol, usage }]), tenancyBook());
    const fee = e.lines[0]!.dedicatedFee!;
    // 50 × 730 ÷ 168 = 217.261904… h × $2 = $434.52.
    expect(fee.billedHours).toBeCloseTo(217.2619, 4);
    expect(Number(fee.monthlyUsd)).toBeCloseTo(434.5238, 4);
    expect(fee.working).toContain('50 of 168 h');
  });

  it('charge one fee per account and region, on the first line of the group', () => {
    const lines = [
      { ...byol, id: 'a1', usage: constant(1), account: 'a' },
      { ...byol, id: 'a2', usage: constant(1), account: 'a' },
      { ...byol, id: 'b1', usage: constant(1), account: 'b' },
    ];
    const e = estimateScenario(scenario(lines, { accounts: [{ id: 'a' }, { id: 'b' }] }), tenancyBook());
    expect(e.lines.map((l) => l.dedicatedFee?.monthlyUsd ?? null)).toEqual(['1460', null, '1460']);
    expect(e.lines[0]!.dedicatedFee!.lineIds).toEqual(['a1', 'a2']);
    // 3 × 0.70224 × 730 + 2 × 1,460.
    expect(e.totals.monthlyUsd).toBe('4457.9056');
  });

  it('take dedicated Reserved Instances, which are not size-flexible', () => {
    const line = {
      id: 'sql',
      instanceType: 'c6i.large',
      region: 'ap-northeast-1',
      os: 'windows-sql-web',
      tenancy: 'dedicated',
      usage: constant(1),
      purchase: {
        model: 'reserved',
        termYears: 3,
        paymentOption: 'partial-upfront',
        offeringClass: 'standard',
        count: 1,
      },
    } as const;
    const e = estimateScenario(scenario([line]), tenancyBook());
    const l = e.lines[0]!;
    // RI: 0.10463 × 730 = 76.3799 a month, 2,750 upfront; fee 1,460.
    expect(l.commitment).toMatchObject({ count: 1, upfrontUsd: '2750', recurringMonthlyUsd: '76.3799' });
    expect(l.monthlyUsd).toBe('1536.3799');
    expect(l.upfrontUsd).toBe('2750');
    // Amortized: 76.3799 + 2,750 ÷ 36 + 1,460 = 1,612.768788…
    expect(Number(l.amortizedMonthlyUsd)).toBeCloseTo(1612.768789, 5);
    const parsed = scenarioSchema.parse({
      name: 't',
      lines: [{ ...line, os: 'linux', instanceType: 'm5.large' }],
    });
    expect(riPoolKey(parsed.lines[0]!, null)).toMatchObject({
      flexible: false,
      key: 'exact|ap-northeast-1|linux|m5.large|dedicated',
    });
  });

  it('say the fee is n/a until AWS price files are imported', () => {
    const e = estimateScenario(scenario([{ ...byol, usage: constant(1) }]), tenancyBook({ fees: false }));
    expect(e.totals.complete).toBe(false);
    expect(e.lines[0]!.dedicatedFee!.monthlyUsd).toBeNull();
    const notice = missingPriceNotice(
      e.missingPrices.find((m) => m.family === 'dedicated-fee')!,
      (id) => id,
    );
    expect(notice.text).toContain('The Dedicated per-Region fee is not in this catalog');
    expect(notice.text).toContain('import');
  });
});

describe('Dedicated Hosts', () => {
  it('hold the hosts the peak needs, On-Demand per host-hour, whatever runs on them', () => {
    const e = estimateScenario(scenario([hostLine]), tenancyBook());
    const l = e.lines[0]!;
    // ceil(10 ÷ 8 xlarge per i2 host) = 2 hosts × 7.502 × 730 = 10,952.92; Linux on a host adds 0.
    expect(l.dedicatedHost).toMatchObject({
      family: 'i2',
      instancesPerHost: 8,
      hosts: 2,
      monthlyUsd: '10952.92',
    });
    expect(l.dedicatedHost!.working).toContain('ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts');
    expect(l.monthlyUsd).toBe('10952.92');
    expect(l.dedicatedFee).toBeUndefined();
    expect(e.sourceIds).toContain('aws-offer-2017');
  });

  it('take a Dedicated Host Reservation when the line buys reserved', () => {
    const purchase = {
      model: 'reserved',
      termYears: 3,
      paymentOption: 'partial-upfront',
      offeringClass: 'standard',
    } as const;
    const e = estimateScenario(scenario([{ ...m4Hosts, purchase }]), tenancyBook());
    const l = e.lines[0]!;
    // ceil(12 ÷ 11) = 2 hosts: 2 × 0.484 × 730 = 706.64 a month, 2 × 12,720 = 25,440 upfront.
    expect(l.dedicatedHost).toMatchObject({ hosts: 2, monthlyUsd: '706.64', upfrontUsd: '25440' });
    expect(l.upfrontUsd).toBe('25440');
    expect(l.commitment).toBeNull();
    // 3-year total: 25,440 once + 36 × 706.64 = 50,879.04.
    expect(e.totals.threeYearUsd).toBe('50879.04');
  });

  it('are n/a, with the way to get them, when the catalog has no host prices', () => {
    const e = estimateScenario(scenario([hostLine]), tenancyBook({ hosts: false }));
    expect(e.lines[0]!.dedicatedHost!.monthlyUsd).toBeNull();
    expect(e.totals.complete).toBe(false);
    expect(e.missingPrices.map((m) => m.family)).toContain('dedicated-host');
  });

  it("follow Compare's strategy: all On-Demand, or a host reservation of the strategy's term", () => {
    const rows = compareStrategies(scenario([m4Hosts]), tenancyBook());
    const allUpfront3y = rows.find((r) => r.id === 'reserved-standard-3y-all-upfront');
    // 2 hosts × 23,913 = 47,826 upfront, nothing monthly.
    expect(allUpfront3y).toMatchObject({ upfrontUsd: '47826', monthlyUsd: '0', threeYearUsd: '47826' });
    // On-Demand m4 host prices are not in this book: that row is n/a, not 0.
    expect(rows.find((r) => r.id === 'on-demand')!.complete).toBe(false);
  });

  it('refuse what AWS does not sell: Windows BYOL on shared hardware, a capacity reservation on hosts', () => {
    const byolShared = scenarioSchema.safeParse({
      name: 't',
      lines: [{ ...byol, tenancy: 'shared', usage: constant(1) }],
    });
    expect(byolShared.success).toBe(false);
    expect(byolShared.error!.issues[0]!.message).toContain(
      'runs only as Dedicated Instance or Dedicated Host',
    );
    const reserved = scenarioSchema.safeParse({
      name: 't',
      lines: [{ ...hostLine, capacityReservation: { count: 1, availabilityZone: 'us-east-2a' } }],
    });
    expect(reserved.success).toBe(false);
    expect(reserved.error!.issues[0]!.message).toContain('not available on Dedicated Hosts');
  });
});

describe('the arithmetic behind dedicated charges', () => {
  it("adds the hosts and the fee to the line's explained compute, matching its figures", () => {
    const purchase = {
      model: 'reserved',
      termYears: 3,
      paymentOption: 'partial-upfront',
      offeringClass: 'standard',
    } as const;
    const e = estimateScenario(
      scenario([
        { ...byol, usage: constant(2) },
        { ...m4Hosts, purchase },
      ]),
      tenancyBook(),
      { explain: true },
    );
    const [byolLine, hostLine] = e.explanation!.lines;
    expect(byolLine!.monthly.valueUsd).toBe(e.lines[0]!.monthlyUsd);
    expect(byolLine!.compute.children.map((c) => c.label)).toContain('Dedicated per-Region fee');
    expect(hostLine!.monthly.valueUsd).toBe(e.lines[1]!.monthlyUsd);
    expect(hostLine!.upfront.valueUsd).toBe('25440');
    expect(hostLine!.amortizedMonthly.valueUsd).toBe(e.lines[1]!.amortizedMonthlyUsd);
    expect(e.explanation!.totals.threeYear.valueUsd).toBe(e.totals.threeYearUsd);
  });
});

describe('missing dedicated prices', () => {
  it('name the tenancy in the scopes that lack them', () => {
    const line = {
      id: 'sql',
      instanceType: 'c6i.large',
      region: 'ap-northeast-1',
      os: 'windows-sql-web',
      tenancy: 'dedicated',
      usage: constant(1),
      purchase: { model: 'savings-plan', planType: 'compute', termYears: 1, paymentOption: 'no-upfront' },
    } as const;
    const e = estimateScenario(scenario([line]), tenancyBook());
    const sp = e.missingPrices.find((m) => m.family === 'savings-plan')!;
    expect(missingPriceNotice(sp, (id) => id).scopes).toBe(
      'ap-northeast-1 Windows + SQL Web on Dedicated Instance',
    );
  });
});
