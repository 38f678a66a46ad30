import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money';
import { explainSupportFee, supportFee, tierArithmetic } from '@shared/pricing/support-plan';
import { supportEstimate } from '@shared/pricing/support-estimate';
import {
  SUPPORT_PLAN_RULES,
  SUPPORT_RULES_AS_OF,
  SUPPORT_RULES_SOURCE,
} from '@shared/pricing/support-plan-rules';

// Hand-worked from AWS's published rules (aws.amazon.com/premiumsupport/pricing/).
describe('AWS Support plan fees', () => {
  it('Developer: the 29 USD minimum at 500 USD, 3% at 2,000 USD (AWS’s own example: 60 USD)', () => {
    const low = supportFee('developer', 500);
    expect(low.tieredUsd).toBe('15');
    expect(low.feeUsd).toBe('29');
    expect(low.rule).toBe('minimum');
    const high = supportFee('developer', 2000);
    expect(high.feeUsd).toBe('60');
    expect(high.rule).toBe('percentage');
  });

  it('Business at 100,000 USD: 1,000 + 4,900 + 1,000 = 6,900 USD', () => {
    const fee = supportFee('business', 100000);
    expect(fee.tiers.map((t) => [t.sliceUsd, t.feeUsd])).toEqual([
      ['10000', '1000'],
      ['70000', '4900'],
      ['20000', '1000'],
    ]);
    expect(fee.feeUsd).toBe('6900');
    expect(tierArithmetic(fee)).toBe(
      '10% × 10,000 + 7% × 70,000 + 5% × 20,000 = 1,000 + 4,900 + 1,000 = 6,900 USD',
    );
  });

  it('Business at 300,000 USD reaches the 3% band: 1,000 + 4,900 + 8,500 + 1,500 = 15,900 USD', () => {
    const fee = supportFee('business', 300000);
    expect(fee.tiers.map((t) => t.feeUsd)).toEqual(['1000', '4900', '8500', '1500']);
    expect(fee.feeUsd).toBe('15900');
    // AWS's own example: 85,000 USD → 6,150 USD.
    expect(supportFee('business', 85000).feeUsd).toBe('6150');
    expect(supportFee('business', 400).feeUsd).toBe('100');
  });

  it('Enterprise On-Ramp: 5,500 USD minimum at 40,000 USD, 10% at 80,000 USD', () => {
    expect(supportFee('enterprise-on-ramp', 40000)).toMatchObject({ feeUsd: '5500', rule: 'minimum' });
    expect(supportFee('enterprise-on-ramp', 80000)).toMatchObject({ feeUsd: '8000', rule: 'percentage' });
  });

  it('Enterprise at 2,000,000 USD: 15,000 + 24,500 + 25,000 + 30,000 = 94,500 USD; AWS’s 1.2M example 70,500', () => {
    const fee = supportFee('enterprise', 2000000);
    expect(fee.tiers.map((t) => t.feeUsd)).toEqual(['15000', '24500', '25000', '30000']);
    expect(fee.feeUsd).toBe('94500');
    expect(supportFee('enterprise', 1200000).feeUsd).toBe('70500');
    expect(supportFee('enterprise', 100000)).toMatchObject({ feeUsd: '15000', rule: 'minimum' });
  });

  it('keeps cents exact (Developer on 394.19 USD: 3% = 11.8257, the minimum applies)', () => {
    const fee = supportFee('developer', '394.19');
    expect(fee.tieredUsd).toBe('11.8257');
    expect(fee.feeUsd).toBe('29');
  });

  it('explains the fee with its tiers, the source and its date', () => {
    const x = explainSupportFee(supportFee('business', 100000));
    expect(x.valueUsd).toBe('6900');
    expect(x.formula).toContain('1,000 + 4,900 + 1,000 = 6,900 USD');
    expect(x.note).toContain(SUPPORT_RULES_SOURCE);
    expect(x.note).toContain('EC2 and EBS');
    expect(x.rows).toHaveLength(1 + SUPPORT_PLAN_RULES.business.tiers.length);
    expect(x.rows.every((r) => r.asOf === SUPPORT_RULES_AS_OF)).toBe(true);
  });
});

describe('support beside an estimate', () => {
  const noUpfront = Array.from({ length: 37 }, () => new Decimal(0));

  it('adds the month’s fee to the totals; 1 and 3 years are 12 and 36 months of it', () => {
    const s = supportEstimate('business', {
      monthlyUsd: '100000',
      amortizedMonthlyUsd: '100000',
      oneYearUsd: '1200000',
      threeYearUsd: '3600000',
      complete: true,
      upfrontByMonth: noUpfront,
    });
    expect(s.supportMonthlyUsd).toBe('6900');
    expect(s.monthlyWithSupportUsd).toBe('106900');
    expect(s.oneYearUsd).toBe('82800');
    expect(s.threeYearWithSupportUsd).toBe('3848400');
    expect(s.amortizedMonthlyUsd).toBe('6900');
  });

  it('charges support on an upfront fee in the month it is paid', () => {
    // 1,000 USD a month and a 12,000 USD upfront in month 0 (a 3-year term): Developer's fee is 3% of
    // 13,000 = 390 in month 0, then 3% of 1,000 = 30 in each of the 35 months after.
    const upfront = noUpfront.map((d, m) => (m === 0 ? new Decimal(12000) : d));
    const s = supportEstimate('developer', {
      monthlyUsd: '1000',
      amortizedMonthlyUsd: '1333.333333',
      oneYearUsd: '24000',
      threeYearUsd: '48000',
      complete: true,
      upfrontByMonth: upfront,
    });
    expect(s.firstMonthUsd).toBe('390');
    expect(s.supportMonthlyUsd).toBe('30');
    expect(s.oneYearUsd).toBe('720');
    expect(s.threeYearUsd).toBe('1440');
    expect(s.amortizedMonthlyUsd).toBe('40');
  });

  it('says n/a rather than a partial fee when the estimate is incomplete', () => {
    const s = supportEstimate('enterprise', {
      monthlyUsd: '10',
      amortizedMonthlyUsd: '10',
      oneYearUsd: '120',
      threeYearUsd: '360',
      complete: false,
      upfrontByMonth: noUpfront,
    });
    expect(s.supportMonthlyUsd).toBeNull();
    expect(s.note).toMatch(/^n\/a/);
  });
});
