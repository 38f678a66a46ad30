import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the command-line tool and the browser server into dist-cli/, so they start without tsx
 * (package.json "bin": ec2-planner → dist-cli/ec2-planner.mjs; `npm run serve` runs dist-cli/serve.mjs):
 * - ec2-planner.mjs and serve.mjs: ES modules with code splitting. What a price lookup needs sits in
 *   them and their shared chunks; what only some commands need (the XLSX writer with exceljs, the
 *   report pages with their SVG charts) is in chunks loaded by import() on first use. The build fails
 *   if a heavy module is reachable from an entry without an import() (HEAVY below).
 * - worker.cjs: the worker threads serve starts for pricing, reports and imports; main/workers/spawn.ts
 *   looks for it beside the module that starts it (as with dist-electron/worker.cjs).
 * better-sqlite3 (native) and playwright-core (loaded by PDF export only, and it locates its own files)
 * stay external: they are dependencies, installed beside the package. dist-cli/ sits one level below
 * the package root like main/, so paths such as ../pricing-data/catalog.sqlite and ../dist/renderer
 * hold in the bundles too.
 */

const root = resolve(import.meta.dirname, '..');
export const CLI_OUT_DIR = join(root, 'dist-cli');
export const CLI_BIN = join(CLI_OUT_DIR, 'ec2-planner.mjs');

const EXTERNAL = ['better-sqlite3', 'playwright-core'];

/** Inputs an entry may load only through import(): exceljs and its dependencies, the report pages. */
export const HEAVY = [/node_modules\/exceljs\//, /^main\/reports\/(xlsx|html|svg-charts)\.ts$/, /playwright/];

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * zod's `z` namespace re-exports every message locale (~360 KiB of the bundle, which Node would parse
 * on every run); the planner uses English only (zod's default, configured from locales/en.js directly),
 * so the locale index is cut down to English.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
    }));
  },
};

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [zodEnglishOnly],
  // Fewer bytes for Node to parse at every start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};

/** Output files with the inputs each loads statically, following its import statements. */
function staticClosure(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    }
  };
  visit(entry);
  return seen;
}

/** The heavy inputs an entry loads at start-up (none, or the build fails). */
export function heavyAtStart(metafile: Metafile, entry: string): string[] {
  const found: string[] = [];
  for (const file of staticClosure(metafile, entry)) {
    const output = metafile.outputs[file]!;
    for (const input of Object.keys(output.inputs)) {
      if (HEAVY.some((h) => h.test(input))) found.push(input);
    }
    for (const imp of output.imports) {
      if (imp.external && imp.kind === 'import-statement' && HEAVY.some((h) => h.test(imp.path))) {
        found.push(imp.path);
      }
    }
  }
  return found;
}

function externalsOutside(metafile: Metafile, allowed: readonly string[]): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (imp.external && !nodeBuiltins.has(imp.path) && !allowed.includes(imp.path)) found.add(imp.path);
    }
  }
  return [...found];
}

export interface CliBuild {
  /** ES-module build: entries and chunks, paths relative to the package root. */
  modules: Metafile;
  worker: Metafile;
}

/** Builds dist-cli/ (replacing it); throws when an entry would load a heavy module at start-up. */
export async function buildCli(): Promise<CliBuild> {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  const modules = await build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { 'ec2-planner': 'main/cli.ts', serve: 'main/serve.ts' },
    outdir: CLI_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS dependencies (exceljs's) call require() for Node's modules; ES modules have none.
    banner: {
      js: "import{createRequire as __planner_cr}from'node:module';const require=__planner_cr(import.meta.url);",
    },
  });
  const worker = await build({
    ...common,
    format: 'cjs',
    entryPoints: ['main/workers/worker-entry.ts'],
    outfile: join(CLI_OUT_DIR, 'worker.cjs'),
    // main/ reads import.meta.dirname/filename; in CommonJS those are __dirname/__filename.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    logOverride: { 'empty-import-meta': 'error' },
  });
  const result = { modules: modules.metafile!, worker: worker.metafile! };
  for (const [label, metafile] of Object.entries(result)) {
    const unexpected = externalsOutside(metafile, EXTERNAL);
    if (unexpected.length) throw new Error(`dist-cli ${label} would require ${unexpected.join(', ')}`);
  }
  for (const entry of ['ec2-planner.mjs', 'serve.mjs']) {
    const heavy = heavyAtStart(result.modules, relative(root, join(CLI_OUT_DIR, entry)));
    if (heavy.length) throw new Error(`dist-cli/${entry} would load at start-up: ${heavy.join(', ')}`);
  }
  chmodSync(CLI_BIN, 0o755);
  return result;
}

function report(metafile: Metafile): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.map')) console.log(`wrote ${file}  ${(output.bytes / 1024).toFixed(1)} KiB`);
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildCli()
    .then((r) => {
      if (!process.argv.includes('--quiet')) {
        report(r.modules);
        report(r.worker);
      }
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
}
