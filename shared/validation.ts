import type { z } from 'zod';

/** The first problem of a failed parse as a field path and a readable message ("lines.0.usage.count: …"). */
export function firstIssue(
  error: z.ZodError,
  prefix: (string | number)[] = [],
): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: prefix.length ? prefix.join('.') : undefined, message: 'invalid input' };
  const path = [
    ...prefix,
    ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []),
  ];
  const field = path.length > 0 ? path.join('.') : undefined;
  return { field, message: `${field ?? 'input'}: ${issue.message}` };
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
