import { describe, expect, it } from 'vitest';
import { CALL_NAMES, parseInput } from '@shared/contract';

describe('contract input validation', () => {
  it('applies defaults for OS, generation and sort', () => {
    const r = parseInput('catalog.instances', { region: 'us-east-1' });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value).toMatchObject({
        os: 'linux',
        generation: 'current',
        sortBy: 'instanceType',
        sortDir: 'asc',
      });
  });

  it('names the field of a malformed region', () => {
    const r = parseInput('catalog.priceOptions', { instanceType: 'm5.large', region: 'Virginia' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'region' } });
    if (!r.ok) expect(r.error.message).toContain('region code');
  });

  it('names a nested field by its path', () => {
    const r = parseInput('catalog.instances', { region: 'us-east-1', families: ['m5', 'M5!'] });
    expect(r).toMatchObject({ ok: false, error: { field: 'families.1' } });
  });

  it('rejects an unknown field by name', () => {
    const r = parseInput('catalog.regions', { sneaky: 1 });
    expect(r).toMatchObject({ ok: false, error: { field: 'sneaky' } });
  });

  it('rejects a float where money must be a decimal string', () => {
    const r = parseInput('catalog.instances', { region: 'us-east-1', maxHourlyUsd: 0.5 });
    expect(r).toMatchObject({ ok: false, error: { field: 'maxHourlyUsd' } });
  });

  it('pricing.optimize: the constraints default; a bad one is named by its path and label', () => {
    const document = { name: 'n', lines: [] };
    const r = parseInput('pricing.optimize', { document });
    expect(r.ok && r.value.constraints).toEqual({
      allow: ['ri', 'sp', 'spot'],
      maxUpfrontUsd: null,
      maxTermYears: 3,
      growthPctPerMonth: 0,
    });
    const bad = parseInput('pricing.optimize', { document, constraints: { maxTermYears: 2 } });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        field: 'constraints.maxTermYears',
        label: 'Max term (years)',
        message: 'must be 1 or 3',
      },
    });
  });

  it('lists every call once', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect(CALL_NAMES).toContain('catalog.priceOptions');
  });
});
