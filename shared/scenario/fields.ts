import { z } from 'zod';

/** The field helpers every part of the scenario schema uses. */

/**
 * Labels: each field's `title` meta is what messages call it ("Line 2 (Web tier) › Volume 1 › IOPS",
 * shared/schema-fields.ts); `unit` follows its bounds in messages ("from 1 to 65,536 GiB").
 */
export const title = (t: string, unit?: string) => ({ title: t, ...(unit ? { unit } : {}) });

export const instanceCount = z.number().int().min(0).max(100_000);
export const hourOfDay = z.number().int().min(0).max(23);
export const decimalUsd = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, { message: 'must be a decimal number of USD as a string, such as "1.25"' });
