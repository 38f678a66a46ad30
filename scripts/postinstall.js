/**
 * npm runs this after `npm install` / `npm ci`. In a checkout it builds pricing-data/catalog.sqlite
 * from the shipped snapshot (`npm run catalog`, TypeScript through tsx). An installed package
 * (`npm pack`, then `npm install -g` of the tarball) carries the catalog built when it was packed
 * (package.json "files", "prepack") and none of the TypeScript sources or tsx: nothing to build there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const builder = join(root, 'pricing-data', 'build-catalog.ts');

if (existsSync(builder)) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', builder], { cwd: root, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} else if (!existsSync(join(root, 'pricing-data', 'catalog.sqlite'))) {
  console.error('ec2-ebs-planner: this package has no pricing catalog (pricing-data/catalog.sqlite)');
  process.exitCode = 1;
}
