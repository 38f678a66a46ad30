/** The shapes of the CLI command registry (main/cli/registry.ts). */

export type OutputFormat = 'table' | 'json' | 'csv';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a run gets besides its arguments: a catalog chosen by the caller, where progress goes. */
export interface CliContext {
  catalogPath?: string;
  progress?: (line: string, final: boolean) => void;
  signal?: AbortSignal;
}

/** What a flag's text becomes: a string, a number, presence (boolean), one of `choices`, or a comma list. */
export type FlagKind = 'string' | 'number' | 'boolean' | 'choice' | 'list';

export interface Flag {
  /** As typed, without the dashes: `capacity-gib`. */
  name: string;
  short?: string;
  kind: FlagKind;
  /** The field's label (the contract's `title` for a contract field). */
  label: string;
  description?: string;
  /** Allowed values of a choice flag, or of each item of a list flag. */
  choices?: readonly string[];
  required?: boolean;
  /** Shown in help; the contract applies its own defaults. */
  default?: unknown;
  /** Bounds in words: "whole number, 1 to 64". */
  hint?: string;
  /** The value's placeholder in help: N, REGION, PATH. */
  valueName?: string;
  /** The contract input field the flag fills. */
  field?: string;
  /** Turns the flag's value into the field's value (as is when absent). */
  toField?: (value: unknown) => unknown;
}

export interface Positional {
  /** As written in usage: TYPE, SCENARIO.json. */
  name: string;
  label: string;
  /** The contract input field it fills. */
  field?: string;
  /** A JSON file whose parsed content is the field's value. */
  jsonFile?: boolean;
  /** Turns the argument's text into the field's value (as is when absent): "a,b" → ["a", "b"]. */
  toField?: (text: string) => unknown;
}

export interface ParsedArgs {
  /** Converted values by flag name (numbers are numbers, lists arrays); absent flags are absent. */
  values: Record<string, unknown>;
  /** The text given for each flag, for messages. */
  given: Record<string, string | boolean>;
  positionals: string[];
  format: OutputFormat;
}

/** One command of the registry: everything its parsing, help and run need. */
export interface Command {
  /** `catalog meta`, `ebs size`, `estimate`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  description?: string;
  positionals: Positional[];
  /** Every flag it takes, the common ones (--format, --catalog, --help) included. */
  flags: Flag[];
  /** Output formats, the default first; empty when the command writes a file instead. */
  formats: readonly OutputFormat[];
  /** Whole invocations after the program name, each starting with the command's name. */
  examples: string[];
  run(args: ParsedArgs, ctx: CliContext): Promise<CliResult>;
}
