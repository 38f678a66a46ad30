import { resolve } from 'node:path';
import type { CallError } from '@shared/contract';
import { createServices, type Services } from '../services';
import { readScenarioFile } from './scenario-file';
import type { CliContext, CliResult, Command, ParsedArgs } from './types';

/** Exit 2 with one line on stderr, prefixed with the command's name. */
export const refuse = (cmd: Command, message: string): CliResult => ({
  code: 2,
  stdout: '',
  stderr: `${cmd.name}: ${message}\n`,
});

/**
 * A contract call's input from parsed arguments: each positional and flag fills its field; a JSON
 * file positional is read (regular files only, within the size limit) and parsed here, and the
 * contract validates its content.
 */
export function callInput(cmd: Command, args: ParsedArgs): { input: Record<string, unknown> } | CliResult {
  const input: Record<string, unknown> = {};
  for (const [i, p] of cmd.positionals.entries()) {
    if (!p.field) continue;
    const arg = args.positionals[i]!;
    if (!p.jsonFile) {
      input[p.field] = p.toField ? p.toField(arg) : arg;
      continue;
    }
    const file = readScenarioFile(arg);
    if ('error' in file) return refuse(cmd, file.error);
    try {
      input[p.field] = JSON.parse(file.text) as unknown;
    } catch (err) {
      return refuse(cmd, `${arg} is not valid JSON: ${(err as Error).message}`);
    }
  }
  for (const flag of cmd.flags) {
    const value = args.values[flag.name];
    if (value === undefined || !flag.field) continue;
    input[flag.field] = flag.toField ? flag.toField(value) : value;
  }
  return { input };
}

/**
 * A contract error in the words of the command line: a field filled by a flag is named by the flag's
 * CLI name and its label ("--iops: must be … — IOPS; got \"-1\""), a positional by its usage name, a
 * field inside a JSON file by the file and the field's label ("web.json: Line 1 (web) › Instances: …").
 * Messages carry no field path (shared/validation-messages.ts); none is shown.
 */
export function fieldMessage(cmd: Command, args: ParsedArgs, error: CallError): string {
  const { field, message, label } = error;
  const labelled = label ? `${label}: ${message}` : message;
  if (!field) return labelled;
  const top = field.split('.')[0];
  const at = cmd.positionals.findIndex((p) => p.field === top && !p.jsonFile);
  const p = cmd.positionals[at];
  if (p) return `${p.name}: ${message} — ${p.label}; got ${JSON.stringify(args.positionals[at])}`;
  const flag = cmd.flags.find((f) => f.field === top);
  if (flag) {
    const given = args.given[flag.name];
    return `--${flag.name}: ${message} — ${flag.label}${typeof given === 'string' ? `; got ${JSON.stringify(given)}` : ''}`;
  }
  // A field of a JSON file: by its path in the input (document.…) or, from pricing, in the document.
  const file = cmd.positionals.findIndex((q) => q.jsonFile);
  return file >= 0 ? `${args.positionals[file]}: ${labelled}` : labelled;
}

/** The services on the catalog chosen by --catalog or the caller, or exit 2 when it cannot open. */
export function openServices(args: ParsedArgs, ctx: CliContext): Services | CliResult {
  const catalogPath = (args.values.catalog as string | undefined) ?? ctx.catalogPath;
  try {
    return createServices(catalogPath ? { catalogPath: resolve(catalogPath) } : {});
  } catch (err) {
    return { code: 2, stdout: '', stderr: `catalog: ${(err as Error).message}\n` };
  }
}

/**
 * The input with `patch` merged into its scenario document (what --budget-usd and --support set); a
 * document that is not an object is left for the call's own validation to refuse.
 */
export function patchDocument(
  input: Record<string, unknown>,
  patch: (document: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const document = input.document;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return input;
  return { ...input, document: { ...document, ...patch(document as Record<string, unknown>) } };
}
