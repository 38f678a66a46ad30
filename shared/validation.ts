import type { z } from 'zod';
import { fieldLabel, type FieldPath } from './schema-fields';
import { plainErrorMap } from './validation-messages';

/** One problem with an input: which field, what is wrong with it in plain words, and its label. */
export interface FieldProblem {
  /** The field's path in the input ("lines.0.usage.count"), for code and forms; undefined: the whole input. */
  field: string | undefined;
  /** What is wrong and what is allowed, without the field: "must be a whole number from 0 to 100,000". */
  message: string;
  /** The field as a person calls it: "Line 1 (web) › Instances"; undefined when it has no name. */
  label: string | undefined;
}

export type Validated<T> =
  { ok: true; value: T } | { ok: false; problems: [FieldProblem, ...FieldProblem[]] };

const keyOf = (p: PropertyKey): string | number => (typeof p === 'symbol' ? String(p) : p);

/**
 * Parses `raw` with `schema`, every problem in plain words (shared/validation-messages.ts) with its
 * field and label; the labels name array items by their name when `raw` has one.
 */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(raw, { error: plainErrorMap });
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue): FieldProblem => {
    const at: FieldPath = issue.path.map(keyOf);
    // An unknown key is the object's problem (labelled by the object), at the key's own path.
    const path = issue.code === 'unrecognized_keys' ? [...at, ...issue.keys.slice(0, 1)] : at;
    return {
      field: path.length ? path.map(keyOf).join('.') : undefined,
      message: issue.message,
      label: at.length ? fieldLabel(schema, at, raw) : undefined,
    };
  });
  const [first, ...rest] = problems;
  return {
    ok: false,
    problems: [first ?? { field: undefined, message: 'is not valid', label: undefined }, ...rest],
  };
}

/** A problem as one line where no form field shows it: "Line 1 (web) › Instances: must be …". */
export function withLabel(problem: { message: string; label?: string | undefined }): string {
  return problem.label ? `${problem.label}: ${problem.message}` : problem.message;
}

/** An AWS region code: "us-east-1", "ap-northeast-2", "us-gov-west-1". */
export const REGION_CODE_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

export interface DecimalTextRules {
  /** Most digits before the point (any number when absent). */
  wholeDigits?: number;
  /** Most digits after the point; 0 = a whole number (any number when absent). */
  decimals?: number;
  /** Also accept thousands written in groups of three: "1,024", "20 000", "1_000_000". */
  grouped?: boolean;
}

const GROUPED = /^\d{1,3}(?:([, _\u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;

/**
 * A non-negative decimal typed by a person or read from a text field ("1024", "0.5", with `grouped`
 * also "1,024"), or null when the text is not one within the rules. Surrounding space is ignored;
 * signs, exponents and hex are not numbers here.
 */
export function parseDecimalText(text: string, rules: DecimalTextRules = {}): number | null {
  let t = text.trim();
  if (rules.grouped && GROUPED.test(t)) t = t.replace(/[, _\u00a0\u202f]/g, '');
  const whole = rules.wholeDigits === undefined ? '+' : `{1,${rules.wholeDigits}}`;
  const fraction =
    rules.decimals === 0 ? '' : `(?:\\.\\d${rules.decimals === undefined ? '+' : `{1,${rules.decimals}}`})?`;
  if (!new RegExp(`^\\d${whole}${fraction}$`).test(t)) return null;
  return Number(t);
}
