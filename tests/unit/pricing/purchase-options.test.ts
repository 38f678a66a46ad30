import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money';
import { strategies } from '@shared/pricing/compare';
import { percentText, savingsPct } from '@shared/pricing/percent';
import { PURCHASE_OPTIONS, purchaseOptionOf } from '@shared/pricing/purchase-options';

describe('the one list of purchase options', () => {
  it('names 26 options, each key once, in catalog order: terms together', () => {
    const keys = PURCHASE_OPTIONS.map((o) => o.key);
    expect(new Set(keys).size).toBe(26);
    expect(keys.slice(0, 8)).toEqual([
      'on-demand',
      'reserved-standard-1y-no-upfront',
      'reserved-standard-1y-partial-upfront',
      'reserved-standard-1y-all-upfront',
      'reserved-convertible-1y-no-upfront',
      'reserved-convertible-1y-partial-upfront',
      'reserved-convertible-1y-all-upfront',
      'savings-plan-compute-1y-no-upfront',
    ]);
    expect(keys[13]).toBe('reserved-standard-3y-no-upfront');
    expect(keys.at(-1)).toBe('spot');
    expect(PURCHASE_OPTIONS.map((o) => o.order)).toEqual(keys.map((_, i) => i));
  });

  it("gives Compare each product's six variants together", () => {
    const ids = strategies().map((s) => s.id);
    expect(ids.slice(0, 8)).toEqual([
      'on-demand',
      'reserved-standard-1y-no-upfront',
      'reserved-standard-1y-partial-upfront',
      'reserved-standard-1y-all-upfront',
      'reserved-standard-3y-no-upfront',
      'reserved-standard-3y-partial-upfront',
      'reserved-standard-3y-all-upfront',
      'reserved-convertible-1y-no-upfront',
    ]);
    expect(ids[13]).toBe('savings-plan-compute-1y-no-upfront');
    expect(ids.at(-1)).toBe('spot-where-allowed');
  });

  it('labels an option for a sentence and for a chart legend', () => {
    const ri = purchaseOptionOf({
      model: 'reserved',
      termYears: 3,
      paymentOption: 'all-upfront',
      offeringClass: 'convertible',
      planType: null,
    });
    expect(ri).toMatchObject({
      label: 'Convertible RIs, 3-year, all upfront',
      shortLabel: 'RI Convertible 3 yr, All upfront',
    });
    const sp = PURCHASE_OPTIONS.find((o) => o.key === 'savings-plan-ec2-instance-1y-partial-upfront');
    expect(sp).toMatchObject({
      label: 'EC2 Instance Savings Plan, 1-year, partial upfront',
      shortLabel: 'SP EC2 Instance 1 yr, Partial upfront',
    });
  });

  it('finds no option for fields that name none', () => {
    expect(
      purchaseOptionOf({
        model: 'reserved',
        termYears: 1,
        paymentOption: 'all-upfront',
        offeringClass: 'standard',
        planType: 'compute',
      }),
    ).toBeUndefined();
  });
});

describe('percentages', () => {
  it('always show one decimal, rounded half-up', () => {
    // (0.1 - 0.06) / 0.1 = 40% → "40.0"; 1/3 → 33.333…% → "33.3"; 0.0125 → 1.25% → "1.3" (half-up)
    expect(savingsPct(new Decimal('0.1'), new Decimal('0.06'))).toBe('40.0');
    expect(percentText(new Decimal(1).div(3))).toBe('33.3');
    expect(percentText(new Decimal('0.0125'))).toBe('1.3');
  });

  it('have no saving against a missing or zero reference', () => {
    expect(savingsPct(null, new Decimal('0.06'))).toBeNull();
    expect(savingsPct(new Decimal(0), new Decimal(0))).toBeNull();
  });
});
