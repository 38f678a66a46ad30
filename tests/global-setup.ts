import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCatalog } from '../pricing-data/build-catalog';

declare module 'vitest' {
  export interface ProvidedContext {
    catalogPath: string;
  }
}

/** Builds a fresh catalog from the shipped snapshot once per run; every test reads that real file. */
export function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const summary = buildCatalog(join(dir, 'catalog.sqlite'));
  project.provide('catalogPath', summary.path);
  // Scenarios written by tests (and by the serve processes they start) go to this run's temp folder.
  process.env.PLANNER_USER_DATA = join(dir, 'user-data');
  return () => rmSync(dir, { recursive: true, force: true });
}
