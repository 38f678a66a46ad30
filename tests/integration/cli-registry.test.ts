import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { COMMANDS } from '../../main/cli/registry';
import { dispatch } from '../../main/transport/dispatch';
import { createServices } from '../../main/services';
import { contract } from '@shared/contract';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'main', 'cli.ts');
const POSIX = process.platform !== 'win32';
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-cli-registry-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help from the registry', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s --help exits 0 with its usage, every flag and an example',
    async (name, cmd) => {
      const r = await cli(...name.split(' '), '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^Usage: ec2-planner ${name}\\b`));
      expect(lines.some((l) => l.trim().startsWith(`${name} `))).toBe(true);
      for (const f of cmd.flags) expect(r.stdout).toContain(`--${f.name}`);
      // -h and `help <command>` say the same.
      expect((await cli(...name.split(' '), '-h')).stdout).toBe(r.stdout);
      expect((await cli('help', ...name.split(' '))).stdout).toBe(r.stdout);
    },
  );

  it('--help lists every command; --version prints package.json’s version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${c.name}  `, 'm'));
    expect((await cli()).stdout).toBe(help.stdout);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('a group word lists its commands: ebs --help exits 0, ebs alone exits 2', async () => {
    const help = await cli('ebs', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ebs size');
    expect(help.stdout).not.toContain('catalog meta');
    const alone = await cli('ebs');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^ebs: name a command\n[\s\S]*ebs cost/);
  });
});

describe('flags derived from the contract', () => {
  it('ebs size has one flag per ebs.size input field, labelled with the field’s title', () => {
    const cmd = COMMANDS.find((c) => c.name === 'ebs size')!;
    const shape = contract['ebs.size'].input.shape;
    for (const [field, schema] of Object.entries(shape)) {
      const flag = cmd.flags.find((f) => f.field === field);
      expect(flag, field).toBeDefined();
      const title =
        schema.meta()?.title ?? (schema as { unwrap?: () => typeof schema }).unwrap?.().meta()?.title;
      expect(flag!.label).toBe(title);
    }
    expect(cmd.flags.find((f) => f.field === 'capacityGiB')).toMatchObject({
      name: 'capacity-gib',
      kind: 'number',
      required: true,
    });
    expect(cmd.flags.find((f) => f.field === 'maxStripeVolumes')).toMatchObject({
      name: 'max-stripe',
      default: 16,
    });
  });

  it('--help shows the label, bounds and default taken from the schema', async () => {
    const r = await cli('ebs', 'size', '--help');
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--capacity-gib N Capacity \(GiB\) \(required\): storage needed; above 0/);
    expect(text).toMatch(/--max-stripe N Max volumes: .*whole number, at least 1, at most 64; default 16/);
    expect(text).toMatch(/--pattern random\|sequential I\/O pattern; default random/);
  });
});

