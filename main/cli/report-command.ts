import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseInput } from '@shared/contract';
import { formatFromFileName, REPORT_FORMATS } from '@shared/reports/formats';
import { toCallError } from '../transport/dispatch';
import { writeFileAtomic } from '../reports/write-atomic';
import { callInput, fieldMessage, openServices, refuse } from './call-input';
import { CATALOG_FLAG, contractFlags, HELP_FLAG } from './flags';
import { SCENARIO_FILE } from './scenario-commands';
import type { Command } from './types';

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

const EXTENSIONS = REPORT_FORMATS.map((f) => '.' + f);

/**
 * `report SCENARIO.json --out FILE`: writes a file rather than printing a result, so it runs the
 * reports service itself; the format comes from FILE's extension. Exit 2 for bad input, and then no
 * file is written.
 */
export const REPORT_COMMAND: Command = {
  name: 'report',
  summary: 'Writes a scenario’s cost report: PDF, Excel, CSV or JSON, by --out’s extension.',
  positionals: [SCENARIO_FILE],
  flags: [
    {
      name: 'out',
      short: 'o',
      kind: 'string',
      label: 'Output file',
      description: `the report to write; its extension (${EXTENSIONS.join(', ')}) chooses the format`,
      required: true,
      valueName: 'FILE',
    },
    ...contractFlags('reports.render', { names: { csvBom: 'bom' }, omit: ['document', 'format', 'jobId'] }),
    CATALOG_FLAG,
    HELP_FLAG,
  ],
  formats: [],
  examples: [
    'report docs/examples/web-and-batch.json --out estimate.pdf',
    'report docs/examples/web-and-batch.json --out estimate.csv --bom',
    'report docs/examples/web-and-batch.json --out estimate.pdf --paper letter',
  ],
  async run(args, ctx) {
    const given = args.values.out as string;
    const out = resolve(given);
    const format = formatFromFileName(out);
    if (!format)
      return refuse(REPORT_COMMAND, `--out: unknown extension for ${given}; use ${EXTENSIONS.join(', ')}`);
    const built = callInput(REPORT_COMMAND, args);
    if ('code' in built) return built;
    const input = parseInput('reports.render', { ...built.input, format });
    if (!input.ok) return refuse(REPORT_COMMAND, fieldMessage(REPORT_COMMAND, args, input.error));
    const why = unwritableDir(dirname(out));
    if (why) return refuse(REPORT_COMMAND, `--out: cannot write ${given} (${why})`);
    const services = openServices(args, ctx);
    if ('code' in services) return services;
    try {
      const { document: scenario, paper, csvBom } = input.value;
      const file = await services.reports.file(scenario, { format, paper, csvBom });
      try {
        await writeFileAtomic(out, file.bytes);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        return refuse(REPORT_COMMAND, `--out: cannot write ${given}: ${code}`);
      }
      return {
        code: 0,
        stdout: `${out}\n`,
        stderr: `wrote ${format.toUpperCase()} report ${out} (${sizeText(file.bytes.length)})\n`,
      };
    } catch (err) {
      const error = toCallError(err, { name: 'reports.render', input: input.value });
      if (error.code === 'invalid-input')
        return refuse(REPORT_COMMAND, fieldMessage(REPORT_COMMAND, args, error));
      return { code: 1, stdout: '', stderr: `report: ${error.message}\n` };
    } finally {
      services.close();
    }
  },
};
