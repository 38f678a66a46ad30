import { describe, expect, it } from 'vitest';
import { ebsSizingInputSchema } from '@shared/contract';
import { validate } from '@shared/validation';

/**
 * The sizing input's bounds live in the contract schema (the solver trusts what it is given): every
 * call (IPC, HTTP, CLI) parses `ebs.size` / `ebs.fit` input with it before the solver runs.
 */
describe('EBS sizing validation', () => {
  const base = { region: 'us-east-1', capacityGiB: 100, iops: 1000, throughputMiBps: 0 };
  /** The field the schema names for the patched input, or 'no error' when it is accepted. */
  const rejectedField = (patch: Record<string, unknown>): string => {
    const parsed = validate(ebsSizingInputSchema, { ...base, ...patch });
    return parsed.ok ? 'no error' : (parsed.problems[0].field ?? 'input');
  };

  it('rejects a zero or negative capacity', () => {
    expect(rejectedField({ capacityGiB: 0 })).toBe('capacityGiB');
    expect(rejectedField({ capacityGiB: -5 })).toBe('capacityGiB');
  });

  it('rejects negative IOPS and NaN throughput', () => {
    expect(rejectedField({ iops: -1 })).toBe('iops');
    expect(rejectedField({ throughputMiBps: Number.NaN })).toBe('throughputMiBps');
  });

  it('rejects an I/O size outside 1 KiB to 16 MiB', () => {
    expect(rejectedField({ ioSizeKiB: 0 })).toBe('ioSizeKiB');
    expect(rejectedField({ ioSizeKiB: 16 * 1024 + 1 })).toBe('ioSizeKiB');
  });

  it('rejects a duty cycle outside (0, 1]', () => {
    expect(rejectedField({ dutyCycle: 0 })).toBe('dutyCycle');
    expect(rejectedField({ dutyCycle: 1.5 })).toBe('dutyCycle');
    expect(rejectedField({ dutyCycle: 1 })).toBe('no error');
  });
});
