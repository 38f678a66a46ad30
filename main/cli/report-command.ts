import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseInput } from '../../shared/contract';
import { formatFromFileName, REPORT_FORMATS } from '../../shared/reports/formats';
import { writeFileAtomic } from '../reports/write-atomic';
import { createServices } from '../services';
import { readScenarioFile } from './scenario-file';

export const REPORT_USAGE =
  'report SCENARIO.json --out FILE.pdf|.xlsx|.csv|.json [--paper a4|letter] [--bom]';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}
const fail = (message: string): Result => ({ code: 2, stdout: '', stderr: `report: ${message}\n` });

/** Why `dir` cannot take a new file, or null when it can. */
function unwritableDir(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder`;
    accessSync(dir, constants.W_OK);
    return null;
  } catch (err) {
    return `${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1048576).toFixed(1)} MiB`;

/** `report SCENARIO.json --out FILE`: the format comes from FILE's extension; exit 2 for bad input. */
export async function runReportCommand(args: string[], opts: { catalogPath?: string } = {}): Promise<Result> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        paper: { type: 'string' },
        bom: { type: 'boolean' },
        catalog: { type: 'string' },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\nUsage: ${REPORT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    return fail(`expected one SCENARIO.json, got ${positionals.length}\nUsage: ${REPORT_USAGE}`);
  if (!values.out) return fail(`--out FILE is required\nUsage: ${REPORT_USAGE}`);
  const scenarioArg = positionals[0]!;
  const out = resolve(values.out);
  const format = formatFromFileName(out);
  if (!format)
    return fail(
      `--out: unknown extension for ${values.out}; use ${REPORT_FORMATS.map((f) => '.' + f).join(', ')}`,
    );
  const file = readScenarioFile(scenarioArg);
  if ('error' in file) return fail(file.error);
  let document: unknown;
  try {
    document = JSON.parse(file.text) as unknown;
  } catch (err) {
    return fail(`${scenarioArg} is not valid JSON: ${(err as Error).message}`);
  }
  const input = parseInput('reports.render', {
    document,
    format,
    ...(values.paper !== undefined ? { paper: values.paper } : {}),
    csvBom: values.bom ?? false,
  });
  if (!input.ok) {
    const { field, message } = input.error;
    if (field === 'paper') return fail(`--paper: must be a4 or letter; got ${values.paper}`);
    const path = field?.startsWith('document.') ? field.slice('document.'.length) : field;
    const text = field ? message.replace(new RegExp(`^${field}: `), '') : message;
    return fail(path ? `${scenarioArg}: ${path}: ${text}` : `${scenarioArg}: ${text}`);
  }
  const why = unwritableDir(dirname(out));
  if (why) return fail(`--out: cannot write ${values.out} (${why})`);
  const catalogPath = values.catalog ?? opts.catalogPath;
  let services;
  try {
    services = createServices(catalogPath ? { catalogPath: resolve(catalogPath) } : {});
  } catch (err) {
    return fail(`catalog: ${(err as Error).message}`);
  }
  try {
    const { document: scenario, paper, csvBom } = input.value;
    const file = await services.reports.file(scenario, { format, paper, csvBom });
    try {
      await writeFileAtomic(out, file.bytes);
    } catch (err) {
      return fail(
        `--out: cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    return {
      code: 0,
      stdout: `${out}\n`,
      stderr: `wrote ${format.toUpperCase()} report ${out} (${sizeText(file.bytes.length)})\n`,
    };
  } catch (err) {
    return { code: 1, stdout: '', stderr: `report: ${(err as Error).message}\n` };
  } finally {
    services.close();
  }
}
