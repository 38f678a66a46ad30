import { Decimal } from '../money';

/**
 * A fraction kept as numerator and denominator, so that money is multiplied before it is divided
 * (730 / 168 and 100 / 168 do not terminate; multiplying first keeps whole results whole).
 */
export interface Ratio {
  num: Decimal;
  den: Decimal;
}

export const ONE: Ratio = { num: new Decimal(1), den: new Decimal(1) };

export function ratio(num: Decimal.Value, den: Decimal.Value): Ratio {
  return { num: new Decimal(num), den: new Decimal(den) };
}

/** value × num / den */
export function of(value: Decimal, r: Ratio): Decimal {
  return value.times(r.num).div(r.den);
}

export function ratioValue(r: Ratio): Decimal {
  return r.num.div(r.den);
}
