import { z } from 'zod';

/**
 * Where a field path leads in a zod schema, and what a person calls it there. A field's label is its
 * `title` meta (set once, on the schema: shared/scenario/schema.ts, shared/contract.ts); an array item
 * is its element's title and position, with the item's name when the document is known:
 * `lines.1.volumes.0.iops` → "Line 2 (Web tier) › Volume 1 › IOPS".
 */

export type FieldPath = readonly PropertyKey[];

/** The parts of a schema's definition read here (zod 4 keeps them on `_zod.def`). */
interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
  entries?: Record<string, string | number>;
}

export const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema inside optional/default/… wrappers, a pipe's input and a lazy schema's target. */
function inner(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return def.innerType;
  if (def.type === 'pipe') return def.in;
  if (def.type === 'lazy') return def.getter?.();
  return undefined;
}

/** The schema a value is checked against, with its wrappers taken off. */
export function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (let next = inner(s); next; next = inner(s)) s = next;
  return s;
}

/** One meta entry of a schema or of any schema it wraps (the outermost wins). */
export function metaOf(schema: z.core.$ZodType, key: 'title' | 'unit' | 'description'): string | undefined {
  for (let s: z.core.$ZodType | undefined = schema; s; s = inner(s)) {
    const value = (z.globalRegistry.get(s) as Record<string, unknown> | undefined)?.[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export const titleOf = (schema: z.core.$ZodType): string | undefined => metaOf(schema, 'title');

const isRecord = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;

/** The values a literal or enum schema accepts. */
export function acceptedValues(schema: z.core.$ZodType): readonly unknown[] | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'literal') return def.values;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  return undefined;
}

/** A union's option for `value`: by its discriminator when it has one, else the first that has `key`. */
function optionFor(union: Def, key: PropertyKey, value: unknown): z.core.$ZodType | undefined {
  const options = union.options ?? [];
  const tag = union.discriminator;
  if (tag !== undefined && isRecord(value)) {
    const chosen = options.find((o) => {
      const field = defOf(unwrap(o)).shape?.[tag];
      return field !== undefined && (acceptedValues(field) ?? []).includes(value[tag]);
    });
    if (chosen) return chosen;
  }
  return options.find((o) => childOf(o, key, value) !== undefined);
}

/** The schema of `key` inside `schema` (a field of an object, an array's items…), given the value there. */
export function childOf(
  schema: z.core.$ZodType,
  key: PropertyKey,
  value: unknown,
): z.core.$ZodType | undefined {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'object':
      return typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key)
        ? def.shape[key]
        : undefined;
    case 'array':
      return typeof key === 'number' ? def.element : undefined;
    case 'tuple':
      return typeof key === 'number' ? def.items?.[key] : undefined;
    case 'record':
      return def.valueType;
    case 'union': {
      const option = optionFor(def, key, value);
      return option ? childOf(option, key, value) : undefined;
    }
    default:
      return undefined;
  }
}

const isArray = (schema: z.core.$ZodType): boolean => defOf(unwrap(schema)).type === 'array';

/** What an array item is called after its position: its `name`, else its `id` ("Line 2 (Web tier)"). */
function itemName(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  for (const key of ['name', 'id']) {
    const v = item[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 60);
  }
  return undefined;
}

/** "baseRevision" → "base revision": a last resort for a field that has no title. */
const humanize = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A field path as a person reads it: each array item by its element's title and position (with its
 * name when `value`, the document, is given), then the field's title. Objects on the way are not named
 * (their items and fields say enough); undefined when the path is empty or leads nowhere in `schema`.
 */
export function fieldLabel(schema: z.core.$ZodType, path: FieldPath, value?: unknown): string | undefined {
  const parts: string[] = [];
  let node = schema;
  let v = value;
  for (const [i, key] of path.entries()) {
    const child = childOf(node, key, v);
    if (!child) return undefined;
    const next = isRecord(v) ? v[key] : undefined;
    if (isArray(node) && typeof key === 'number') {
      const name = itemName(next);
      parts.push(`${titleOf(child) ?? 'Item'} ${key + 1}${name ? ` (${name})` : ''}`);
    } else if (i === path.length - 1) {
      parts.push(titleOf(child) ?? humanize(String(key)));
    }
    node = child;
    v = next;
  }
  return parts.length ? parts.join(' › ') : undefined;
}

/** "Line" → "line", "EBS volume" stays: what a title reads as inside a sentence. */
export function inSentence(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}
