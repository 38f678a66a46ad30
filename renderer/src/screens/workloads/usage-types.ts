import type { Usage, UsagePattern } from '@shared/scenario/schema';

export type UsageOf<P extends UsagePattern> = Extract<Usage, { pattern: P }>;

/** What every usage form receives: its usage, a setter, and validation messages by field name. */
export interface UsageFormProps<P extends UsagePattern> {
  usage: UsageOf<P>;
  onChange: (usage: UsageOf<P>) => void;
  /** Messages keyed by the usage's own field ("endHour", "counts.3"). */
  errors: Record<string, string>;
}
