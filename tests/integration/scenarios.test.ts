import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { dispatch } from '../../main/transport/dispatch';
import { createServices, type Services } from '../../main/services';
import type { ScenarioInput } from '@shared/scenario/schema';
import type { SavedScenario } from '@shared/scenario/types';

let dir: string;
let services: Services;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-user-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'planner.sqlite') });
});
afterEach(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

const webTier: ScenarioInput = {
  name: 'Web tier',
  lines: [
    {
      id: 'web',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 4 },
      volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
    },
  ],
};

async function call<T>(name: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.field ?? ''} ${r.error.message}`);
  return r.value as T;
}
async function fail(name: Parameters<typeof dispatch>[1], input: unknown) {
  const r = await dispatch(services.handlers, name, input);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('saved scenarios', () => {
  it('creates a scenario with defaults applied and lists it', async () => {
    const s = await call<SavedScenario>('scenarios.create', { document: webTier });
    expect(s).toMatchObject({ name: 'Web tier', lineCount: 1, revision: 1 });
    expect(s.document).toMatchObject({ version: 1, hoursPerMonth: 730 });
    expect(s.document.lines[0]).toMatchObject({
      os: 'linux',
      purchase: { model: 'on-demand' },
      volumeLifetime: 'instance',
    });
    expect(s.document.lines[0]!.volumes[0]).toMatchObject({ count: 1 });
    const list = await call<{ id: string }[]>('scenarios.list', {});
    expect(list.map((x) => x.id)).toEqual([s.id]);
  });

  it('autosaves a new revision and refuses to overwrite a newer one', async () => {
    const s = await call<SavedScenario>('scenarios.create', { document: webTier });
    const edited = { ...s.document, hoursPerMonth: 744 };
    const s2 = await call<SavedScenario>('scenarios.save', { id: s.id, document: edited, baseRevision: 1 });
    expect(s2).toMatchObject({ revision: 2, document: { hoursPerMonth: 744 } });
    const stale = await fail('scenarios.save', { id: s.id, document: webTier, baseRevision: 1 });
    expect(stale).toMatchObject({ code: 'invalid-input', field: 'baseRevision' });
    expect((await call<SavedScenario>('scenarios.get', { id: s.id })).document.hoursPerMonth).toBe(744);
  });

  it('rejects an invalid document naming the field, and keeps what was stored', async () => {
    const s = await call<SavedScenario>('scenarios.create', { document: webTier });
    const bad = { ...webTier, lines: [{ ...webTier.lines[0], usage: { pattern: 'constant', count: -1 } }] };
    const e = await fail('scenarios.save', { id: s.id, document: bad });
    expect(e).toEqual({
      code: 'invalid-input',
      field: 'document.lines.0.usage.count',
      label: 'Line 1 (web) › Instances',
      message: 'must be a whole number from 0 to 100,000',
    });
    expect((await call<SavedScenario>('scenarios.get', { id: s.id })).revision).toBe(1);
  });

  it('renames, duplicates with a unique name, and deletes', async () => {
    const s = await call<SavedScenario>('scenarios.create', { document: webTier });
    const r = await call<SavedScenario>('scenarios.rename', { id: s.id, name: 'Prod web' });
    expect(r).toMatchObject({ name: 'Prod web', document: { name: 'Prod web' } });
    const d1 = await call<SavedScenario>('scenarios.duplicate', { id: s.id });
    const d2 = await call<SavedScenario>('scenarios.duplicate', { id: s.id });
    expect([d1.name, d2.name]).toEqual(['Prod web (copy)', 'Prod web (copy) (2)']);
    expect(await call('scenarios.delete', { id: d1.id })).toEqual({ deleted: true });
    expect((await call<unknown[]>('scenarios.list', {})).length).toBe(2);
    expect(await fail('scenarios.get', { id: d1.id })).toMatchObject({ code: 'not-found', field: 'id' });
  });

  it('exports a file that imports back to the same document', async () => {
    const s = await call<SavedScenario>('scenarios.create', { document: webTier });
    const file = await call<{ fileName: string; text: string }>('scenarios.export', { id: s.id });
    expect(file.fileName).toBe('web-tier.json');
    expect(JSON.parse(file.text)).toMatchObject({
      $schema: expect.stringContaining('scenario-v1'),
      name: 'Web tier',
    });
    const back = await call<SavedScenario>('scenarios.import', { text: file.text, fileName: file.fileName });
    expect(back.name).toBe('Web tier (2)');
    expect(back.document.lines).toEqual(s.document.lines);
  });

  it('refuses a file that is not JSON or not a scenario, storing nothing', async () => {
    expect(await fail('scenarios.import', { text: '{"name": ', fileName: 'x.json' })).toMatchObject({
      field: 'text',
    });
    const wrong = await fail('scenarios.import', {
      text: JSON.stringify({ name: 'x', lines: [{ id: 'a' }] }),
    });
    expect(wrong).toEqual({
      code: 'invalid-input',
      field: 'lines.0.instanceType',
      label: 'scenario.json › Line 1 (a) › Instance type',
      message: 'is required',
    });
    expect(await call<unknown[]>('scenarios.list', {})).toEqual([]);
  });

  it('loads a scenario that names a type and region the catalog lacks', async () => {
    const odd: ScenarioInput = {
      name: 'Odd',
      lines: [
        {
          id: 'x',
          instanceType: 'zz9.huge',
          region: 'xx-nowhere-1',
          usage: { pattern: 'constant', count: 1 },
        },
      ],
    };
    const s = await call<SavedScenario>('scenarios.create', { document: odd });
    expect((await call<SavedScenario>('scenarios.get', { id: s.id })).document.lines[0]!.instanceType).toBe(
      'zz9.huge',
    );
    const book = services.priceBook.forScenario(s.document);
    expect(book.instances['xx-nowhere-1|linux|zz9.huge']).toMatchObject({
      known: false,
      onDemandHourlyUsd: null,
    });
  });

  it('rejects duplicate line ids by path', async () => {
    const dup = { ...webTier, lines: [webTier.lines[0], webTier.lines[0]] };
    expect(await fail('scenarios.create', { document: dup })).toMatchObject({ field: 'document.lines.1.id' });
  });
});

describe('price book for a scenario', () => {
  it('resolves on-demand, RI and spot rows and the region’s EBS prices', () => {
    const book = services.priceBook.forScenario({
      version: 1,
      name: 'x',
      hoursPerMonth: 730,
      lines: [
        {
          id: 'a',
          instanceType: 'm5.large',
          region: 'us-east-1',
          os: 'linux',
          tenancy: 'shared',
          usage: { pattern: 'constant', count: 1 },
          purchase: { model: 'on-demand' },
          interruptionTolerant: false,
          volumeLifetime: 'instance',
          volumes: [],
        },
      ],
    });
    const p = book.instances['us-east-1|linux|m5.large']!;
    expect(p).toMatchObject({
      known: true,
      family: 'm5',
      normalizationFactor: 4,
      onDemandHourlyUsd: '0.096',
    });
    // std/conv no-upfront 1y+3y (4) + std all-upfront 1y+3y (2) = 6 RI rows; no SP rows in the snapshot
    expect(p.reserved).toHaveLength(6);
    expect(p.savingsPlans).toHaveLength(0);
    expect(p.spot).toMatchObject({ hourlyUsd: '0.04366', asOf: '2026-05-12' });
    expect(book.ebs['us-east-1']?.volumes.find((v) => v.volumeType === 'gp3')?.storageUsdPerGBMonth).toBe(
      '0.08',
    );
  });
});
