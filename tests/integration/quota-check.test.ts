/**
 * The quota check of real mixes on the real catalog (m5.large 2 vCPU, c5.xlarge 4, g5.xlarge 4,
 * c5.large 2): in the estimate, per strategy in Compare, and in the CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ScenarioInput } from '@shared/scenario/schema';
import { parseScenario, realPricing } from '../support/real-pricing';

const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const EXAMPLE = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const webAndBatch = (): ScenarioInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;

describe('docs/examples/web-and-batch.json', () => {
  it('peaks at 16 Standard vCPUs in business hours: 4 × 2 (web) + 2 × 4 (batch)', () => {
    const q = pricing.estimate(parseScenario(webAndBatch())).quotas;
    expect(q.uses).toHaveLength(1);
    expect(q.uses[0]).toMatchObject({
      key: 'standard',
      region: 'us-east-1',
      peakVcpus: 16,
      peakAt: 'Mon 08:00',
      lineIds: ['web', 'batch'],
      quotaVcpus: 5,
      quotaSource: 'aws-default',
      status: 'exceeds',
    });
    expect(q.exceeded).toBe(1);
  });

  it('is within a quota of 16 and exceeds one of 15 by 1', () => {
    const at = (standard: number) =>
      pricing.estimate(parseScenario({ ...webAndBatch(), quotas: { standard } })).quotas.uses[0]!;
    expect(at(16)).toMatchObject({ status: 'within', quotaSource: 'entered', quotaVcpus: 16 });
    expect(at(15).status).toBe('exceeds');
    expect(at(15).message).toBe(
      'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances in us-east-1: 16 vCPUs at the peak (Mon 08:00) exceed the quota of 15 vCPUs by 1',
    );
  });
});

describe('a mix with a G line and a spot line', () => {
  const mix = () => {
    const doc = webAndBatch();
    return parseScenario({
      ...doc,
      quotas: { standard: 64, 'g-vt': 8, 'spot-standard': 4 },
      lines: [
        ...doc.lines,
        {
          id: 'gpu',
          instanceType: 'g5.xlarge',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 3 },
        },
        {
          id: 'workers',
          instanceType: 'c5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 3 },
          purchase: { model: 'spot' },
          interruptionTolerant: true,
        },
      ],
    });
  };

  it('counts each class on its own: Standard 16, G and VT 12 over 8, spot Standard 6 over 4', () => {
    const q = pricing.estimate(mix()).quotas;
    expect(q.uses.map((u) => [u.key, u.peakVcpus, u.quotaVcpus, u.status])).toEqual([
      ['standard', 16, 64, 'within'],
      ['g-vt', 12, 8, 'exceeds'],
      ['spot-standard', 6, 4, 'exceeds'],
    ]);
    expect(q.exceeded).toBe(2);
  });

  it('in Compare, puts the tolerant line on spot classes only in the spot strategy', () => {
    const doc = mix();
    // The batch line tolerates interruptions too: under "Spot where allowed" it runs on spot.
    doc.lines[1] = { ...doc.lines[1]!, interruptionTolerant: true };
    const rows = pricing.compare(doc);
    const byId = new Map(rows.map((r) => [r.id, r.quotas]));
    const uses = (id: string) => byId.get(id)!.uses.map((u) => [u.key, u.peakVcpus]);
    // All on-demand: Standard = web 8 + batch 8 + workers 6 in business hours = 22.
    expect(uses('on-demand')).toEqual([
      ['standard', 22],
      ['g-vt', 12],
    ]);
    // Spot where allowed: web 8 On-Demand; batch 8 + workers 6 = 14 spot vCPUs in business hours.
    expect(uses('spot-where-allowed')).toEqual([
      ['standard', 8],
      ['g-vt', 12],
      ['spot-standard', 14],
    ]);
    expect(byId.get('spot-where-allowed')!.exceeded).toBe(2);
  });
});
