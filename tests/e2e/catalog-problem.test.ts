import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalogPath } from '../../main/paths';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

// serve runs with its own user-data folder whose imported catalog is not a database.
const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-bad-catalog-'));
const imported = join(dir, 'catalog.sqlite');
const BAD = 'not a catalog: half of a download\n'.repeat(100);
const previousUserData = process.env.PLANNER_USER_DATA;
beforeAll(() => {
  writeFileSync(imported, BAD);
  process.env.PLANNER_USER_DATA = dir; // serve inherits this env
  return Promise.resolve();
});
afterAll(() => {
  process.env.PLANNER_USER_DATA = previousUserData;
  rmSync(dir, { recursive: true, force: true });
  return Promise.resolve();
});
const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => imported);
const page = () => served.page();

describe('Data screen with an unusable imported catalog', () => {
  it('starts on the shipped catalog, names the file and why, and resets by moving it aside', async () => {
    expect(existsSync(shippedCatalogPath()), 'npm run catalog builds the shipped catalog').toBe(true);
    await page().goto(`${served.url()}#data`);
    const notice = page().getByTestId('catalog-problem');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.getByTestId('catalog-problem-file').textContent()).toBe(imported);
    expect(await notice.getByTestId('catalog-problem-reason').textContent()).toBe('file is not a database');
    expect(await page().getByTestId('data-origin').getAttribute('data-origin')).toBe('shipped');
    // The header says so on every screen, and leads here.
    const chip = page().getByTestId('header-catalog-problem');
    expect(await chip.textContent()).toContain('Imported catalog unusable');
    expect(await chip.getAttribute('href')).toBe('#data');

    await page().screenshot({ path: join(ARTIFACTS, 'catalog-problem.png') });
    await notice.getByTestId('catalog-reset').click();
    await expect.poll(() => page().getByTestId('catalog-problem').count()).toBe(0);
    await expect.poll(() => page().getByTestId('header-catalog-problem').count()).toBe(0);
    expect(existsSync(imported)).toBe(false);
    const aside = readdirSync(dir).filter((f) => f.startsWith('catalog.sqlite.bad-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(BAD);
    // After a reload the problem stays gone: the shipped catalog is simply in use.
    await page().reload();
    await expect.poll(() => page().getByTestId('data-origin').getAttribute('data-origin')).toBe('shipped');
    expect(await page().getByTestId('catalog-problem').count()).toBe(0);
  });
});
