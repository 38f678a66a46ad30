import type { z } from 'zod';
import { acceptedValues, defOf, inSentence, metaOf, titleOf, unwrap } from './schema-fields';

/**
 * Zod's issues in plain words: what is wrong and what is allowed, without the field (the label is put
 * in front where the message is shown: "--count: …", "Line 1 › Instances: …"). Used as the error map
 * of every validation (shared/validation.ts `validate`); a message a schema sets itself
 * (`.regex(…, { message })`, a refinement's) is kept as written.
 */

const numberText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const num = (n: number): string => numberText.format(n);

/** "a, b or c"; quoted strings are not needed for the simple values schemas list. */
export function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => String(v));
  if (words.length <= 1) return words[0] ?? '';
  if (words.length === 2) return `${words[0]} or ${words[1]}`;
  return `one of ${words.join(', ')}`;
}

interface NumberRule {
  whole: boolean;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

/** A number schema's bounds, read from its checks (zod 4 keeps them on the definition). */
function numberRule(schema: z.core.$ZodType | undefined): NumberRule {
  const rule: NumberRule = { whole: false };
  if (!schema) return rule;
  const checks = (defOf(unwrap(schema)) as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  for (const check of checks) {
    const c = check._zod.def as { check: string; value?: unknown; inclusive?: boolean; format?: string };
    if (c.check === 'number_format' && c.format?.includes('int')) rule.whole = true;
    if (typeof c.value !== 'number' || Math.abs(c.value) >= Number.MAX_SAFE_INTEGER) continue;
    const bound = { value: c.value, inclusive: c.inclusive ?? true };
    if (c.check === 'greater_than' && (!rule.min || bound.value >= rule.min.value)) rule.min = bound;
    if (c.check === 'less_than' && (!rule.max || bound.value <= rule.max.value)) rule.max = bound;
  }
  return rule;
}

/** "a whole number from 1 to 10,000 GiB", "a number above 0, up to 1", "a number of 0 or more". */
export function allowedNumber(schema: z.core.$ZodType | undefined): string {
  const { whole, min, max } = numberRule(schema);
  const unit = schema ? metaOf(schema, 'unit') : undefined;
  const withUnit = (n: number) => (unit ? (unit === '%' ? `${num(n)}%` : `${num(n)} ${unit}`) : num(n));
  const kind = whole ? 'a whole number' : 'a number';
  if (min && max) {
    if (min.inclusive && max.inclusive) return `${kind} from ${num(min.value)} to ${withUnit(max.value)}`;
    const low = min.inclusive ? `${num(min.value)} or more` : `above ${num(min.value)}`;
    const high = max.inclusive ? `up to ${withUnit(max.value)}` : `below ${withUnit(max.value)}`;
    return `${kind} ${low}, ${high}`;
  }
  if (min)
    return min.inclusive
      ? `${kind} of ${withUnit(min.value)} or more`
      : `${kind} above ${withUnit(min.value)}`;
  if (max)
    return max.inclusive
      ? `${kind} of ${withUnit(max.value)} or less`
      : `${kind} below ${withUnit(max.value)}`;
  return unit ? `${kind} of ${unit}` : kind;
}

/** What a value of `schema` must be, in a few words, or undefined when that takes more than a few. */
function allowed(schema: z.core.$ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const type = defOf(unwrap(schema)).type;
  if (type === 'number') return allowedNumber(schema);
  if (type === 'boolean') return 'true or false';
  const values = acceptedValues(schema);
  if (values) return oneOf(values);
  if (type === 'union') {
    const options = (defOf(unwrap(schema)).options ?? []).map(acceptedValues);
    if (options.every((o) => o !== undefined)) return oneOf(options.flat());
  }
  return undefined;
}

/** What the items of an array are called: its element's title ("line", "volume"), else "item". */
function itemNoun(schema: z.core.$ZodType | undefined, count: number): string {
  const element = schema ? defOf(unwrap(schema)).element : undefined;
  const title = element ? titleOf(element) : undefined;
  const noun = title ? inSentence(title) : 'item';
  return count === 1 ? noun : `${noun}s`;
}

function sizeMessage(iss: z.core.$ZodRawIssue & { code: 'too_small' | 'too_big' }): string {
  const small = iss.code === 'too_small';
  const bound = Number(small ? iss.minimum : iss.maximum);
  switch (iss.origin) {
    case 'string': {
      if (small && bound === 1) return "can't be empty";
      const chars = `${num(bound)} character${bound === 1 ? '' : 's'}`;
      if (iss.exact) return `must be exactly ${chars} long`;
      return small ? `must be at least ${chars} long` : `must be at most ${chars} long`;
    }
    case 'array':
    case 'set': {
      const items = `${num(bound)} ${itemNoun(iss.schema, bound)}`;
      if (iss.exact) return `must have exactly ${items}`;
      if (small && bound === 1) return `must have at least one ${itemNoun(iss.schema, 1)}`;
      return small ? `must have at least ${items}` : `can have at most ${items}`;
    }
    case 'number':
    case 'int':
    case 'bigint':
      return `must be ${allowedNumber(iss.schema)}`;
    default:
      return small ? `must be at least ${num(bound)}` : `must be at most ${num(bound)}`;
  }
}

/** A field left out: "is required", with what it takes when that is short. */
function required(schema: z.core.$ZodType | undefined): string {
  const rule = allowed(schema);
  return rule ? `is required (${rule})` : 'is required';
}

function typeMessage(iss: z.core.$ZodRawIssue & { code: 'invalid_type' }): string {
  const rule = allowed(iss.schema);
  switch (iss.expected) {
    case 'number':
    case 'int':
      return `must be ${allowedNumber(iss.schema)}`;
    case 'string':
      return 'must be text';
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return 'must be a list';
    case 'object':
      return 'must be an object with fields';
    default:
      return rule ? `must be ${rule}` : `must be a ${String(iss.expected)}`;
  }
}

const UUID_EXAMPLE = '123e4567-e89b-12d3-a456-426614174000';

function formatMessage(iss: z.core.$ZodRawIssue & { code: 'invalid_format' }): string {
  switch (iss.format) {
    case 'uuid':
    case 'guid':
      return `must be an id such as ${UUID_EXAMPLE}`;
    case 'regex':
      return 'has characters or a form this field does not take';
    case 'starts_with':
      return `must start with ${String(iss.prefix)}`;
    case 'ends_with':
      return `must end with ${String(iss.suffix)}`;
    case 'includes':
      return `must contain ${String(iss.includes)}`;
    default:
      return `must be a valid ${iss.format.replace(/_/g, ' ')}`;
  }
}

/** `"colour" is not a field of a line: remove it`; the object is named by its title. */
function unknownKeysMessage(iss: z.core.$ZodRawIssue & { code: 'unrecognized_keys' }): string {
  const keys = iss.keys.map((k) => JSON.stringify(k));
  const title = iss.schema ? titleOf(iss.schema) : undefined;
  const where = title
    ? `of ${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${inSentence(title)}`
    : (iss.path?.length ?? 0) === 0
      ? 'this call takes'
      : 'here';
  const list = keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`;
  const what = keys.length === 1 ? 'is not a field' : 'are not fields';
  return `${list} ${what} ${where}: remove ${keys.length === 1 ? 'it' : 'them'}`;
}

function unionMessage(iss: z.core.$ZodRawIssue & { code: 'invalid_union' }): string {
  const options = (iss as { options?: readonly unknown[] }).options;
  if (Array.isArray(options) && options.length) return `must be ${oneOf(options)}`;
  const rule = allowed(iss.schema);
  return rule ? `must be ${rule}` : 'does not match any of the forms this field takes';
}

/** One issue in plain words (see the top of this file); undefined leaves the schema's own message. */
export function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const missing = iss.input === undefined && (iss.path?.length ?? 0) > 0;
  if (missing && ['invalid_type', 'invalid_value', 'invalid_union'].includes(iss.code))
    return required(iss.schema);
  switch (iss.code) {
    case 'invalid_type':
      return typeMessage(iss);
    case 'too_small':
    case 'too_big':
      return sizeMessage(iss);
    case 'invalid_value':
      return `must be ${oneOf(iss.values)}`;
    case 'invalid_format':
      return formatMessage(iss);
    case 'not_multiple_of':
      return `must be a multiple of ${num(Number(iss.divisor))}`;
    case 'unrecognized_keys':
      return unknownKeysMessage(iss);
    case 'invalid_union':
      return unionMessage(iss);
    case 'invalid_key':
    case 'invalid_element':
      return 'has an entry this field does not take';
    case 'custom':
      return 'is not allowed';
    default:
      return undefined;
  }
}

/** The error map for zod's parse calls: plain words, never an exception (zod's own text as a last resort). */
export function plainErrorMap(iss: z.core.$ZodRawIssue): string | undefined {
  try {
    return plainMessage(iss);
  } catch {
    return undefined;
  }
}
