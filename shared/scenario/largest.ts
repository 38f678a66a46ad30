import { utf8ByteLength } from '../text';
/**
 * The largest value a JSON Schema allows, and how many bytes it takes: every optional property
 * present, every array at maxItems, every string at maxLength of the costliest character its pattern
 * admits, every number in its longest decimal form. shared/limits.ts derives the one size limit from
 * the scenario schema with it. A schema without a maximum somewhere has no largest value: that throws,
 * naming the field.
 */

/** The JSON Schema subset zod's toJSONSchema writes for the scenario schema. */
export interface JsonSchemaNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  maxItems?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
}

/** Bytes a text takes inside a JSON string (a scenarios.import request carries the file as one). */
export const carriedBytes = (text: string): number => utf8ByteLength(JSON.stringify(text)) - 2;

// Costliest first: a control character is written \u0001 (6 bytes) and its backslash escaped again
// when the file travels as a JSON string (7); a BMP character takes 3 UTF-8 bytes; then plain ASCII.
const CHARACTERS = ['\u0001', '\u0800', 'a', '9'];

/** The longest JSON form of a number in [min, max] (17 significant digits, small fixed-point values). */
function longestNumber(min: number, max: number, integer: boolean): number {
  const candidates = [min, max];
  if (!integer) {
    for (let e = -7; e <= 20; e++) {
      const v = 1.2345678901234567 * 10 ** e;
      candidates.push(v, -v);
    }
  }
  return candidates
    .filter((v) => v >= min && v <= max)
    .reduce((best, v) => (JSON.stringify(v).length > JSON.stringify(best).length ? v : best));
}

function bounds(node: JsonSchemaNode, path: string): [number, number] {
  const integer = node.type === 'integer';
  const step = integer ? 1 : Number.EPSILON;
  const min =
    node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + step : undefined);
  const max =
    node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - step : undefined);
  if (min === undefined || max === undefined) throw new Error(`${path}: the schema sets no bound`);
  return [min, max];
}

/** The largest value of a leaf (const, enum, boolean, string, number). */
function largestScalar(node: JsonSchemaNode, path: string): unknown {
  if ('const' in node) return node.const;
  if (node.enum) {
    return node.enum.reduce((a, b) =>
      carriedBytes(JSON.stringify(b)) > carriedBytes(JSON.stringify(a)) ? b : a,
    );
  }
  switch (node.type) {
    case 'boolean':
      return false;
    case 'string': {
      if (node.maxLength === undefined) throw new Error(`${path}: the schema sets no maxLength`);
      const n = node.maxLength;
      const fits = (s: string) => !node.pattern || new RegExp(node.pattern, 'u').test(s);
      const c = CHARACTERS.find((ch) => fits(ch.repeat(n)));
      if (c === undefined) throw new Error(`${path}: no test character matches ${node.pattern}`);
      return c.repeat(n);
    }
    case 'number':
    case 'integer':
      return longestNumber(...bounds(node, path), node.type === 'integer');
    default:
      throw new Error(`${path}: unsupported schema node ${JSON.stringify(node)}`);
  }
}

const branches = (node: JsonSchemaNode) => node.oneOf ?? node.anyOf;

/**
 * Bytes of the largest value written as JSON.stringify(value, null, 2) writes it at `depth`, counted
 * as carried inside a JSON string (see carriedBytes). Arithmetic only: nothing is built.
 */
export function largestCarriedBytes(node: JsonSchemaNode, depth = 0, path = '(root)'): number {
  const nl = carriedBytes('\n');
  const indent = (d: number) => 2 * d;
  const options = branches(node);
  if (options) return largestCarriedBytes(largestBranch(options, depth, path), depth, path);
  if (node.type === 'object' && node.properties) {
    const entries = Object.entries(node.properties);
    if (entries.length === 0) return 2;
    const members = entries.reduce(
      (sum, [key, value]) =>
        sum +
        nl +
        indent(depth + 1) +
        carriedBytes(JSON.stringify(key)) +
        2 +
        largestCarriedBytes(value, depth + 1, `${path}.${key}`),
      0,
    );
    return 1 + members + (entries.length - 1) + nl + indent(depth) + 1;
  }
  if (node.type === 'array') {
    const n = node.maxItems;
    if (n === undefined || !node.items) throw new Error(`${path}: the schema sets no maxItems`);
    if (n === 0) return 2;
    const item = nl + indent(depth + 1) + largestCarriedBytes(node.items, depth + 1, `${path}[]`);
    return 1 + n * item + (n - 1) + nl + indent(depth) + 1;
  }
  return carriedBytes(JSON.stringify(largestScalar(node, path)));
}

/** The branch of a union whose largest value is the largest at this depth. */
function largestBranch(options: JsonSchemaNode[], depth: number, path: string): JsonSchemaNode {
  const sizes = options.map((b, i) => largestCarriedBytes(b, depth, `${path}|${i}`));
  return options[sizes.indexOf(Math.max(...sizes))]!;
}

/** The largest value itself (tests build it to check largestCarriedBytes against a real serialization). */
export function largestValue(node: JsonSchemaNode, depth = 0, path = '(root)'): unknown {
  const options = branches(node);
  if (options) return largestValue(largestBranch(options, depth, path), depth, path);
  if (node.type === 'object' && node.properties) {
    return Object.fromEntries(
      Object.entries(node.properties).map(([k, v]) => [k, largestValue(v, depth + 1, `${path}.${k}`)]),
    );
  }
  if (node.type === 'array') {
    if (node.maxItems === undefined || !node.items) throw new Error(`${path}: the schema sets no maxItems`);
    const item = node.items;
    return Array.from({ length: node.maxItems }, () => largestValue(item, depth + 1, `${path}[]`));
  }
  return largestScalar(node, path);
}
