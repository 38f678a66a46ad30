import pkg from '../../package.json' with { type: 'json' };
import type { Command, Flag } from './types';

/**
 * The command a person types (package.json "bin"; `npx ec2-planner` in the project folder, or after a
 * global install); help text and examples are written after it.
 */
export const PROGRAM = 'ec2-planner';

export const VERSION: string = pkg.version;

const WIDTH = 100;

/** The value's placeholder in usage and help: the choices when few and short, else a name. */
export function valueName(flag: Flag): string {
  if (flag.kind === 'boolean') return '';
  if (flag.valueName) return flag.valueName;
  if (flag.kind === 'choice' && flag.choices && flag.choices.join('|').length <= 32) {
    return flag.choices.join('|');
  }
  if (flag.kind === 'number') return 'N';
  const name = flag.name.toUpperCase().replace(/-/g, '_');
  return flag.kind === 'list' ? `${name},…` : name;
}

const flagText = (f: Flag) => `--${f.name}${f.kind === 'boolean' ? '' : ' ' + valueName(f)}`;

/** `ebs size --region REGION --capacity-gib N … [flags]`: positionals and required flags spelled out. */
export function usageLine(cmd: Command): string {
  const required = cmd.flags.filter((f) => f.required).map(flagText);
  const optional = cmd.flags.some((f) => !f.required) ? ['[flags]'] : [];
  return [PROGRAM, cmd.name, ...cmd.positionals.map((p) => p.name), ...required, ...optional].join(' ');
}

/** Words wrapped to the width, every line after the first indented to `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

/** Two aligned columns: a name, then its explanation wrapped beside it. */
function columns(rows: [string, string][]): string[] {
  const left = Math.min(30, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows.map(([l, r]) =>
    l.length + 2 > left
      ? `  ${l}\n${' '.repeat(left + 2)}${wrap(r, left + 2)}`
      : `  ${l.padEnd(left)}${wrap(r, left + 2)}`,
  );
}

function flagHelp(f: Flag): string {
  const parts = [`${f.label}${f.required ? ' (required)' : ''}${f.description ? ': ' + f.description : ''}`];
  if (f.hint) parts.push(f.hint);
  if (f.choices && !valueName(f).includes('|')) parts.push(`one of ${f.choices.join(', ')}`);
  if (f.kind === 'list') parts.push('comma-separated');
  if (f.default !== undefined && f.kind !== 'boolean') parts.push(`default ${String(f.default)}`);
  return parts.join('; ');
}

/** `<command> --help`: usage, what it does, its arguments and flags, output formats, examples. */
export function commandHelp(cmd: Command): string {
  const out = [
    `Usage: ${usageLine(cmd)}`,
    '',
    wrap(cmd.summary + (cmd.description ? ' ' + cmd.description : ''), 0),
  ];
  if (cmd.positionals.length) {
    out.push('', 'Arguments:', ...columns(cmd.positionals.map((p) => [p.name, p.label])));
  }
  out.push(
    '',
    'Flags:',
    ...columns(cmd.flags.map((f) => [`${f.short ? `-${f.short}, ` : ''}${flagText(f)}`, flagHelp(f)])),
  );
  if (cmd.formats.length) {
    out.push('', `Output: ${cmd.formats.map((f, i) => (i === 0 ? `${f} (default)` : f)).join(', ')}`);
  }
  out.push('', `Examples (after ${PROGRAM}):`, ...cmd.examples.map((e) => '  ' + e));
  return out.join('\n') + '\n';
}

/** `--help`: the commands with their one-line summaries, under the program's name unless `heading` is false. */
export function overview(commands: readonly Command[], { heading = true } = {}): string {
  return (
    [
      ...(heading ? [`${pkg.name} ${VERSION}: ${pkg.description}`, ''] : []),
      `Usage: ${PROGRAM} <command> [arguments] [flags]`,
      `       ${PROGRAM} <command> --help    flags, output formats and examples of one command`,
      `       ${PROGRAM} --version`,
      '',
      'Commands:',
      ...columns(commands.map((c) => [c.name, c.summary])),
      '',
      'Tables are for reading; --format json prints the result as data (money as decimal strings).',
      'Exit status: 0 done, 2 bad input (the message names the flag), 1 any other failure.',
    ].join('\n') + '\n'
  );
}
