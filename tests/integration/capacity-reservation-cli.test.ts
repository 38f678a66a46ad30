import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';
import { reportSchema } from '@shared/reports/model';
import { runCli } from '../../main/cli';

/**
 * A capacity reservation from the CLI (real catalog, us-east-1 Linux m5.large at $0.096/h On-Demand):
 * 4 reserved in us-east-1a, 2 running all month, On-Demand: billed 4 × 0.096 × 730 = $280.32 a
 * month, of which the 2 unused cost 2 × 0.096 × 730 = $140.16.
 */
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};
const scenario = (availabilityZone = 'us-east-1a') => ({
  name: 'odcr',
  lines: [
    {
      id: 'web',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 2 },
      capacityReservation: { count: 4, availabilityZone },
    },
  ],
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-odcr-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('capacity reservation from the CLI', () => {
  it('estimate JSON and table: $280.32 a month, the unused part $140.16', async () => {
    const json = await cli('estimate', file('odcr.json', scenario()), '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const e = JSON.parse(json.stdout) as ScenarioEstimate;
    expect(e.totals.monthlyUsd).toBe('280.32');
    expect(e.lines[0]?.capacityReservation?.unusedReservationUsd).toBe('140.16');

    const table = await cli('estimate', file('odcr.json', scenario()));
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Capacity reservations:');
    expect(table.stdout).toContain(
      '2,920 reserved instance-hours a month, 1,460 unused; after Reserved Instances and Savings Plans (which cover running instances first), 1,460 unused instance-hours cost $140.16 a month On-Demand',
    );
  });

  it('compare: each strategy prices the reservation; RIs sized to the 4 billed instances cover it all', async () => {
    const r = await cli('compare', file('odcr.json', scenario()), '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const byId = new Map((JSON.parse(r.stdout) as StrategyResult[]).map((s) => [s.id, s]));
    expect(byId.get('on-demand')?.monthlyUsd).toBe('280.32');
    // Standard 1-year No Upfront at the catalog's $0.06/h, sized to the steady billed count 4:
    // 4 × 0.06 × 730 = $175.20, nothing left On-Demand.
    expect(byId.get('reserved-standard-1y-no-upfront')?.monthlyUsd).toBe('175.2');
  });

  it('report: a note names the reservation and its unused cost', async () => {
    const out = join(dir, 'r.json');
    const r = await cli('report', file('odcr.json', scenario()), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const rep = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(rep.assumptions.notes.find((n) => n.startsWith('Capacity reservation, line web'))).toContain(
      '4 × m5.large in us-east-1a, held every month',
    );
  });

  it('a zone of another region is refused, naming the field', async () => {
    const r = await cli('estimate', file('bad.json', scenario('eu-west-1a')));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      "Line 1 (web) › Capacity reservation: Availability Zone: eu-west-1a is not an Availability Zone of the line's region us-east-1",
    );
  });
});
