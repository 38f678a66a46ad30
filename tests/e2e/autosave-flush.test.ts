import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'));
const page = () => served.page();

interface Saved {
  revision: number;
  document: { name: string; lines: { usage: { count: number } }[] };
}

async function openNewScenario(): Promise<string> {
  const created = await served.api<{ id: string }>('scenarios.create', {
    document: {
      name: 'Flush before unload',
      lines: [
        {
          id: 'web',
          name: 'Web tier',
          instanceType: 'm5.large',
          region: 'us-east-1',
          os: 'linux',
          usage: { pattern: 'constant', count: 4 },
          purchase: { model: 'on-demand' },
          volumes: [],
        },
      ],
    },
  });
  await served.chooseScenario(created.id);
  await page().goto(`${served.url()}#workloads`);
  await expect.poll(() => page().getByTestId('scenario-name').inputValue()).toBe('Flush before unload');
  return created.id;
}

const stored = (id: string) => served.api<Saved>('scenarios.get', { id });

describe('edits made within the autosave pause survive leaving the page', () => {
  it('an edit followed at once by a reload is stored, and the reloaded page shows it', async () => {
    const id = await openNewScenario();
    await page().getByTestId('scenario-name').fill('Renamed just before reload');
    await page().getByTestId('line-count').first().fill('9');
    await page().reload();

    await expect.poll(async () => (await stored(id)).document.name).toBe('Renamed just before reload');
    const after = await stored(id);
    expect(after.document.lines[0]!.usage.count).toBe(9);
    await expect
      .poll(() => page().getByTestId('scenario-name').inputValue())
      .toBe('Renamed just before reload');
    expect(await page().getByTestId('line-count').first().inputValue()).toBe('9');
  });

  it('an edit followed at once by closing the tab is stored', async () => {
    const id = await openNewScenario();
    await page().getByTestId('scenario-name').fill('Renamed just before closing');
    await page().close({ runBeforeUnload: true });
    await expect.poll(async () => (await stored(id)).document.name).toBe('Renamed just before closing');
  });
});
