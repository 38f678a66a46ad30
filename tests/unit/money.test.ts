import { describe, expect, it } from 'vitest';
import { Decimal, formatUsd, toCents, toUsdString, usdOrNull } from '@shared/money';
import { effectiveHourlyUsd, monthlyUsd, upfrontFromEffectiveHourly } from '@shared/pricing/rates';

describe('money', () => {
  it('keeps decimal strings exact where floats would drift', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; in Decimal it is 0.3.
    expect(toUsdString(new Decimal('0.1').plus('0.2'))).toBe('0.3');
  });

  it('treats a missing price as null, never zero', () => {
    expect(usdOrNull('')).toBeNull();
    expect(usdOrNull(null)).toBeNull();
    expect(usdOrNull('0.096')?.toString()).toBe('0.096');
    expect(formatUsd(null)).toBe('n/a');
  });

  it('rounds totals half-up to cents and groups thousands', () => {
    expect(toCents(new Decimal('41.166890')).toFixed(2)).toBe('41.17');
    expect(toCents(new Decimal('0.005')).toFixed(2)).toBe('0.01');
    expect(formatUsd(new Decimal('1234567.891'))).toBe('$1,234,567.89');
    expect(formatUsd(new Decimal('-5'))).toBe('-$5.00');
  });

  it('shows small hourly rates with four decimals', () => {
    expect(formatUsd(new Decimal('0.0255'), { rate: true })).toBe('$0.0255');
    expect(formatUsd(new Decimal('0.096'), { rate: true })).toBe('$0.096');
    expect(formatUsd(new Decimal('3.21'), { rate: true })).toBe('$3.21');
  });
});

describe('commitment rates', () => {
  it('spreads an upfront fee over the term hours and adds the recurring fee', () => {
    // AWS example (EC2 UG): 3-year partial upfront c6i.large Win+SQL Web, Tokyo, dedicated:
    // 2,750 / 26,280 + 0.10463 = 0.104642... + 0.10463 = 0.20927... ≈ $0.2093/h
    const eff = effectiveHourlyUsd(new Decimal(2750), new Decimal('0.10463'), 3);
    expect(eff.toDecimalPlaces(4).toString()).toBe('0.2093');
  });

  it('recovers the all-upfront fee from an effective hourly figure', () => {
    // m5.large us-east-1 1y standard all upfront: 0.056393 x 8,760 h = 494.00268
    expect(toUsdString(upfrontFromEffectiveHourly(new Decimal('0.056393'), 1))).toBe('494.00268');
    // 3y: 0.036111 x 26,280 = 948.99708
    expect(toUsdString(upfrontFromEffectiveHourly(new Decimal('0.036111'), 3))).toBe('948.99708');
  });

  it('prices a month at 730 hours unless told otherwise', () => {
    expect(toUsdString(monthlyUsd(new Decimal('0.096')))).toBe('70.08'); // 0.096 x 730
    expect(toUsdString(monthlyUsd(new Decimal('0.096'), 744))).toBe('71.424'); // 31-day month
  });

  it('treats an on-demand rate as its own effective rate', () => {
    expect(effectiveHourlyUsd(new Decimal(0), new Decimal('0.096'), null).toString()).toBe('0.096');
  });
});
