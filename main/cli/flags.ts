import { contract, type CallName } from '@shared/contract';
import type { Flag, OutputFormat } from './types';

/**
 * Flags derived from a contract call's zod input schema: one per top-level field, named in kebab case
 * (`capacityGiB` → `--capacity-gib`), with the field's label and meaning (its `title`/`description`
 * meta), whether it is required, its default, its choices and its numeric bounds.
 */

/** The parts of a zod schema's definition read here (zod 4 keeps them on `def`). */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  element?: Schema;
  entries?: Record<string, string>;
  values?: readonly unknown[];
  shape?: Record<string, Schema>;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string } } }[];
}
interface Schema {
  def: SchemaDef;
  meta(): { title?: string; description?: string } | undefined;
}

/** `minMemoryGiB` → `min-memory-gib`, `throughputMiBps` → `throughput-mibps`: units stay one word. */
export const kebab = (field: string): string =>
  field.replace(/[KMG]iB(?:ps)?|[MG]Bps|[A-Z]/g, (m) => '-' + m.toLowerCase());

/** The number's bounds in words, from the schema's checks: "whole number, above 0, at most 64". */
function numberHint(schema: Schema): string | undefined {
  const words: string[] = [];
  for (const { _zod } of schema.def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'number_format' && c.format?.includes('int')) words.push('whole number');
    if (c.check === 'greater_than') words.push(`${c.inclusive ? 'at least' : 'above'} ${String(c.value)}`);
    if (c.check === 'less_than') words.push(`${c.inclusive ? 'at most' : 'below'} ${String(c.value)}`);
  }
  return words.length ? words.join(', ') : undefined;
}

/** A flag for one field: its wrappers (optional, default, nullable) tell required and default; the core its kind. */
function fieldFlag(where: string, field: string, outer: Schema, name: string, valueName?: string): Flag {
  let schema = outer;
  let label = outer.meta();
  let required = true;
  let fallback: unknown;
  while (['optional', 'default', 'nullable'].includes(schema.def.type)) {
    required = false;
    if (schema.def.type === 'default') fallback = schema.def.defaultValue;
    schema = schema.def.innerType!;
    label ??= schema.meta();
  }
  const base = {
    name,
    field,
    label: label?.title ?? field,
    ...(label?.description ? { description: label.description } : {}),
    ...(required ? { required } : {}),
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(valueName ? { valueName } : {}),
  };
  switch (schema.def.type) {
    case 'string':
      return { ...base, kind: 'string' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'number': {
      const hint = numberHint(schema);
      return { ...base, kind: 'number', ...(hint ? { hint } : {}) };
    }
    case 'enum':
      return { ...base, kind: 'choice', choices: Object.values(schema.def.entries!) };
    case 'literal': {
      // z.literal([1, 3]): a choice; numbers are typed as text and given to the field as numbers.
      const values = schema.def.values ?? [];
      const numeric = values.every((v) => typeof v === 'number');
      return {
        ...base,
        kind: 'choice',
        choices: values.map(String),
        ...(numeric ? { toField: (v: unknown) => Number(v) } : {}),
      };
    }
    case 'array': {
      const item = schema.def.element!;
      return {
        ...base,
        kind: 'list',
        ...(item.def.type === 'enum' ? { choices: Object.values(item.def.entries!) } : {}),
      };
    }
    default:
      throw new Error(`${where}.${field}: a ${schema.def.type} field has no CLI flag; omit it or map it`);
  }
}

export interface ContractFlagOptions {
  /** A flag name other than the field's kebab case: `{ instanceType: 'instance' }`. */
  names?: Record<string, string>;
  /** A placeholder for the value in help other than the flag's name: `{ instanceType: 'TYPE' }`. */
  valueNames?: Record<string, string>;
  /** Fields that are not flags (positionals, or not offered on the command line). */
  omit?: readonly string[];
}

/** One flag per field of `call`'s input schema, in the schema's order. */
export function contractFlags(call: CallName, opts: ContractFlagOptions = {}): Flag[] {
  return objectFlags(call, contract[call].input, opts);
}

/**
 * One flag per field of an object schema (a contract call's input, or an object field of it such as
 * pricing.optimize's constraints); `where` names it in the error for a field no flag can fill.
 */
export function objectFlags(where: string, object: unknown, opts: ContractFlagOptions = {}): Flag[] {
  const shape = (object as Schema).def.shape ?? {};
  return Object.entries(shape)
    .filter(([field]) => !opts.omit?.includes(field))
    .map(([field, schema]) =>
      fieldFlag(where, field, schema, opts.names?.[field] ?? kebab(field), opts.valueNames?.[field]),
    );
}

/** The label of one field of `call`'s input (for positionals), or the field's name when it has none. */
export function fieldLabel(call: CallName, field: string): string {
  const shape = (contract[call].input as unknown as Schema).def.shape ?? {};
  let schema = shape[field];
  while (schema) {
    const title = schema.meta()?.title;
    if (title) return title;
    schema = schema.def.innerType;
  }
  return field;
}

export const HELP_FLAG: Flag = {
  name: 'help',
  short: 'h',
  kind: 'boolean',
  label: 'Help',
  description: 'show this help',
};

export const CATALOG_FLAG: Flag = {
  name: 'catalog',
  kind: 'string',
  label: 'Catalog',
  description:
    'price catalog file (default: PLANNER_CATALOG, else the imported catalog, else the shipped one)',
  valueName: 'PATH',
};

export const formatFlag = (formats: readonly OutputFormat[]): Flag => ({
  name: 'format',
  kind: 'choice',
  label: 'Output format',
  choices: formats,
  default: formats[0],
  description: 'json prints the result as data, money as decimal strings',
});
