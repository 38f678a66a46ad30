import { z } from 'zod';
import type { CallInput } from '@shared/contract';
import {
  DEFAULT_IO_SIZE_KIB,
  DEFAULT_MAX_STRIPE_VOLUMES,
  MAX_CAPACITY_GIB,
  MAX_IO_SIZE_KIB,
  MAX_STRIPE_VOLUMES_LIMIT,
  MIN_IO_SIZE_KIB,
} from '@shared/ebs/solver';
import { LARGEST_VOLUME_GIB } from '@shared/ebs/volume-limits';
import { parseDecimalText, REGION_CODE_PATTERN } from '@shared/validation';
import { storedNumberText as numberText } from '../../hooks/usePersistentState';

export const DEFAULT_REGION = 'us-east-1';
export const CURVE_STEPS = 60;
/** `ebs.snapshotCost` takes one volume's size: at most the largest EBS volume. */
export const MAX_SNAPSHOT_VOLUME_GIB = LARGEST_VOLUME_GIB;

export const IO_PATTERNS = ['random', 'sequential'] as const;
export type IoPattern = (typeof IO_PATTERNS)[number];
export const CURVE_DIMENSIONS = ['iops', 'throughput'] as const;
export type CurveDimension = (typeof CURVE_DIMENSIONS)[number];
export const SNAPSHOT_FREQUENCIES = ['hourly', 'daily', 'weekly', 'monthly'] as const;
export type SnapshotFrequency = (typeof SNAPSHOT_FREQUENCIES)[number];
export const SNAPSHOT_TIERS = ['standard', 'archive'] as const;
export type SnapshotTier = (typeof SNAPSHOT_TIERS)[number];

/** What the form holds; numbers stay strings so a half-typed value is kept as typed. */
export interface SizingForm {
  region: string;
  capacityGiB: string;
  iops: string;
  throughputMiBps: string;
  ioSizeKiB: string;
  pattern: IoPattern;
  /** Percent of the day at the peak; empty means sustained. */
  dutyCyclePct: string;
  instanceType: string;
  maxStripeVolumes: string;
}

export interface SnapshotForm {
  frequency: SnapshotFrequency;
  retentionCount: string;
  dailyChangePct: string;
  usedPct: string;
  tier: SnapshotTier;
}

export interface EbsScreenState {
  form: SizingForm;
  snapshot: SnapshotForm;
  curveDimension: CurveDimension;
}

export const DEFAULT_FORM: SizingForm = {
  region: DEFAULT_REGION,
  capacityGiB: '2000',
  iops: '12000',
  throughputMiBps: '400',
  ioSizeKiB: String(DEFAULT_IO_SIZE_KIB),
  pattern: 'random',
  dutyCyclePct: '',
  instanceType: '',
  maxStripeVolumes: String(DEFAULT_MAX_STRIPE_VOLUMES),
};

export const DEFAULT_SNAPSHOT: SnapshotForm = {
  frequency: 'daily',
  retentionCount: '7',
  dailyChangePct: '2',
  usedPct: '60',
  tier: 'standard',
};

export const DEFAULT_STATE: EbsScreenState = {
  form: DEFAULT_FORM,
  snapshot: DEFAULT_SNAPSHOT,
  curveDimension: 'iops',
};

// Each field falls back on its own, so one bad value in storage doesn't throw the rest away.
const formSchema = z.object({
  region: z.string().regex(REGION_CODE_PATTERN).catch(DEFAULT_FORM.region),
  capacityGiB: numberText.catch(DEFAULT_FORM.capacityGiB),
  iops: numberText.catch(DEFAULT_FORM.iops),
  throughputMiBps: numberText.catch(DEFAULT_FORM.throughputMiBps),
  ioSizeKiB: numberText.catch(DEFAULT_FORM.ioSizeKiB),
  pattern: z.enum(IO_PATTERNS).catch(DEFAULT_FORM.pattern),
  dutyCyclePct: numberText.catch(DEFAULT_FORM.dutyCyclePct),
  instanceType: z
    .string()
    .max(40)
    .regex(/^[a-z0-9.-]*$/)
    .catch(DEFAULT_FORM.instanceType),
  maxStripeVolumes: numberText.catch(DEFAULT_FORM.maxStripeVolumes),
});

const snapshotSchema = z.object({
  frequency: z.enum(SNAPSHOT_FREQUENCIES).catch(DEFAULT_SNAPSHOT.frequency),
  retentionCount: numberText.catch(DEFAULT_SNAPSHOT.retentionCount),
  dailyChangePct: numberText.catch(DEFAULT_SNAPSHOT.dailyChangePct),
  usedPct: numberText.catch(DEFAULT_SNAPSHOT.usedPct),
  tier: z.enum(SNAPSHOT_TIERS).catch(DEFAULT_SNAPSHOT.tier),
});

const stateSchema = z.object({
  form: formSchema.catch(DEFAULT_FORM),
  snapshot: snapshotSchema.catch(DEFAULT_SNAPSHOT),
  curveDimension: z.enum(CURVE_DIMENSIONS).catch(DEFAULT_STATE.curveDimension),
});

