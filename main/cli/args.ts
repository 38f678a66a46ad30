import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROGRAM, usageLine, valueName } from './help';
import type { Command, Flag, OutputFormat, ParsedArgs } from './types';

/** Why the arguments were refused: one line naming the flag, then how to get help. */
export interface ArgsError {
  message: string;
}

const helpHint = (cmd: Command) => `Usage: ${usageLine(cmd)}\nSee: ${PROGRAM} ${cmd.name} --help`;

/** True when the arguments ask for help (before a `--` that ends the flags). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** What follows a flag's name in a message: its label, its bounds, the text given. */
export function about(flag: Flag, given?: unknown): string {
  const hint = flag.hint ? `: ${flag.hint}` : '';
  return ` — ${flag.label}${hint}${given === undefined ? '' : `; got ${JSON.stringify(given)}`}`;
}

/** One flag's text as its kind's value, or why not. */
function convert(flag: Flag, text: string | boolean): { value: unknown } | { error: string } {
  const choiceError = (v: string) => `--${flag.name} must be ${choiceWords(flag.choices!)}; got ${v}`;
  switch (flag.kind) {
    case 'boolean':
    case 'string':
      return { value: text };
    case 'number':
      return NUMBER.test(String(text))
        ? { value: Number(text) }
        : { error: `--${flag.name} must be a number${about(flag, text)}` };
    case 'choice':
      return flag.choices!.includes(String(text)) ? { value: text } : { error: choiceError(String(text)) };
    case 'list': {
      const items = String(text)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = flag.choices ? items.find((i) => !flag.choices!.includes(i)) : undefined;
      return bad === undefined ? { value: items } : { error: choiceError(bad) };
    }
  }
}

/** node:util parseArgs's refusal in the CLI's words, naming the flag. */
function parseError(cmd: Command, err: Error & { code?: string }): string {
  const typed = /'(-[^' ]+)/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${typed}`;
  const flag = cmd.flags.find((f) => `--${f.name}` === typed || (f.short && `-${f.short}` === typed));
  if (err.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || !flag) return err.message;
  if (flag.kind === 'boolean') return `--${flag.name} takes no value${about(flag)}`;
  if (err.message.includes('ambiguous')) {
    return `--${flag.name} needs a value; one starting with a dash is written --${flag.name}=-1${about(flag)}`;
  }
  return `--${flag.name} needs a value${about(flag)}`;
}

/**
 * Parses one command's arguments with node:util parseArgs, using the command's registered flags:
 * unknown flags, missing values, wrong counts of positionals, values of the wrong kind and missing
 * required flags are refused here, each naming the flag. The contract then validates the values.
 */
export function parseCommandArgs(cmd: Command, args: string[]): ParsedArgs | ArgsError {
  const options: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
    cmd.flags.map((f) => [
      f.name,
      { type: f.kind === 'boolean' ? 'boolean' : 'string', ...(f.short ? { short: f.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    return { message: `${cmd.name}: ${parseError(cmd, err as Error)}\n${helpHint(cmd)}` };
  }
  const given = parsed.values as Record<string, string | boolean>;
  const { positionals } = parsed;
  const expected = cmd.positionals;
  if (positionals.length !== expected.length) {
    const want = expected.length
      ? expected.map((p) => `${p.field ?? p.label} (${p.name})`).join(' ')
      : 'no positional arguments';
    const got = positionals.length ? positionals.join(' ') : 'none';
    return { message: `${cmd.name}: expected ${want}, got ${got}\n${helpHint(cmd)}` };
  }
  const values: Record<string, unknown> = {};
  for (const flag of cmd.flags) {
    const text = given[flag.name];
    if (text === undefined) {
      if (flag.required) {
        return {
          message: `${cmd.name}: --${flag.name} ${valueName(flag)} is required${about(flag)}\n${helpHint(cmd)}`,
        };
      }
      continue;
    }
    const converted = convert(flag, text);
    if ('error' in converted) return { message: `${cmd.name}: ${converted.error}` };
    values[flag.name] = converted.value;
  }
  const format = (values.format as OutputFormat | undefined) ?? cmd.formats[0] ?? 'json';
  return { values, given, positionals, format };
}

/** "table or json", "one of ri, sp or spot". */
function choiceWords(choices: readonly string[]): string {
  if (choices.length <= 2) return choices.join(' or ');
  return `one of ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}
