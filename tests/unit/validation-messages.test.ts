import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '@shared/scenario/schema';
import { fieldLabel } from '@shared/schema-fields';
import { validate, withLabel } from '@shared/validation';

/** The one problem `schema` finds with `value`, as validate() reports it. */
function problem(schema: z.ZodType, value: unknown) {
  const r = validate(schema, value);
  if (r.ok) throw new Error('expected a problem');
  return r.problems[0];
}
const message = (schema: z.ZodType, value: unknown) => problem(schema, value).message;

describe('zod issues in plain words', () => {
  it('a number out of range says the whole range, whole or not, with its unit', () => {
    const count = z.number().int().min(1).max(10_000);
    expect(message(count, 0)).toBe('must be a whole number from 1 to 10,000');
    expect(message(count, 10_001)).toBe('must be a whole number from 1 to 10,000');
    const mibps = z.number().min(0).max(4000).meta({ unit: 'MiB/s' });
    expect(message(mibps, 4001)).toBe('must be a number from 0 to 4,000 MiB/s');
    expect(message(z.number().min(0).max(100).meta({ unit: '%' }), -1)).toBe(
      'must be a number from 0 to 100%',
    );
  });

  it('open and one-sided ranges', () => {
    expect(message(z.number().gt(0).max(1), 0)).toBe('must be a number above 0, up to 1');
    expect(message(z.number().int().min(1), 0)).toBe('must be a whole number of 1 or more');
    expect(message(z.number().positive(), -2)).toBe('must be a number above 0');
    expect(message(z.number().max(5), 6)).toBe('must be a number of 5 or less');
  });

  it('a fraction where a whole number goes, and text where a number goes', () => {
    expect(message(z.number().int().min(0).max(100_000), 1.5)).toBe(
      'must be a whole number from 0 to 100,000',
    );
    expect(message(z.number().int(), 1.5)).toBe('must be a whole number');
    expect(message(z.number(), 'four')).toBe('must be a number');
    expect(message(z.string(), 4)).toBe('must be text');
    expect(message(z.boolean(), 'yes')).toBe('must be true or false');
    expect(message(z.array(z.number()), 4)).toBe('must be a list');
  });

  it('a missing field is required, with what it takes when that is short', () => {
    const s = z.strictObject({
      count: z.number().int().min(0).max(9),
      type: z.enum(['gp3', 'gp2']),
      name: z.string(),
    });
    expect(message(s, { type: 'gp3', name: 'a' })).toBe('is required (a whole number from 0 to 9)');
    expect(message(s, { count: 1, name: 'a' })).toBe('is required (gp3 or gp2)');
    expect(message(s, { count: 1, type: 'gp3' })).toBe('is required');
  });

  it('text: empty, too long, and a pattern (its own message kept, or a plain one)', () => {
    expect(message(z.string().min(1), '')).toBe("can't be empty");
    expect(message(z.string().trim().min(1), '   ')).toBe("can't be empty");
    expect(message(z.string().min(3), 'ab')).toBe('must be at least 3 characters long');
    expect(message(z.string().max(5), 'toolong')).toBe('must be at most 5 characters long');
    const region = z
      .string()
      .regex(/^[a-z]{2}-[a-z]+-\d$/, { message: 'must be a region code such as us-east-1' });
    expect(message(region, 'Virginia')).toBe('must be a region code such as us-east-1');
    expect(message(z.string().regex(/^a+$/), 'b')).toBe('has characters or a form this field does not take');
    expect(message(z.uuid(), 'x')).toBe('must be an id such as 123e4567-e89b-12d3-a456-426614174000');
  });

  it('choices: an enum, two values, a literal, a union of literals, a discriminator', () => {
    expect(message(z.enum(['gp3', 'gp2', 'io1']), 'gp9')).toBe('must be one of gp3, gp2, io1');
    expect(message(z.enum(['standard', 'archive']), 'cold')).toBe('must be standard or archive');
    expect(message(z.literal(1), 2)).toBe('must be 1');
    expect(message(z.union([z.literal(1), z.literal(3)]), 2)).toBe('must be 1 or 3');
    const usage = z.discriminatedUnion('pattern', [
      z.object({ pattern: z.literal('constant') }),
      z.object({ pattern: z.literal('hourly') }),
      z.object({ pattern: z.literal('weekly') }),
    ]);
    expect(message(usage, { pattern: 'sometimes' })).toBe('must be one of constant, hourly, weekly');
  });

  it('lists: exact length, at least one, at most, named by their items', () => {
    const hours = z.array(z.number().meta({ title: 'Hour' })).length(3);
    expect(message(hours, [1])).toBe('must have exactly 3 hours');
    expect(message(z.array(z.enum(['mon']).meta({ title: 'Day' })).min(1), [])).toBe(
      'must have at least one day',
    );
    const volumes = z.array(z.object({}).meta({ title: 'Volume' })).max(2);
    expect(message(volumes, [{}, {}, {}])).toBe('can have at most 2 volumes');
    expect(message(z.array(z.number()).min(2), [1])).toBe('must have at least 2 items');
  });

  it('unknown keys: named, and to be removed, in the object’s words', () => {
    const line = z.strictObject({ id: z.string() }).meta({ title: 'Line' });
    expect(message(line, { id: 'a', colour: 'red' })).toBe('"colour" is not a field of a line: remove it');
    const input = z.strictObject({});
    expect(message(input, { a: 1, b: 2 })).toBe('"a" and "b" are not fields this call takes: remove them');
    const nested = z.strictObject({ inner: z.strictObject({}) });
    expect(message(nested, { inner: { x: 1 } })).toBe('"x" is not a field here: remove it');
  });

  it('a refinement’s own message is kept', () => {
    const s = z.number().refine((n) => n % 2 === 0, { message: 'must be even' });
    expect(message(s, 3)).toBe('must be even');
    expect(
      message(
        z.number().refine((n) => n > 0),
        -1,
      ),
    ).toBe('is not allowed');
  });
});