/** Validates what localStorage held; anything unrecognised becomes its default. */
export function restoreEbsState(stored: unknown): EbsScreenState {
  const result = stateSchema.safeParse(stored);
  return result.success ? result.data : DEFAULT_STATE;
}

// ---------------------------------------------------------------------------------------------
// Parsing the form

type Parsed = { ok: true; value: number } | { ok: false; message: string };

interface NumberRule {
  /** The field's name as a sentence starts with it: "Capacity". */
  label: string;
  /** Lowest allowed value, and whether it is allowed itself. */
  min: number;
  minInclusive: boolean;
  max: number;
  integer?: boolean;
  unit: string;
  /** The sentence for a value above the maximum, given the value with its unit. */
  tooHigh: (value: string) => string;
  /** Said after the allowed range: ", or leave it empty for a sustained peak". */
  rangeHint?: string;
}

/** A form figure keeps at most this many decimals. */
const MAX_DECIMALS = 4;
const NEGATIVE = /^[-\u2212]\s*\d/;

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: MAX_DECIMALS });
const SINGULAR: Record<string, string> = { volumes: 'volume', snapshots: 'snapshot' };
/** A figure with its unit: "4,194,304 GiB", "100%", "1 snapshot". */
const quantity = (n: number, unit: string): string =>
  unit === '%' ? `${fmt(n)}%` : `${fmt(n)} ${n === 1 ? (SINGULAR[unit] ?? unit) : unit}`;

/** What the field takes, in words: "1 to 4,194,304 GiB", "more than 0%, up to 100%". */
function rangeText(rule: NumberRule): string {
  const range = rule.minInclusive
    ? `${rule.unit === '%' ? quantity(rule.min, '%') : fmt(rule.min)} to ${quantity(rule.max, rule.unit)}`
    : `more than ${quantity(rule.min, rule.unit)}, up to ${quantity(rule.max, rule.unit)}`;
  return `${rule.integer ? 'a whole number, ' : ''}${range}${rule.rangeHint ?? ''}`;
}

/**
 * A number typed into the form, checked against its rule. A refusal is one sentence that names the
 * field, says what is wrong and what it takes: "Capacity can't be negative: enter 1 to 4,194,304 GiB."
 */
export function parseNumber(text: string, rule: NumberRule): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, message });
  const typed = text.trim();
  const range = rangeText(rule);
  if (typed === '') return fail(`${rule.label} is empty: enter ${range}.`);
  if (NEGATIVE.test(typed)) return fail(`${rule.label} can't be negative: enter ${range}.`);
  const value = parseDecimalText(typed);
  if (value === null)
    return fail(`${rule.label} must be a number, digits only with no unit: enter ${range}.`);
  if (value > rule.max) return fail(rule.tooHigh(quantity(value, rule.unit)));
  const lowOk = rule.minInclusive ? value >= rule.min : value > rule.min;
  if (!lowOk) {
    const least = rule.minInclusive
      ? `at least ${quantity(rule.min, rule.unit)}`
      : `more than ${quantity(rule.min, rule.unit)}`;
    return fail(`${rule.label} must be ${least}: enter ${range}.`);
  }
  if (rule.integer && !Number.isInteger(value))
    return fail(`${rule.label} must be a whole number: enter ${range}.`);
  if (parseDecimalText(typed, { decimals: MAX_DECIMALS }) === null) {
    return fail(`${rule.label} takes at most ${MAX_DECIMALS} decimal places.`);
  }
  return { ok: true, value };
}

const GIB_PER_TIB = 1024;

export const RULES = {
  capacityGiB: {
    label: 'Capacity',
    // The smallest EBS volume is 1 GiB.
    min: 1,
    minInclusive: true,
    max: MAX_CAPACITY_GIB,
    unit: 'GiB',
    tooHigh: (v) =>
      `${v} is more than the ${quantity(MAX_CAPACITY_GIB, 'GiB')} the largest stripe can hold (${MAX_STRIPE_VOLUMES_LIMIT} volumes of ${fmt(LARGEST_VOLUME_GIB / GIB_PER_TIB)} TiB).`,
  },
  iops: {
    label: 'IOPS',
    min: 0,
    minInclusive: true,
    max: 100_000_000,
    unit: 'IOPS',
    tooHigh: (v) => `${v} is more than the ${quantity(100_000_000, 'IOPS')} this planner sizes for.`,
  },
  throughputMiBps: {
    label: 'Throughput',
    min: 0,
    minInclusive: true,
    max: 10_000_000,
    unit: 'MiB/s',
    tooHigh: (v) => `${v} is more than the ${quantity(10_000_000, 'MiB/s')} this planner sizes for.`,
  },
  ioSizeKiB: {
    label: 'I/O size',
    min: MIN_IO_SIZE_KIB,
    minInclusive: true,
    max: MAX_IO_SIZE_KIB,
    unit: 'KiB',
    tooHigh: (v) =>
      `An I/O size of ${v} is more than the largest, ${quantity(MAX_IO_SIZE_KIB, 'KiB')} (16 MiB).`,
  },
  dutyCyclePct: {
    label: 'Duty cycle',
    min: 0,
    minInclusive: false,
    max: 100,
    unit: '%',
    tooHigh: (v) => `A duty cycle of ${v} is more than the whole day (100%).`,
    rangeHint: ', or leave it empty for a peak that lasts all day',
  },
  maxStripeVolumes: {
    label: 'Max volumes',
    min: 1,
    minInclusive: true,
    max: MAX_STRIPE_VOLUMES_LIMIT,
    integer: true,
    unit: 'volumes',
    tooHigh: (v) =>
      `${v} is more than the ${quantity(MAX_STRIPE_VOLUMES_LIMIT, 'volumes')} a stripe can have.`,
  },
  retentionCount: {
    label: 'Snapshots kept',
    min: 1,
    minInclusive: true,
    max: 10_000,
    integer: true,
    unit: 'snapshots',
    tooHigh: (v) => `Keeping ${v} is more than the ${quantity(10_000, 'snapshots')} this planner prices.`,
  },
  dailyChangePct: {
    label: 'Daily change',
    min: 0,
    minInclusive: true,
    max: 100,
    unit: '%',
    tooHigh: (v) => `A daily change of ${v} is more than all of the data (100%).`,
  },
  usedPct: {
    label: 'Used',
    min: 0,
    minInclusive: false,
    max: 100,
    unit: '%',
    tooHigh: (v) => `${v} used is more than the whole volume (100%).`,
  },
} satisfies Record<string, NumberRule>;

