import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import type { IpcMainInvokeEvent } from 'electron';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { registerIpc } from '../../main/transport/ipc';
import { createServices, type Services } from '../../main/services';
import { CHANNEL_PREFIX, type CallResult } from '@shared/contract';
import {
  largestImportRequestBytes,
  MAX_PAYLOAD_BYTES,
  SCENARIO_FILE_NAME_MAX,
  scenarioSchemaNode,
} from '@shared/limits';
import { largestCarriedBytes, largestValue, type JsonSchemaNode } from '@shared/scenario/largest';
import { scenarioSchema } from '@shared/scenario/schema';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the one size limit, derived from the scenario schema', () => {
  it('is exactly what the largest valid document takes as an import request (checked on 2 lines)', () => {
    // The real schema with room for 2 lines instead of 2,000, so the document can be built here.
    const schema = structuredClone(scenarioSchemaNode()) as JsonSchemaNode & {
      properties: { lines: JsonSchemaNode };
    };
    schema.properties.lines.maxItems = 2;
    const doc = largestValue(schema) as { lines: { id: string }[]; accounts: { id: string }[] };
    doc.lines[1]!.id = doc.lines[1]!.id.replace(/^./, 'b'); // ids must differ; same length
    // Account ids must differ too (same length); the lines name the first.
    doc.accounts.forEach((a, i) => (a.id = a.id.slice(0, -3) + String(i).padStart(3, '0')));
    doc.lines.forEach((l) => ((l as { account?: string }).account = doc.accounts[0]!.id));
    const parsed = scenarioSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    // As scenarios.export writes the file, carried as scenarios.import's text.
    const text = JSON.stringify(doc, null, 2) + '\n';
    const request = JSON.stringify({ text, fileName: '\u0001'.repeat(SCENARIO_FILE_NAME_MAX) });
    expect(Buffer.byteLength(request)).toBe(largestImportRequestBytes(schema));
    // One line more costs one line's bytes: 2,000 lines are 1,999 such steps past one.
    schema.properties.lines.maxItems = 1;
    const oneLine = largestImportRequestBytes(schema);
    schema.properties.lines.maxItems = 2;
    const perLine = largestImportRequestBytes(schema) - oneLine;
    expect(MAX_PAYLOAD_BYTES).toBe(oneLine + 1999 * perLine);
  });

  it('refuses to derive a limit from a schema with an unbounded field, naming it', () => {
    const unbounded: JsonSchemaNode = {
      type: 'object',
      properties: { note: { type: 'string' }, n: { type: 'number', minimum: 0, maximum: 1 } },
    };
    expect(() => largestCarriedBytes(unbounded)).toThrow('(root).note: the schema sets no maxLength');
  });
});

describe('the limit applies alike over IPC and in the CLI', () => {
  let services: Services;
  beforeAll(() => {
    services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
  });
  afterAll(() => services.close());

  it('IPC: an input over the limit gets a clear error and never reaches the handler', async () => {
    const listeners = new Map<
      string,
      (e: IpcMainInvokeEvent, input: unknown) => Promise<CallResult<unknown>>
    >();
    registerIpc(
      { handle: (c, l) => void listeners.set(c, l as never), removeHandler: (c) => void listeners.delete(c) },
      services.handlers,
      () => true,
    );
    const before = services.scenarios().list().length;
    const call = listeners.get(CHANNEL_PREFIX + 'scenarios.import')!;
    const result = await call({} as IpcMainInvokeEvent, { text: ' '.repeat(MAX_PAYLOAD_BYTES + 1_000_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(
      /^the scenarios\.import input is 413\.5 MB, over 412\.5 MB/,
    );
    expect(services.scenarios().list()).toHaveLength(before);
  });

  it('CLI: a scenario file over the limit is refused before it is read', async () => {
    // A sparse file: its size is over the limit, yet it takes no disk space.
    const big = join(dir, 'big.json');
    closeSync(openSync(big, 'w'));
    truncateSync(big, MAX_PAYLOAD_BYTES + 10_000_000);
    const opts = { catalogPath: inject('catalogPath') };
    const estimate = await runCli(['estimate', big], opts);
    expect(estimate.code).toBe(2);
    expect(estimate.stderr).toBe(
      `estimate: ${big} is 422.5 MB, over 412.5 MB, the most the largest valid scenario needs\n`,
    );
    const report = await runCli(['report', big, '--out', join(dir, 'r.csv')], opts);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/^report: .*big\.json is 422\.5 MB, over 412\.5 MB/);
    // A file under the limit still goes through to the contract's own checks.
    writeFileSync(join(dir, 'small.json'), '{"name":"s","lines":[]}');
    expect((await runCli(['estimate', join(dir, 'small.json'), '--format', 'json'], opts)).code).toBe(0);
  });
});
