import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FORM,
  RULES,
  parseNumber,
  parseSnapshotForm,
  toFitInput,
  DEFAULT_SNAPSHOT,
} from '../../../renderer/src/screens/ebs/sizing-state';

/** What the EBS form says about a typed figure: one sentence naming the field, what is wrong, what it takes. */
const message = (text: string, rule: Parameters<typeof parseNumber>[1]): string => {
  const parsed = parseNumber(text, rule);
  return parsed.ok ? `accepted ${parsed.value}` : parsed.message;
};

describe('EBS sizing form messages', () => {
  it('says a negative capacity cannot be, and the range it takes', () => {
    expect(message('-100', RULES.capacityGiB)).toBe("Capacity can't be negative: enter 1 to 4,194,304 GiB.");
    expect(message('−100', RULES.capacityGiB)).toBe("Capacity can't be negative: enter 1 to 4,194,304 GiB.");
  });

  it('says how far 10 PB is beyond the largest stripe, 64 volumes of 64 TiB', () => {
    // 64 × 65,536 GiB = 4,194,304 GiB; 10 PB typed as 10,000,000 GiB
    expect(message('10000000', RULES.capacityGiB)).toBe(
      '10,000,000 GiB is more than the 4,194,304 GiB the largest stripe can hold (64 volumes of 64 TiB).',
    );
    // Digits beyond what a 9-digit field held are still read as a (too large) number, not "not a number".
    expect(message('10000000000000', RULES.capacityGiB)).toBe(
      '10,000,000,000,000 GiB is more than the 4,194,304 GiB the largest stripe can hold (64 volumes of 64 TiB).',
    );
  });

  it('asks for digits without a unit, for an empty field what it takes, and at least 1 GiB', () => {
    expect(message('10PB', RULES.capacityGiB)).toBe(
      'Capacity must be a number, digits only with no unit: enter 1 to 4,194,304 GiB.',
    );
    expect(message('', RULES.capacityGiB)).toBe('Capacity is empty: enter 1 to 4,194,304 GiB.');
    expect(message('0', RULES.capacityGiB)).toBe(
      'Capacity must be at least 1 GiB: enter 1 to 4,194,304 GiB.',
    );
    expect(message('2048', RULES.capacityGiB)).toBe('accepted 2048');
    expect(message('1.23456', RULES.capacityGiB)).toBe('Capacity takes at most 4 decimal places.');
  });

  it('words whole numbers, exclusive minimums and percentages plainly', () => {
    expect(message('2.5', RULES.maxStripeVolumes)).toBe(
      'Max volumes must be a whole number: enter a whole number, 1 to 64 volumes.',
    );
    expect(message('65', RULES.maxStripeVolumes)).toBe(
      '65 volumes is more than the 64 volumes a stripe can have.',
    );
    expect(message('0', RULES.dutyCyclePct)).toBe(
      'Duty cycle must be more than 0%: enter more than 0%, up to 100%, or leave it empty for a peak that lasts all day.',
    );
    expect(message('150', RULES.dutyCyclePct)).toBe(
      'A duty cycle of 150% is more than the whole day (100%).',
    );
    expect(message('20000', RULES.ioSizeKiB)).toBe(
      'An I/O size of 20,000 KiB is more than the largest, 16,384 KiB (16 MiB).',
    );
  });

  it('gives the form one sentence per field, naming it, and sends nothing while any is wrong', () => {
    const { input, errors } = toFitInput(
      { ...DEFAULT_FORM, capacityGiB: '-100', iops: 'lots', instanceType: 'm9.huge' },
      'iops',
      { text: 'm9.huge', known: false },
    );
    expect(input).toBeNull();
    expect(errors).toEqual({
      capacityGiB: "Capacity can't be negative: enter 1 to 4,194,304 GiB.",
      iops: 'IOPS must be a number, digits only with no unit: enter 0 to 100,000,000 IOPS.',
      instanceType: 'Instance type m9.huge is not in the catalog for us-east-1: pick one from the list.',
    });
  });

  it('names the snapshot fields the same way', () => {
    const { policy, errors } = parseSnapshotForm({
      ...DEFAULT_SNAPSHOT,
      retentionCount: '0',
      usedPct: '120',
    });
    expect(policy).toBeNull();
    expect(errors).toEqual({
      retentionCount:
        'Snapshots kept must be at least 1 snapshot: enter a whole number, 1 to 10,000 snapshots.',
      usedPct: '120% used is more than the whole volume (100%).',
    });
  });
});
