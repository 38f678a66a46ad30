import { z } from 'zod';
import { Decimal } from '@shared/money';
import { optimizeConstraintsSchema } from '@shared/optimizer/constraints-schema';
import { DEFAULT_CONSTRAINTS, OPTIMIZER_PRODUCTS, type OptimizeConstraints } from '@shared/optimizer/types';
import { validate } from '@shared/validation';
import { fieldErrors } from '../workloads/field-errors';

/**
 * The Plan screen's constraints form as typed: numbers as the boxes hold them (an emptied upfront box
 * means no limit, an emptied growth box means 0). The optimizer's own schema judges them, so the form
 * says exactly what the call would refuse, field by field.
 */
const draftSchema = z.object({
  allow: z.array(z.enum(OPTIMIZER_PRODUCTS)),
  maxUpfrontUsd: z.number().optional(),
  maxTermYears: z.literal([1, 3]),
  growthPctPerMonth: z.number().optional(),
});
export type ConstraintsDraft = z.output<typeof draftSchema>;

export const DEFAULT_DRAFT: ConstraintsDraft = {
  allow: [...DEFAULT_CONSTRAINTS.allow],
  maxTermYears: DEFAULT_CONSTRAINTS.maxTermYears,
  growthPctPerMonth: DEFAULT_CONSTRAINTS.growthPctPerMonth,
};

/** A stored draft, or the defaults when it is not one (usePersistentState's restore). */
export function restoreDraft(stored: unknown): ConstraintsDraft {
  const parsed = draftSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_DRAFT;
}

export type CheckedConstraints =
  { ok: true; constraints: OptimizeConstraints } | { ok: false; errors: Record<string, string> };

/** The draft as the call's constraints, or each field's problem in plain words (keyed by field). */
export function checkDraft(draft: ConstraintsDraft): CheckedConstraints {
  const upfront = draft.maxUpfrontUsd;
  const raw = {
    // The products in their usual order, whatever order they were ticked in.
    allow: OPTIMIZER_PRODUCTS.filter((p) => draft.allow.includes(p)),
    // A typed number as a decimal string without an exponent; the schema refuses a negative one.
    maxUpfrontUsd:
      upfront === undefined
        ? null
        : Number.isFinite(upfront)
          ? new Decimal(upfront).toFixed()
          : String(upfront),
    maxTermYears: draft.maxTermYears,
    growthPctPerMonth: draft.growthPctPerMonth ?? 0,
  };
  const result = validate(optimizeConstraintsSchema, raw);
  return result.ok
    ? { ok: true, constraints: result.value }
    : { ok: false, errors: fieldErrors(result.problems) };
}