describe('bad input exits 2 naming the flag', () => {
  it.each(COMMANDS.map((c) => [c.name] as const))('%s refuses an unknown flag by name', async (name) => {
    const r = await cli(...name.split(' '), '--no-such-flag', 'x');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${name}: unknown flag --no-such-flag\n`));
  });

  it('a value the contract refuses is named by its CLI flag and label, never its zod path', async () => {
    const r = await cli('ebs', 'size', '--region', 'us-east-1', '--capacity-gib', '0', '--iops', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--throughput-mibps N is required — Throughput (MiB/s)');
    const zero = await cli(
      'ebs',
      'size',
      '--region',
      'us-east-1',
      '--capacity-gib',
      '0',
      '--iops',
      '1',
      '--throughput-mibps',
      '1',
    );
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(
      /^ebs size: --capacity-gib: must be a number above 0, up to 4,194,304 — Capacity \(GiB\); got "0"\n$/,
    );
    expect(zero.stderr).not.toContain('capacityGiB');
    const notNumber = await cli('catalog', 'instances', '--region', 'us-east-1', '--min-vcpu', 'lots');
    expect(notNumber).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--min-vcpu must be a number — Min vCPU'),
    });
    const fraction = await cli('catalog', 'instances', '--region', 'us-east-1', '--max-vcpu', '2.5');
    expect(fraction.code).toBe(2);
    expect(fraction.stderr).toMatch(/--max-vcpu: must be a whole number of 0 or more — Max vCPU; got "2\.5"/);
  });

  it('a value missing after its flag, and a value given to a switch, are named', async () => {
    const missing = await cli('price', 'm5.large', '--region');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^price: --region needs a value — Region\n/);
    const switchValue = await cli('catalog', 'instances', '--region', 'us-east-1', '--gpu=yes');
    expect(switchValue.code).toBe(2);
    expect(switchValue.stderr).toMatch(/^catalog instances: --gpu takes no value/);
  });
});

describe('output', () => {
  it('JSON is the contract call’s result value', async () => {
    const input = { region: 'us-east-1', volumeType: 'io2', sizeGiB: 500, iops: 20000 } as const;
    const r = await cli(
      'ebs',
      'cost',
      '--region',
      input.region,
      '--type',
      input.volumeType,
      '--size-gib',
      String(input.sizeGiB),
      '--iops',
      String(input.iops),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const services = createServices({ catalogPath: inject('catalogPath') });
    try {
      const direct = await dispatch(services.handlers, 'ebs.cost', input);
      expect(direct.ok).toBe(true);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify((direct as { value: unknown }).value)));
    } finally {
      services.close();
    }
  });

  it('CSV lists the same rows as JSON, one per line, money as decimal strings', async () => {
    const args = ['catalog', 'instances', '--region', 'eu-west-1', '--family', 'm7g'];
    const json = JSON.parse((await cli(...args, '--format', 'json')).stdout) as Record<string, unknown>[];
    const csv = Papa.parse<Record<string, string>>((await cli(...args, '--format', 'csv')).stdout, {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    expect(json.length).toBeGreaterThan(5);
    expect(csv.data.map((r) => r.instanceType)).toEqual(json.map((r) => r.instanceType));
    expect(csv.data[0]!.onDemandHourlyUsd).toBe(json[0]!.onDemandHourlyUsd);
    const regions = Papa.parse<Record<string, string>>(
      (await cli('catalog', 'regions', '--format', 'csv')).stdout,
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(regions.data).toHaveLength(36);
    expect(regions.data.map((r) => r.code)).toContain('ap-northeast-2');
  });

  it('a format the command has not is refused naming --format', async () => {
    const r = await cli('catalog', 'meta', '--format', 'csv');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'catalog meta: --format must be table or json; got csv\n',
    });
  });
});

describe('a process', () => {
  it('piped into a reader that closes after the first chunk ends quietly with 0', async () => {
    const args = ['catalog', 'instances', '--region', 'us-east-1', '--format', 'json'];
    // The output must be far bigger than a pipe's buffer (64 KiB) for the reader's close to be met.
    expect((await cli(...args)).stdout.length).toBeGreaterThan(1_000_000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, ...args, '--catalog', inject('catalogPath')],
      {
        cwd: ROOT,
      },
    );
    let stderr = '';
    let chunks = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', () => {
      chunks += 1;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done, fail) => {
      child.on('error', fail);
      child.on('close', (c) => done(c));
    });
    expect(chunks).toBe(1);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it.runIf(POSIX)(
    'a FIFO given as a scenario file is refused with 2, without waiting for a writer',
    () => {
      const fifo = join(dir, 'scenario.fifo');
      execFileSync('mkfifo', [fifo]);
      for (const args of [
        ['estimate', fifo],
        ['compare', fifo],
        ['report', fifo, '--out', join(dir, 'r.csv')],
      ]) {
        // In a child with a time limit: a CLI that opened the FIFO would block its whole thread.
        const r = spawnSync(
          process.execPath,
          ['--import', 'tsx', CLI, ...args, '--catalog', inject('catalogPath')],
          {
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 20_000,
          },
        );
        expect(r.signal).toBeNull();
        expect(r.status).toBe(2);
        expect(r.stderr).toBe(
          `${args[0]}: cannot read ${fifo}: it is a FIFO (named pipe), not a scenario file\n`,
        );
      }
    },
    60_000,
  );

  it('a folder given as a scenario file is refused with 2', async () => {
    const r = await cli('estimate', dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `estimate: cannot read ${dir}: it is a folder, not a scenario file\n`,
    });
  });
});
