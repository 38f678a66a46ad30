import { describe, expect, it } from 'vitest';
import { optimizeConstraintsSchema } from '@shared/optimizer/constraints-schema';
import { DEFAULT_CONSTRAINTS } from '@shared/optimizer/types';
import { validate } from '@shared/validation';

const check = (raw: unknown) => validate(optimizeConstraintsSchema, raw);

describe('the optimizer constraints schema', () => {
  it('defaults to every product, no upfront limit, terms up to 3 years and no growth', () => {
    expect(check({})).toEqual({ ok: true, value: DEFAULT_CONSTRAINTS });
  });

  it('takes an empty list of products (On-Demand only), a cap, 1-year terms and a decline', () => {
    const r = check({ allow: [], maxUpfrontUsd: '1250.50', maxTermYears: 1, growthPctPerMonth: -2.5 });
    expect(r).toEqual({
      ok: true,
      value: { allow: [], maxUpfrontUsd: '1250.50', maxTermYears: 1, growthPctPerMonth: -2.5 },
    });
  });

  it.each([
    [{ allow: ['ri', 'ri'] }, 'allow', 'Products allowed', 'names a product more than once'],
    [{ allow: ['ri', 'on-demand'] }, 'allow.1', 'Product 2', 'must be one of ri, sp, spot'],
    [
      { maxUpfrontUsd: '-5' },
      'maxUpfrontUsd',
      'Max upfront (USD)',
      'must be a decimal number of USD, such as 5000 or 1250.50',
    ],
    [
      { maxUpfrontUsd: 5000 },
      'maxUpfrontUsd',
      'Max upfront (USD)',
      'must be a decimal number of USD written as text, such as "5000", or null',
    ],
    [{ maxTermYears: 2 }, 'maxTermYears', 'Max term (years)', 'must be 1 or 3'],
    [
      { growthPctPerMonth: 51 },
      'growthPctPerMonth',
      'Growth per month (%)',
      'must be a number from -50 to 50%',
    ],
    [{ colour: 'red' }, 'colour', undefined, '"colour" is not a field of a constraints: remove it'],
  ])('refuses %j naming the field by its label', (raw, field, label, message) => {
    const r = check(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ message, ...(label ? { label } : {}) });
    expect(r.problems[0]!.field ?? '').toBe(field);
  });
});
