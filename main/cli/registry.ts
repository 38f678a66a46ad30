import { CATALOG_COMMANDS } from './catalog-commands';
import { EBS_COMMANDS } from './ebs-commands';
import { FIND_COMMAND } from './find-command';
import { REGIONS_COMMAND, withAllRegions } from './region-commands';
import { IMPORT_COMMAND } from './import-command';
import { REPORT_COMMAND } from './report-command';
import { SCENARIO_COMMANDS } from './scenario-commands';
import { OPTIMIZE_COMMAND } from './optimize-command';
import type { Command } from './types';

/**
 * The one list of CLI commands. Each declares its name, arguments, flags (a contract call's derived
 * from its input schema), output formats, examples and run; parsing, `--help` and the command list
 * are generated from it (main/cli.ts).
 */
export const COMMANDS: readonly Command[] = [
  // `price TYPE --region all` lists every region (main/cli/region-commands.ts).
  ...CATALOG_COMMANDS.map((c) => (c.name === 'price' ? withAllRegions(c) : c)),
  FIND_COMMAND,
  REGIONS_COMMAND,
  ...EBS_COMMANDS,
  ...SCENARIO_COMMANDS,
  OPTIMIZE_COMMAND,
  REPORT_COMMAND,
  IMPORT_COMMAND,
];

/** The command named by the first one or two words of `argv`, and the arguments after its name. */
export function findCommand(argv: readonly string[]): { cmd: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const cmd = COMMANDS.find((c) => c.name === name);
    if (cmd && argv.length >= words) return { cmd, rest: argv.slice(words) };
  }
  return null;
}

/** The commands under a first word such as `ebs` (empty when it is no group). */
export const commandsUnder = (group: string): Command[] =>
  COMMANDS.filter((c) => c.name.startsWith(group + ' '));
