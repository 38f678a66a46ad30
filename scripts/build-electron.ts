import { build, type BuildOptions, type Metafile } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';

/**
 * Bundles the Electron shell into dist-electron/ (package.json "main" is dist-electron/app.cjs):
 * - app.cjs: the main process, CommonJS; only electron, better-sqlite3 (native) and Node built-ins stay
 *   external, everything else (shared/, zod, decimal.js) is inlined.
 * - worker.cjs: the worker threads for pricing, reports and imports (main/workers/worker-entry.ts),
 *   CommonJS beside app.cjs, which starts it (main/workers/spawn.ts); the same externals as app.cjs.
 * - preload.cjs: the sandboxed preload, CommonJS with everything but electron inlined, since a sandboxed
 *   preload can require nothing else.
 */

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist-electron');

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['electron'],
  metafile: true,
  logLevel: 'warning',
  // import.meta is empty in CommonJS; main/ code using it would silently get undefined paths.
  logOverride: { 'empty-import-meta': 'error' },
};

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The bundle's require()s that esbuild left external; anything unexpected fails the build. */
function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) if (imp.external) found.add(imp.path);
  }
  return [...found].sort();
}

function check(label: string, metafile: Metafile, allowed: (path: string) => boolean): void {
  const unexpected = externalImports(metafile).filter((p) => !allowed(p));
  if (unexpected.length > 0) {
    throw new Error(`${label} would require modules it cannot load at run time: ${unexpected.join(', ')}`);
  }
}

function report(metafile: Metafile): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const kib = (output.bytes / 1024).toFixed(1);
    const externals = output.imports.filter((i) => i.external).map((i) => i.path);
    const needs = externals.length > 0 ? `  (requires: ${[...new Set(externals)].join(', ')})` : '';
    console.log(`wrote ${relative(root, join(root, file))}  ${kib} KiB${needs}`);
  }
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });

  const mainProcess: BuildOptions = {
    ...common,
    external: ['electron', 'better-sqlite3'],
    // Modules shared with the Node tools (services.ts) read import.meta.dirname; in these bundles that is
    // dist-electron/, one level below the app root, just as main/ is in the sources.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  };
  const mainResult = await build({
    ...mainProcess,
    entryPoints: ['main/app.ts'],
    outfile: join(outDir, 'app.cjs'),
  });
  check(
    'dist-electron/app.cjs',
    mainResult.metafile!,
    (p) => p === 'electron' || p === 'better-sqlite3' || nodeBuiltins.has(p),
  );

  // A worker thread has no Electron APIs: only better-sqlite3 and Node built-ins may stay external.
  const workerResult = await build({
    ...mainProcess,
    entryPoints: ['main/workers/worker-entry.ts'],
    outfile: join(outDir, 'worker.cjs'),
  });
  check(
    'dist-electron/worker.cjs',
    workerResult.metafile!,
    (p) => p === 'better-sqlite3' || nodeBuiltins.has(p),
  );

  const preloadResult = await build({
    ...common,
    entryPoints: ['main/transport/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
  });
  check('dist-electron/preload.cjs', preloadResult.metafile!, (p) => p === 'electron');

  report(mainResult.metafile!);
  report(workerResult.metafile!);
  report(preloadResult.metafile!);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
