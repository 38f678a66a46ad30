import { describe, expect, it } from 'vitest';
import { estimateScenario } from '@shared/pricing/estimate';
import { scenarioSchema, type ScenarioLine } from '@shared/scenario/schema';
import { switchTenancy } from '../../../renderer/src/screens/workloads/line-tenancy';
import { newLine, validateScenario } from '../../../renderer/src/screens/workloads/scenario-draft';
import { feeText, hostText } from '../../../renderer/src/screens/workloads/tenancy-words';
import { scenario } from '../pricing/test-book';
import { tenancyBook } from '../pricing/tenancy-book';

/** The Workloads screen's words for hosts and the fee, on the engine's own estimate of real AWS figures. */
describe("the estimate's tenancy sentences", () => {
  it('name the hosts, their packing and rate: 2 × i2 hosts for 10 i2.xlarge, $10,952.92 a month', () => {
    const line = { id: 'hosts', instanceType: 'i2.xlarge', region: 'us-east-2', tenancy: 'host' } as const;
    const e = estimateScenario(
      scenario([{ ...line, usage: { pattern: 'constant', count: 10 } }]),
      tenancyBook(),
    );
    expect(hostText(e.lines[0]!.dedicatedHost!, 'i2.xlarge')).toBe(
      '2 × i2 Dedicated Host (8 i2.xlarge per host), On-Demand, $7.502/h each — $10,952.92/month',
    );
  });

  it('add a reservation’s term, payment and upfront: 3-year partial upfront m4 hosts', () => {
    const purchase = {
      model: 'reserved',
      termYears: 3,
      paymentOption: 'partial-upfront',
      offeringClass: 'standard',
    } as const;
    const line = {
      id: 'm4',
      instanceType: 'm4.xlarge',
      region: 'eu-west-2',
      tenancy: 'host',
      purchase,
    } as const;
    const e = estimateScenario(
      scenario([{ ...line, usage: { pattern: 'constant', count: 12 } }]),
      tenancyBook(),
    );
    // ceil(12 ÷ 11) = 2 hosts × 0.484 × 730 = 706.64; 2 × 12,720 upfront.
    expect(hostText(e.lines[0]!.dedicatedHost!, 'm4.xlarge')).toBe(
      '2 × m4 Dedicated Host (11 m4.xlarge per host), 3-year reservation, partial upfront, $0.484/h each — $706.64/month + $25,440.00 upfront in all',
    );
  });

  it('read n/a, never $0, when the catalog has no host prices', () => {
    const line = { id: 'hosts', instanceType: 'i2.xlarge', region: 'us-east-2', tenancy: 'host' } as const;
    const e = estimateScenario(
      scenario([{ ...line, usage: { pattern: 'constant', count: 10 } }]),
      tenancyBook({ hosts: false }),
    );
    expect(hostText(e.lines[0]!.dedicatedHost!, 'i2.xlarge')).toBe(
      'i2 Dedicated Hosts for a peak of 10 i2.xlarge, On-Demand: n/a (how many a host holds is not in this catalog)',
    );
  });

  it('give the per-Region fee its hours, rate, month and the lines it counts', () => {
    const byol = {
      instanceType: 'r7i.2xlarge',
      region: 'eu-central-1',
      os: 'windows-byol',
      tenancy: 'dedicated',
    } as const;
    const lines = [
      { ...byol, id: 'web', name: 'Web', usage: { pattern: 'constant', count: 2 } },
      { ...byol, id: 'batch', usage: { pattern: 'constant', count: 1 } },
    ] as const;
    const e = estimateScenario(scenario([...lines]), tenancyBook());
    const names = (id: string) => (id === 'web' ? 'Web' : id);
    const fee = e.lines.find((l) => l.dedicatedFee)!.dedicatedFee!;
    expect(feeText(fee, names)).toBe(
      'Dedicated per-Region fee, eu-central-1: 730 h × $2.00/h = $1,460.00/month, for the hours a Dedicated Instance of lines Web, batch runs',
    );
  });
});

describe('changing a line’s tenancy', () => {
  const valid = (line: ScenarioLine) =>
    validateScenario(scenarioSchema.parse({ version: 1, name: 't', lines: [line] })).valid;

  it('moves Windows BYOL to Windows (licence included) on shared hardware, and says so', () => {
    const byol = newLine([], 'eu-central-1', 'r7i.2xlarge', 'windows-byol', 'dedicated');
    expect(valid(byol)).toBe(true);
    const moved = switchTenancy(byol, 'shared');
    expect([moved.line.tenancy, moved.line.os]).toEqual(['shared', 'windows']);
    expect(moved.notes).toEqual([
      'OS changed from Windows, bring your own licence to Windows: Windows, bring your own licence runs only as Dedicated Instance or Dedicated Host.',
    ]);
    expect(valid(moved.line)).toBe(true);
    // Windows BYOL stays on the other dedicated tenancy.
    expect(switchTenancy(byol, 'host')).toEqual({ line: { ...byol, tenancy: 'host' }, notes: [] });
  });

  it('leaves a host line valid: no capacity reservation, hosts On-Demand for spot, no RI count', () => {
    const line: ScenarioLine = {
      ...newLine([], 'us-east-1', 'm5.large', 'linux'),
      capacityReservation: { count: 1, availabilityZone: 'us-east-1a' },
      purchase: { model: 'spot' },
    };
    const moved = switchTenancy(line, 'host');
    expect(moved.line.capacityReservation).toBeUndefined();
    expect(moved.line.purchase).toEqual({ model: 'on-demand' });
    expect(moved.notes).toHaveLength(2);
    expect(valid(moved.line)).toBe(true);

    const reserved: ScenarioLine = {
      ...line,
      capacityReservation: undefined,
      purchase: {
        model: 'reserved',
        termYears: 1,
        paymentOption: 'all-upfront',
        offeringClass: 'standard',
        count: 3,
      },
    };
    delete reserved.capacityReservation;
    expect(switchTenancy(reserved, 'host').line.purchase).toEqual({
      model: 'reserved',
      termYears: 1,
      paymentOption: 'all-upfront',
      offeringClass: 'standard',
    });
  });
});
