import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until the Workloads screen says the scenario is saved. */
export const savedOn = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toContain('Saved');