describe('field labels', () => {
  const doc = {
    name: 'Mix',
    lines: [
      { id: 'api', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 1 } },
      {
        id: 'web',
        name: 'Web tier',
        instanceType: 'm5.large',
        region: 'us-east-1',
        usage: { pattern: 'business-hours', count: 2, days: ['mon'], startHour: 8, endHour: 18 },
        volumes: [{ volumeType: 'gp3', sizeGiB: 100, snapshot: { frequency: 'daily' } }],
      },
    ],
  };

  it('names array items by position and name, then the field by its title', () => {
    expect(fieldLabel(scenarioSchema, ['lines', 1, 'volumes', 0, 'iops'], doc)).toBe(
      'Line 2 (Web tier) › Volume 1 › IOPS',
    );
    expect(fieldLabel(scenarioSchema, ['lines', 0, 'region'], doc)).toBe('Line 1 (api) › Region');
    expect(fieldLabel(scenarioSchema, ['lines', 1, 'volumes', 0, 'snapshot', 'retentionCount'], doc)).toBe(
      'Line 2 (Web tier) › Volume 1 › Snapshots kept',
    );
    expect(fieldLabel(scenarioSchema, ['name'], doc)).toBe('Scenario name');
  });

  it('without the document: positions only', () => {
    expect(fieldLabel(scenarioSchema, ['lines', 1, 'volumes', 0, 'iops'])).toBe('Line 2 › Volume 1 › IOPS');
  });

  it('a usage field by the pattern the line has', () => {
    expect(fieldLabel(scenarioSchema, ['lines', 0, 'usage', 'count'], doc)).toBe('Line 1 (api) › Instances');
    expect(fieldLabel(scenarioSchema, ['lines', 1, 'usage', 'count'], doc)).toBe(
      'Line 2 (Web tier) › Instances in hours',
    );
  });

  it('a path the schema does not have has no label', () => {
    expect(fieldLabel(scenarioSchema, ['lines', 0, 'colour'], doc)).toBeUndefined();
    expect(fieldLabel(scenarioSchema, [], doc)).toBeUndefined();
  });
});

describe('validate', () => {
  it('gives the field path, the label and the plain message; withLabel puts them on one line', () => {
    const bad = {
      name: 'Mix',
      lines: [
        {
          id: 'web',
          name: 'Web tier',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 1 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 0 }],
        },
      ],
    };
    const p = problem(scenarioSchema, bad);
    expect(p).toEqual({
      field: 'lines.0.volumes.0.sizeGiB',
      label: 'Line 1 (Web tier) › Volume 1 › Size',
      message: 'must be a whole number from 1 to 65,536 GiB',
    });
    expect(withLabel(p)).toBe(
      'Line 1 (Web tier) › Volume 1 › Size: must be a whole number from 1 to 65,536 GiB',
    );
  });

  it('an unknown key: its own path, labelled by the object it is in', () => {
    const p = problem(scenarioSchema, { name: 'x', lines: [], colour: 'red' });
    expect(p).toEqual({
      field: 'colour',
      label: undefined,
      message: '"colour" is not a field of a scenario: remove it',
    });
  });

  it('refinements name the other field by its label', () => {
    const doc = {
      name: 'x',
      lines: [
        {
          id: 'a',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'business-hours', count: 1, days: ['mon'], startHour: 18, endHour: 8 },
        },
      ],
    };
    expect(withLabel(problem(scenarioSchema, doc))).toBe(
      'Line 1 (a) › End hour: must be later than the start hour',
    );
  });
});
