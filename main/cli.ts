#!/usr/bin/env node
/**
 * `ec2-planner <command>` (package.json "bin", bundled to dist-cli/ec2-planner.mjs by
 * scripts/build-cli.ts; from the sources `npm run --silent cli -- <command>`): the same services from
 * a terminal. Every command, its flags, help and output formats are declared once in the registry
 * (main/cli/registry.ts). Human tables by default, `--format json` prints the call's result (money as
 * decimal strings); errors on stderr, exit 2 for bad input naming the flag.
 */
import { writeSync } from 'node:fs';
import { parseCommandArgs, wantsHelp } from './cli/args';
import { commandHelp, overview, PROGRAM, VERSION } from './cli/help';
import { COMMANDS, commandsUnder, findCommand } from './cli/registry';
import type { CliContext, CliResult } from './cli/types';
import { isEntryPoint } from './entry-point';

export type { CliResult } from './cli/types';

const ok = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });

/** Runs one CLI invocation; returns what to print and the exit code (testable without a process). */
export async function runCli(argv: string[], ctx: CliContext = {}): Promise<CliResult> {
  const [first = '', ...after] = argv;
  if (argv.length === 0 || first === '--help' || first === '-h') return ok(overview(COMMANDS));
  if (first === '--version' || first === '-V') return ok(VERSION + '\n');
  if (first === 'help') return runCli(after.length ? [...after, '--help'] : [], ctx);
  const found = findCommand(argv);
  if (!found) {
    // `ebs --help` lists the group's commands; `ebs` alone is missing its command.
    const group = commandsUnder(first);
    if (group.length && wantsHelp(after)) return ok(overview(group, { heading: false }));
    if (group.length && after.length === 0) {
      return {
        code: 2,
        stdout: '',
        stderr: `${first}: name a command\n\n${overview(group, { heading: false })}`,
      };
    }
    return { code: 2, stdout: '', stderr: `Unknown command: ${argv.join(' ')}\n\n${overview(COMMANDS)}` };
  }
  const { cmd, rest } = found;
  if (wantsHelp(rest)) return ok(commandHelp(cmd));
  const args = parseCommandArgs(cmd, rest);
  if ('message' in args) return { code: 2, stdout: '', stderr: args.message + '\n' };
  return cmd.run(args, ctx);
}

/**
 * Output for a terminal or a pipe. A reader that closes early (`| head -1`) is no failure: the
 * command's work is done, so EPIPE on stdout ends the process quietly with 0; on stderr (progress)
 * the rest of what would be said there is dropped and the command carries on.
 */
async function main(): Promise<void> {
  let stderrOpen = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    try {
      if (stderrOpen) writeSync(2, `${PROGRAM}: cannot write the output: ${err.code ?? err.message}\n`);
    } finally {
      process.exit(1);
    }
  });
  process.stderr.on('error', () => {
    stderrOpen = false;
  });
  const toStderr = (text: string) => {
    if (stderrOpen) process.stderr.write(text);
  };
  const r = await runCli(process.argv.slice(2), {
    progress: (line, final) =>
      toStderr(process.stderr.isTTY ? `\r${line}\u001b[K${final ? '\n' : ''}` : line + '\n'),
  });
  process.exitCode = r.code;
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) toStderr(r.stderr);
}

if (isEntryPoint(import.meta.url)) await main();
