import { describe, expect, it } from 'vitest';
import { buildPriceOptions, type PriceDbRow } from '../../main/catalog/price-options';

const od: PriceDbRow = {
  model: 'on-demand',
  term_years: 0,
  payment_option: '',
  offering_class: '',
  plan_type: '',
  upfront_usd: '0',
  hourly_usd: '0.1',
  effective_hourly_usd: '0.1',
  source_id: 's-od',
  upfront_source: 'published',
};
const allUpfront3y: PriceDbRow = {
  model: 'reserved',
  term_years: 3,
  payment_option: 'all-upfront',
  offering_class: 'standard',
  plan_type: '',
  upfront_usd: '1051.2',
  hourly_usd: '0',
  effective_hourly_usd: '0.04',
  source_id: 's-ri',
  upfront_source: 'published',
};

describe('purchase options of one instance', () => {
  const options = buildPriceOptions([od, allUpfront3y]);

  it('lists all 26 ways to buy, priced or not', () => {
    // 1 on-demand + 2 terms x (2 classes x 3 payments + 2 plans x 3 payments) + 1 spot = 26
    expect(options).toHaveLength(26);
  });

  it('computes monthly and savings against on-demand from the effective rate', () => {
    const ri = options.find(
      (o) => o.model === 'reserved' && o.termYears === 3 && o.paymentOption === 'all-upfront',
    );
    // 1,051.20 / 26,280 h = 0.04/h; x 730 = 29.20/month; saving (0.1 - 0.04) / 0.1 = 60%
    expect(ri).toMatchObject({
      upfrontUsd: '1051.2',
      effectiveHourlyUsd: '0.04',
      monthlyUsd: '29.2',
      savingsPct: '60.0',
    });
    expect(options[0]).toMatchObject({ model: 'on-demand', monthlyUsd: '73', savingsPct: null });
  });

  it('marks a missing price as n/a with the reason, never as zero', () => {
    const sp = options.find(
      (o) => o.model === 'savings-plan' && o.planType === 'compute' && o.termYears === 1,
    );
    expect(sp).toMatchObject({ hourlyUsd: null, monthlyUsd: null, sourceId: null });
    expect(sp?.note).toContain("import AWS's price files");
    const spot = options.find((o) => o.model === 'spot');
    expect(spot?.effectiveHourlyUsd).toBeNull();
  });
});
