import { z } from 'zod';
import { utf8ByteLength } from './text';
import { scenarioSchema } from './scenario/schema';
import { largestCarriedBytes, type JsonSchemaNode } from './scenario/largest';

/** The longest file name scenarios.import takes with its text. */
export const SCENARIO_FILE_NAME_MAX = 255;

/** The scenario schema as JSON Schema (the form docs/scenario.schema.json publishes). */
export const scenarioSchemaNode = (): JsonSchemaNode =>
  z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;

/**
 * The biggest scenarios.import request body that carries this largest document as its text, given the
 * scenario JSON Schema (a parameter so tests can check the arithmetic on a smaller schema).
 */
export function largestImportRequestBytes(schema: JsonSchemaNode): number {
  const envelope = JSON.stringify({ text: '\n', fileName: '\u0001'.repeat(SCENARIO_FILE_NAME_MAX) });
  return utf8ByteLength(envelope) + largestCarriedBytes(schema);
}

/**
 * The one size limit for everything that carries scenario data: an HTTP request body (main/http),
 * an IPC call's input (main/transport/ipc.ts), a scenario file the CLI reads, and scenarios.import's text.
 *
 * Derived from the scenario schema's own maxima (shared/scenario/largest.ts): the largest valid
 * document — 2,000 lines of 8,784 hourly counts of 100,000, every string at its maximum length of
 * the costliest character — written as scenarios.export writes a file (2-space indented JSON), carried
 * as the text of a scenarios.import request. That is the biggest payload any valid call needs when
 * its JSON is written by JSON.stringify (the renderer and the CLI); every other call (a compact
 * document in scenarios.save, pricing.*, reports.render) is smaller.
 */
export const MAX_PAYLOAD_BYTES = 412_498_112;
// Written out rather than derived at start-up (deriving costs every process ~15 ms, 8 % of the CLI's
// start): tests/integration/size-limits.test.ts derives it from the schema and fails when they differ,
// so a schema change that moves the limit cannot land without updating this figure.

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The person-facing refusal, naming the size (when known) and the limit. */
export function tooLargeMessage(what: string, bytes?: number, limit: number = MAX_PAYLOAD_BYTES): string {
  const size = bytes === undefined ? 'is over' : `is ${megabytes(bytes)}, over`;
  return `${what} ${size} ${megabytes(limit)}, the most the largest valid scenario needs`;
}
