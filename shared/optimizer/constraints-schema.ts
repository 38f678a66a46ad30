import { z } from 'zod';
import { DEFAULT_CONSTRAINTS, OPTIMIZER_PRODUCTS, type OptimizeConstraints } from './types';

/**
 * The optimizer's constraints as they cross a boundary (the pricing.optimize call, the CLI's flags,
 * the Plan screen's form): each field labelled (`title`, as shared/contract.ts and
 * shared/scenario/schema.ts label theirs), defaults from DEFAULT_CONSTRAINTS (shared/optimizer/types.ts).
 */

const label = (title: string, description?: string, unit?: string) => ({
  title,
  ...(description ? { description } : {}),
  ...(unit ? { unit } : {}),
});

export const MAX_GROWTH_PCT_PER_MONTH = 50;

export const optimizeConstraintsSchema = z
  .strictObject({
    allow: z
      .array(z.enum(OPTIMIZER_PRODUCTS).meta(label('Product')))
      .refine((xs) => new Set(xs).size === xs.length, { message: 'names a product more than once' })
      .meta(
        label(
          'Products allowed',
          'ri (Reserved Instances), sp (Savings Plans), spot (interruption-tolerant lines); none = On-Demand only',
        ),
      )
      .default([...DEFAULT_CONSTRAINTS.allow]),
    maxUpfrontUsd: z
      .string({ message: 'must be a decimal number of USD written as text, such as "5000", or null' })
      .max(40)
      .regex(/^\d+(\.\d+)?$/, { message: 'must be a decimal number of USD, such as 5000 or 1250.50' })
      .meta(label('Max upfront (USD)', 'the most upfront cash the plan may pay; null = no limit'))
      .nullable()
      .default(DEFAULT_CONSTRAINTS.maxUpfrontUsd),
    maxTermYears: z
      .literal([1, 3])
      .meta(label('Max term (years)', 'the longest commitment the plan may buy'))
      .default(DEFAULT_CONSTRAINTS.maxTermYears),
    growthPctPerMonth: z
      .number()
      .min(-MAX_GROWTH_PCT_PER_MONTH)
      .max(MAX_GROWTH_PCT_PER_MONTH)
      .meta(
        label(
          'Growth per month (%)',
          'usage growth (or decline, negative) per month over the term, compounded',
          '%',
        ),
      )
      .default(DEFAULT_CONSTRAINTS.growthPctPerMonth),
  })
  .meta(label('Constraints'));

export type OptimizeConstraintsInput = z.input<typeof optimizeConstraintsSchema>;

// The parsed constraints are exactly the optimizer's input type, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const parsedIsConstraints: Same<z.output<typeof optimizeConstraintsSchema>, OptimizeConstraints> = true;
void parsedIsConstraints;
