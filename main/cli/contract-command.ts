import Papa from 'papaparse';
import type { CallName, CallOutput } from '@shared/contract';
import { dispatch } from '../transport/dispatch';
import { callInput, fieldMessage, openServices, refuse } from './call-input';
import { CATALOG_FLAG, contractFlags, formatFlag, HELP_FLAG, type ContractFlagOptions } from './flags';
import type { Command, Flag, OutputFormat, ParsedArgs, Positional } from './types';

type Row = Record<string, unknown>;

/** A command that is one contract call: flags from its input schema, output views of its result. */
export interface ContractCommandSpec<K extends CallName> {
  name: string;
  summary: string;
  description?: string;
  call: K;
  positionals?: Positional[];
  /** Renamed or omitted schema fields (positionals' fields are omitted already). */
  flags?: ContractFlagOptions;
  /** Flags that are not contract fields. */
  extraFlags?: Flag[];
  /** Changes the call's input by the extra flags' values; a string refuses the run with that message. */
  adjustInput?: (input: Record<string, unknown>, args: ParsedArgs) => Record<string, unknown> | string;
  examples: string[];
  /** The human table. */
  table: (value: CallOutput<K>) => string;
  /** JSON prints the call's result value; a view may pick the part that is the answer (a list's rows). */
  json?: (value: CallOutput<K>) => unknown;
  /** CSV: one row per item; columns default to every field of the items. */
  csv?: { rows: (value: CallOutput<K>) => readonly object[]; columns?: readonly string[] };
}

/** A cell: empty for null, nested values (lists, records) as their JSON text. */
const cell = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : v;

/** RFC 4180 CSV with CRLF line ends, money as the decimal strings the result carries. */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  const records = rows as readonly Row[];
  const fields = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const data = records.map((r) => fields.map((c) => cell(r[c])));
  return Papa.unparse({ fields: [...fields], data }, { newline: '\r\n' }) + '\r\n';
}

export function contractCommand<K extends CallName>(spec: ContractCommandSpec<K>): Command {
  const positionals = spec.positionals ?? [];
  const formats: OutputFormat[] = ['table', 'json', ...(spec.csv ? (['csv'] as const) : [])];
  const omit = [...(spec.flags?.omit ?? []), ...positionals.flatMap((p) => (p.field ? [p.field] : []))];
  const cmd: Command = {
    name: spec.name,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    positionals,
    flags: [
      ...contractFlags(spec.call, { ...spec.flags, omit }),
      ...(spec.extraFlags ?? []),
      formatFlag(formats),
      CATALOG_FLAG,
      HELP_FLAG,
    ],
    formats,
    examples: spec.examples,
    async run(args, ctx) {
      const built = callInput(cmd, args);
      if ('code' in built) return built;
      const input = spec.adjustInput ? spec.adjustInput(built.input, args) : built.input;
      if (typeof input === 'string') return refuse(cmd, input);
      const services = openServices(args, ctx);
      if ('code' in services) return services;
      try {
        const result = await dispatch(services.handlers, spec.call, input);
        if (!result.ok) {
          const code = result.error.code === 'internal' ? 1 : 2;
          return { ...refuse(cmd, fieldMessage(cmd, args, result.error)), code };
        }
        const value = result.value as CallOutput<K>;
        const out =
          args.format === 'json'
            ? JSON.stringify(spec.json ? spec.json(value) : value, null, 2)
            : args.format === 'csv' && spec.csv
              ? toCsv(spec.csv.rows(value), spec.csv.columns)
              : spec.table(value);
        return { code: 0, stdout: out.endsWith('\n') ? out : out + '\n', stderr: '' };
      } finally {
        services.close();
      }
    },
  };
  return cmd;
}
