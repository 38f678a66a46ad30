import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-e2e-messages-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RAW_WORDS = /expected|received|too small|invalid input|lines\.\d/i;

const webTier = {
  name: 'Messages',
  lines: [
    {
      id: 'web',
      name: 'Web tier',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 4 },
      volumes: [],
    },
  ],
};

describe('Workloads messages in plain words, in Chromium against serve', () => {
  it('an invalid count is flagged at the field under its label, and named by its label in the save status', async () => {
    const created = await served.api<{ id: string }>('scenarios.create', { document: webTier });
    await served.chooseScenario(created.id);
    await page().goto(`${served.url()}#workloads`);
    const count = page().getByTestId('line-count');
    await expect.poll(() => count.inputValue(), { timeout: 10_000 }).toBe('4');
    await count.fill('1.5');
    await count.press('Tab');

    // The field: its label, and under it what is allowed.
    const field = page().locator('label.field', { has: count });
    await expect.poll(() => count.getAttribute('aria-invalid')).toBe('true');
    expect(await field.locator('.field-label').textContent()).toBe('Instances');
    expect(await field.locator('.field-error').textContent()).toBe(
      'must be a whole number from 0 to 100,000',
    );
    // The save status: the field named by its line and label.
    const status = page().getByTestId('save-status');
    await expect
      .poll(() => status.textContent())
      .toContain('Line 1 (Web tier) › Instances: must be a whole number from 0 to 100,000');
    expect(await status.textContent()).not.toMatch(RAW_WORDS);
    await page().screenshot({ path: join(ARTIFACTS, 'workloads-count-message.png'), fullPage: true });

    // Fixed, it is saved again.
    await count.fill('3');
    await count.press('Tab');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Saved');
    expect(await field.locator('.field-error').count()).toBe(0);
  });

  it('a scenario file that is not valid names the file, the line and the field in the banner', async () => {
    await page().goto(`${served.url()}#workloads`);
    const bad = join(dir, 'bad-count.json');
    const line = { ...webTier.lines[0], usage: { pattern: 'constant', count: -1 } };
    writeFileSync(bad, JSON.stringify({ ...webTier, lines: [line] }));
    await page().getByTestId('scenario-import-file').setInputFiles(bad);
    const banner = page().getByTestId('error-banner');
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('bad-count.json › Line 1 (Web tier) › Instances: must be a whole number from 0 to 100,000');
    expect(await banner.textContent()).not.toMatch(RAW_WORDS);
  });
});
