/**
 * The CLI on docs/examples/capacity-az.json (100 vCPU on m5.xlarge over 3 AZs, surviving the loss of
 * one) and the quota check of docs/examples/web-and-batch.json.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'docs', 'examples');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });

describe('estimate from the CLI, capacity parts', () => {
  it('reports the AZ example: peakInstances 39 (13 per AZ), $5,466.24, and the quota check', async () => {
    const r = await cli('estimate', resolve(EXAMPLES, 'capacity-az.json'), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      lines: { demand: Record<string, unknown>; monthlyUsd: string }[];
      quotas: { uses: Record<string, unknown>[]; exceeded: number };
    };
    expect(out.lines[0]!.demand).toMatchObject({ peakInstances: 39, instancesPerZoneAtPeak: 13, zones: 3 });
    // 39 × 0.192 × 730
    expect(out.lines[0]!.monthlyUsd).toBe('5466.24');
    // 39 × 4 vCPU = 156 Standard vCPUs against AWS's new-account default of 5
    expect(out.quotas.uses).toEqual([
      expect.objectContaining({ key: 'standard', peakVcpus: 156, quotaVcpus: 5, status: 'exceeds' }),
    ]);
    expect(out.quotas.exceeded).toBe(1);
  });

  it('prints the sizing and the quota check in the table', async () => {
    const r = await cli('estimate', resolve(EXAMPLES, 'capacity-az.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'App tier (Auto Scaling group): 39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)',
    );
    expect(r.stdout).toContain('Quota check: 1 of 1 quota exceeded');
    const web = await cli('estimate', resolve(EXAMPLES, 'web-and-batch.json'));
    expect(web.stdout).toContain(
      "EXCEEDS: Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances in us-east-1: 16 vCPUs at the peak (Mon 08:00) exceed AWS's default for a new account (5 vCPUs; enter your account's quota) by 11",
    );
  });
});
