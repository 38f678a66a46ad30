import { describe, expect, it } from 'vitest';
import { isRegionCode, parseDecimalText } from '@shared/validation';

describe('parseDecimalText', () => {
  it('reads a plain non-negative decimal, ignoring surrounding space', () => {
    expect(parseDecimalText(' 1024 ')).toBe(1024);
    expect(parseDecimalText('0.5')).toBe(0.5);
  });

  it('refuses signs, exponents, hex, a bare point and empty text', () => {
    for (const text of ['-1', '+1', '1e3', '0x10', '.5', '5.', '', '  ', 'NaN', 'Infinity']) {
      expect(parseDecimalText(text), text).toBeNull();
    }
  });

  it('holds the number of digits on each side of the point to the rules', () => {
    expect(parseDecimalText('123456', { wholeDigits: 6, decimals: 0 })).toBe(123456);
    expect(parseDecimalText('1234567', { wholeDigits: 6, decimals: 0 })).toBeNull();
    expect(parseDecimalText('1.5', { wholeDigits: 6, decimals: 0 })).toBeNull();
    expect(parseDecimalText('2.125', { decimals: 3 })).toBe(2.125);
    expect(parseDecimalText('2.1255', { decimals: 3 })).toBeNull();
  });

  it('reads thousands in groups of three only when asked, with one separator throughout', () => {
    expect(parseDecimalText('1,024')).toBeNull();
    expect(parseDecimalText('1,024', { grouped: true })).toBe(1024);
    expect(parseDecimalText('20 000', { grouped: true })).toBe(20000);
    expect(parseDecimalText('1,234,567.5', { grouped: true })).toBe(1234567.5);
    expect(parseDecimalText('1,24', { grouped: true })).toBeNull();
    expect(parseDecimalText('1,234 567', { grouped: true })).toBeNull();
  });
});

describe('isRegionCode', () => {
  it('accepts AWS region codes and refuses zones and names', () => {
    expect(['us-east-1', 'ap-northeast-2', 'us-gov-west-1'].every(isRegionCode)).toBe(true);
    expect(['us-east-1a', 'us-east-1-bos-1', 'virginia', 'US-EAST-1'].some(isRegionCode)).toBe(false);
  });
});