export type FormField =
  'capacityGiB' | 'iops' | 'throughputMiBps' | 'ioSizeKiB' | 'dutyCyclePct' | 'maxStripeVolumes';
/** Per field, a sentence that names the field, what is wrong and what it takes. */
export type FormErrors = Partial<Record<FormField | 'instanceType', string>>;

export type FitInput = CallInput<'ebs.fit'>;

/**
 * The `ebs.fit` input for the form, or null with a message per invalid field (nothing invalid is sent).
 * `instanceKnown` says whether the typed instance type is in the catalog for the region.
 */
export function toFitInput(
  form: SizingForm,
  dimension: CurveDimension,
  instance: { text: string; known: boolean | null },
): { input: FitInput | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const values: Partial<Record<FormField, number>> = {};
  const fields: FormField[] = ['capacityGiB', 'iops', 'throughputMiBps', 'ioSizeKiB', 'maxStripeVolumes'];
  for (const field of fields) {
    const parsed = parseNumber(form[field], RULES[field]);
    if (parsed.ok) values[field] = parsed.value;
    else errors[field] = parsed.message;
  }
  let dutyCycle: number | undefined;
  if (form.dutyCyclePct.trim() !== '') {
    const parsed = parseNumber(form.dutyCyclePct, RULES.dutyCyclePct);
    if (parsed.ok) dutyCycle = parsed.value / 100;
    else errors.dutyCyclePct = parsed.message;
  }
  const instanceType = instance.text.trim();
  if (instanceType !== '' && instance.known === false) {
    errors.instanceType = `Instance type ${instanceType} is not in the catalog for ${form.region}: pick one from the list.`;
  }
  // While the instance lookup is still answering, hold the call rather than size without it.
  const waiting = instanceType !== '' && instance.known === null;
  if (Object.keys(errors).length > 0 || waiting) return { input: null, errors };

  const input: FitInput = {
    region: form.region,
    capacityGiB: values.capacityGiB!,
    iops: values.iops!,
    throughputMiBps: values.throughputMiBps!,
    ioSizeKiB: values.ioSizeKiB!,
    pattern: form.pattern,
    maxStripeVolumes: values.maxStripeVolumes!,
    curve: { dimension, steps: CURVE_STEPS },
  };
  if (dutyCycle !== undefined && dutyCycle < 1) input.dutyCycle = dutyCycle;
  if (instanceType !== '') input.instanceType = instanceType;
  return { input, errors };
}

export type SnapshotErrors = Partial<Record<'retentionCount' | 'dailyChangePct' | 'usedPct', string>>;

export interface SnapshotPolicyValues {
  frequency: SnapshotFrequency;
  retentionCount: number;
  dailyChangePct: number;
  usedPct: number;
  tier: SnapshotTier;
}

/** The snapshot policy the panel describes, or null with a message per invalid field. */
export function parseSnapshotForm(form: SnapshotForm): {
  policy: SnapshotPolicyValues | null;
  errors: SnapshotErrors;
} {
  const errors: SnapshotErrors = {};
  const retention = parseNumber(form.retentionCount, RULES.retentionCount);
  const change = parseNumber(form.dailyChangePct, RULES.dailyChangePct);
  const used = parseNumber(form.usedPct, RULES.usedPct);
  if (!retention.ok) errors.retentionCount = retention.message;
  if (!change.ok) errors.dailyChangePct = change.message;
  if (!used.ok) errors.usedPct = used.message;
  if (!retention.ok || !change.ok || !used.ok) return { policy: null, errors };
  return {
    policy: {
      frequency: form.frequency,
      retentionCount: retention.value,
      dailyChangePct: change.value,
      usedPct: used.value,
      tier: form.tier,
    },
    errors,
  };
}
