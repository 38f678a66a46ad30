/**
 * `npm run --silent cli -- <command>`: the same services from a terminal. JSON on stdout with
 * `--format json` (money as decimal strings), human tables otherwise; errors on stderr, exit 2 for bad input.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS as CATALOG_COMMANDS, type CliCommand } from './cli/commands';
import { REPORT_USAGE, runReportCommand } from './cli/report-command';
import { SCENARIO_COMMANDS } from './cli/scenario-commands';
import { IMPORT_USAGE, runImportCommand } from './cli/import-command';
import { readScenarioFile } from './cli/scenario-file';
import { dispatch } from './dispatch';
import { createServices } from './services';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const COMMANDS: Record<string, CliCommand> = { ...CATALOG_COMMANDS, ...SCENARIO_COMMANDS };

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

function usage(): string {
  return [
    'Usage: npm run --silent cli -- <command>',
    '',
    ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
    '  ' + REPORT_USAGE,
    '  ' + IMPORT_USAGE,
  ].join('\n');
}

function findCommand(args: string[]): { name: string; cmd: CliCommand; rest: string[] } | null {
  const two = args.slice(0, 2).join(' ');
  if (COMMANDS[two]) return { name: two, cmd: COMMANDS[two], rest: args.slice(2) };
  const one = args[0] ?? '';
  if (COMMANDS[one]) return { name: one, cmd: COMMANDS[one], rest: args.slice(1) };
  return null;
}

/** Runs one CLI invocation; returns what to print and the exit code (testable without a process). */
export async function runCli(
  argv: string[],
  opts: { catalogPath?: string; progress?: (line: string, final: boolean) => void } = {},
): Promise<CliResult> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help')
    return { code: 0, stdout: usage() + '\n', stderr: '' };
  // Long-running, with live progress: a direct service call rather than a contract command.
  if (argv[0] === 'import') return runImportCommand(argv.slice(1), opts);
  // Writes a file rather than printing a call's result, so it has its own runner.
  if (argv[0] === 'report') return runReportCommand(argv.slice(1), opts);
  const found = findCommand(argv);
  if (!found) return { code: 2, stdout: '', stderr: `Unknown command: ${argv.join(' ')}\n\n${usage()}\n` };
  const { name, cmd, rest } = found;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(Object.entries(cmd.options).map(([flag, o]) => [flag, { type: o.type }])),
        format: { type: 'string' },
        catalog: { type: 'string' },
      },
    });
  } catch (err) {
    return { code: 2, stdout: '', stderr: `${name}: ${(err as Error).message}\nUsage: ${cmd.usage}\n` };
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = (values.format as string | undefined) ?? 'table';
  const formats = cmd.toCsv ? ['json', 'table', 'csv'] : ['json', 'table'];
  if (!formats.includes(format)) {
    return { code: 2, stdout: '', stderr: `--format: must be ${formats.join(', ')}; got ${format}\n` };
  }
  const expected = cmd.positionals ?? [];
  if (positionals.length !== expected.length) {
    return {
      code: 2,
      stdout: '',
      stderr: `${name}: expected ${expected.length ? expected.join(' ') : 'no positional arguments'}, got ${positionals.length ? positionals.join(' ') : 'none'}\nUsage: ${cmd.usage}\n`,
    };
  }
  const input: Record<string, unknown> = { ...cmd.fixed };
  for (const [i, field] of expected.entries()) {
    const arg = positionals[i]!;
    if (!cmd.jsonFilePositionals) {
      input[field] = arg;
      continue;
    }
    // A scenario file: read and parse here; the contract validates its content and names the field.
    const file = readScenarioFile(arg);
    if ('error' in file) return { code: 2, stdout: '', stderr: `${name}: ${file.error}\n` };
    try {
      input[field] = JSON.parse(file.text) as unknown;
    } catch (err) {
      return {
        code: 2,
        stdout: '',
        stderr: `${name}: ${arg} is not valid JSON: ${(err as Error).message}\n`,
      };
    }
  }
  for (const [flag, o] of Object.entries(cmd.options)) {
    const v = values[flag];
    if (v === undefined) continue;
    if (o.field === 'sortDir') input.sortDir = v ? 'desc' : 'asc';
    else if (o.field === 'families') input.families = String(v).split(',');
    else input[o.field] = o.number ? Number(v) : v;
  }
  const flagFor = (field: string) => {
    const top = field.split('.')[0]!;
    const fileIndex = cmd.jsonFilePositionals ? expected.indexOf(top) : -1;
    if (fileIndex >= 0) return `${positionals[fileIndex]}: ${field.split('.').slice(1).join('.') || top}`;
    const entry = Object.entries(cmd.options).find(([, o]) => o.field === top);
    return entry ? `--${entry[0]}` : expected.includes(top) ? top.toUpperCase() : `--${kebab(top)}`;
  };
  const catalogPath = (values.catalog as string | undefined) ?? opts.catalogPath;
  let services;
  try {
    services = createServices(catalogPath ? { catalogPath: resolve(catalogPath) } : {});
  } catch (err) {
    return { code: 2, stdout: '', stderr: `catalog: ${(err as Error).message}\n` };
  }
  try {
    const result = await dispatch(services.handlers, cmd.call, input);
    if (!result.ok) {
      const e = result.error;
      const msg = e.field
        ? `${flagFor(e.field)}: ${e.message.replace(new RegExp(`^${e.field}: `), '')}`
        : e.message;
      return { code: e.code === 'internal' ? 1 : 2, stdout: '', stderr: `${name}: ${msg}\n` };
    }
    const value = result.value as never;
    const out =
      format === 'json'
        ? JSON.stringify(cmd.toJson(value), null, 2)
        : format === 'csv' && cmd.toCsv
          ? cmd.toCsv(value)
          : cmd.toText(value);
    return { code: 0, stdout: out.endsWith('\n') ? out : out + '\n', stderr: '' };
  } finally {
    services.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const r = await runCli(process.argv.slice(2), {
    progress: (line, final) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K${final ? '\n' : ''}`);
      else process.stderr.write(line + '\n');
    },
  });
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
