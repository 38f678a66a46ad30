import { execSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, which main/app.ts
 * hands to better-sqlite3 as its nativeBinding when the app runs unpackaged (`npm start`).
 *
 * node_modules/better-sqlite3 is left alone: it must stay built for Node, because `npm test` runs there.
 * So the package is copied (without its build/) to .electron-native/better-sqlite3 and rebuilt there
 * with node-gyp against Electron's headers. A stamp file skips the rebuild while versions are unchanged.
 */

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.electron-native');
const workDir = join(outDir, 'better-sqlite3');
const outBinding = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const sourceDir = join(root, 'node_modules', 'better-sqlite3');
const HEADERS_URL = 'https://electronjs.org/headers';

interface Stamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

class NativeBuildError extends Error {}

function packageVersion(dir: string, name: string): string {
  const file = join(dir, 'package.json');
  if (!existsSync(file))
    throw new NativeBuildError(
      `${name} is not installed (${relative(root, file)} missing); run npm install.`,
    );
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new NativeBuildError(`${relative(root, file)} has no version.`);
  return version;
}

function readStamp(): Stamp | null {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function sameStamp(a: Stamp | null, b: Stamp): boolean {
  return (
    a !== null &&
    a.electron === b.electron &&
    a.betterSqlite3 === b.betterSqlite3 &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

/** node-gyp ships inside npm; npm tells scripts where, otherwise look next to the npm on PATH. */
function findNodeGyp(): string {
  const candidates: string[] = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not a project dependency; fall back to npm's own copy.
  }
  try {
    const prefix = execSync('npm prefix -g', {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const npmDir =
      process.platform === 'win32'
        ? join(prefix, 'node_modules', 'npm')
        : join(prefix, 'lib', 'node_modules', 'npm');
    candidates.push(join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  } catch {
    // npm not on PATH; the error below lists what was tried.
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new NativeBuildError(
      `node-gyp was not found (tried: ${candidates.join(', ') || 'nothing'}). ` +
        'Run this through npm (npm start), or set npm_config_node_gyp to node-gyp.js.',
    );
  }
  return found;
}

/**
 * node-gyp reads npm_config_* from the environment AFTER its command line, so an npm setting such as
 * nodedir (Node's own headers) or target would silently override the Electron flags below and produce
 * a Node-ABI binary. Only network settings the headers download may need are passed on.
 */
function gypEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'strict_ssl', 'python']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmKey = /^npm_config_(.+)$/i.exec(key)?.[1]?.toLowerCase().replaceAll('-', '_');
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    if (npmKey !== undefined && !keep.has(npmKey)) continue;
    env[key] = value;
  }
  return env;
}

/** Copies the package without build/ (the Node build) so node-gyp starts clean and the original is untouched. */
function prepareWorkDir(): void {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const skip = join(sourceDir, 'build');
  cpSync(sourceDir, workDir, {
    recursive: true,
    filter: (src) => src !== skip && !src.startsWith(skip + sep),
  });
}

function rebuild(nodeGyp: string, electronVersion: string): void {
  const args = [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--dist-url=${HEADERS_URL}`,
    `--arch=${process.arch}`,
    // Electron's headers in their own cache, apart from Node's, as @electron/rebuild does.
    `--devdir=${join(homedir(), '.electron-gyp')}`,
    '--jobs=max',
  ];
  console.log(`electron-native: node ${args.join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: workDir, env: gypEnv(), stdio: 'inherit' });
  if (result.error) throw new NativeBuildError(`could not start node-gyp: ${result.error.message}`);
  if (result.status !== 0) {
    throw new NativeBuildError(
      `node-gyp failed (exit ${result.status ?? result.signal}) building better-sqlite3 for Electron ${electronVersion}.\n` +
        `  - It downloads Electron's headers from ${HEADERS_URL} on first use: check the network or proxy ` +
        `(or pre-populate ${join(homedir(), '.electron-gyp', electronVersion)}).\n` +
        '  - It needs Python 3 and a C++20 compiler (build-essential / Xcode command line tools / Visual Studio Build Tools).\n' +
        `  - The node-gyp output above has the details. node_modules/better-sqlite3 was not modified.`,
    );
  }
  const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built))
    throw new NativeBuildError(`node-gyp succeeded but ${relative(root, built)} is missing.`);
  copyFileSync(built, outBinding);
}

function main(): void {
  const stamp: Stamp = {
    electron: packageVersion(join(root, 'node_modules', 'electron'), 'electron'),
    betterSqlite3: packageVersion(sourceDir, 'better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
  if (existsSync(outBinding) && sameStamp(readStamp(), stamp)) {
    console.log(
      `electron-native: ${relative(root, outBinding)} is up to date (better-sqlite3 ${stamp.betterSqlite3}, Electron ${stamp.electron}).`,
    );
    return;
  }
  const nodeGyp = findNodeGyp();
  console.log(
    `electron-native: building better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} (${stamp.arch})`,
  );
  // A half-finished earlier attempt must not pass for a good build.
  rmSync(outBinding, { force: true });
  rmSync(stampFile, { force: true });
  prepareWorkDir();
  rebuild(nodeGyp, stamp.electron);
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  console.log(`electron-native: wrote ${relative(root, outBinding)}`);
}

try {
  main();
} catch (err) {
  console.error(`electron-native: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
