import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { runCli } from '../../main/cli';

/**
 * Two accounts from the CLI (real catalog, us-east-1 Linux m5.large at $0.096/h On-Demand): A buys 2
 * Standard 1-year No Upfront RIs and runs 1 m5.large all month, B runs 1. With B's sharing off, A's
 * second RI goes unused and B pays On-Demand, 730 h × $0.096 = $70.08.
 */
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};
const constant = { pattern: 'constant', count: 1 };
const org = (sharingB: boolean, bAccount = 'b') => ({
  name: 'org',
  accounts: [
    { id: 'a', name: 'Platform' },
    { id: 'b', sharing: sharingB },
  ],
  lines: [
    {
      id: 'a-web',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: constant,
      purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', count: 2 },
    },
    { id: 'b-web', instanceType: 'm5.large', region: 'us-east-1', usage: constant, account: bAccount },
  ],
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-accounts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('estimate: cost per account', () => {
  it('JSON: each account’s totals; B pays $70.08 with its sharing off, nothing with it on', async () => {
    const off = await cli('estimate', file('off.json', org(false)), '--format', 'json');
    expect(off.code, off.stderr).toBe(0);
    const e = JSON.parse(off.stdout) as ScenarioEstimate;
    expect(e.accounts?.map((a) => [a.id, a.sharing, a.lineIds])).toEqual([
      ['a', true, ['a-web']],
      ['b', false, ['b-web']],
    ]);
    expect(e.accounts?.[1]?.totals.monthlyUsd).toBe('70.08');
    expect(e.lines[0]?.commitment?.utilizationPct).toBe('50.0');
    // The two accounts add up to the scenario's totals, exactly.
    const sum = e.accounts!.reduce((s, a) => s.plus(a.totals.threeYearUsd), new Decimal(0));
    expect(sum.toString()).toBe(new Decimal(e.totals.threeYearUsd).toString());

    const on = JSON.parse(
      (await cli('estimate', file('on.json', org(true)), '--format', 'json')).stdout,
    ) as ScenarioEstimate;
    expect(on.accounts?.[1]?.totals.monthlyUsd).toBe('0');
    expect(on.lines[0]?.commitment?.utilizationPct).toBe('100.0');
    // A's two RIs cost the same either way; sharing off adds B's On-Demand.
    expect(on.accounts?.[0]?.totals.monthlyUsd).toBe(e.accounts?.[0]?.totals.monthlyUsd);
    expect(new Decimal(e.totals.monthlyUsd).minus(on.totals.monthlyUsd).toString()).toBe('70.08');
  });

  it('table: a cost-per-account section naming each account, its sharing and its monthly cost', async () => {
    const r = await cli('estimate', file('table.json', org(false)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Cost per account');
    const row = r.stdout.split('\n').find((l) => l.startsWith('b '));
    expect(row).toMatch(/^b\s+off\s+1\s+\$70\.08/);
    expect(r.stdout).toMatch(/Platform \(a\)\s+on\s+1\s/);
  });

  it('a scenario without accounts prints no such section', async () => {
    const doc = org(true);
    const plain = {
      name: doc.name,
      lines: doc.lines.map((l) => Object.fromEntries(Object.entries(l).filter(([k]) => k !== 'account'))),
    };
    const r = await cli('estimate', file('plain.json', plain));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Cost per account');
  });

  it('a line naming an unknown account is refused with the field named', async () => {
    const r = await cli('estimate', file('bad.json', org(true, 'finance')));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Line 2 (b-web) › Account');
    expect(r.stderr).toContain('"finance" is not one of the scenario\'s accounts (a, b)');
  });
});
