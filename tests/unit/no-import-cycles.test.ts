/**
 * No source module imports itself through others: the import graph of main/, shared/ and renderer/
 * (type-only imports included) has no cycle. Imports are read with TypeScript's own pre-processor
 * and resolved with a small resolver: relative paths and the tsconfig.base.json path aliases
 * ('@shared/…'); packages are leaves.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['main', 'shared', 'renderer'];
const EXTENSIONS = ['.ts', '.tsx'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** '@shared/*' → '<root>/shared/*', from tsconfig.base.json's compilerOptions.paths. */
function pathAliases(root: string): [prefix: string, target: string][] {
  const file = join(root, 'tsconfig.base.json');
  if (!existsSync(file)) return [];
  const { config } = ts.readConfigFile(file, ts.sys.readFile) as {
    config?: { compilerOptions?: { paths?: Record<string, string[]> } };
  };
  return Object.entries(config?.compilerOptions?.paths ?? {}).map(([alias, [target]]) => [
    alias.replace(/\*$/, ''),
    resolve(root, (target ?? '').replace(/\*$/, '')),
  ]);
}

function resolveFile(base: string): string | null {
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
    base.replace(/\.js$/, '.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** file → the source files it imports (static, type-only, re-exports and dynamic import()). */
function importGraph(root: string, dirs: readonly string[]): Map<string, string[]> {
  const aliases = pathAliases(root);
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName: spec }) => {
      let base: string | null = null;
      if (spec.startsWith('./') || spec.startsWith('../')) base = resolve(dirname(file), spec);
      else {
        const alias = aliases.find(([prefix]) => spec.startsWith(prefix));
        if (alias) base = join(alias[1], spec.slice(alias[0].length));
      }
      const target = base === null ? null : resolveFile(base);
      return target ? [target] : [];
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle a depth-first walk meets, as root-relative paths (first file repeated at the end). */
function findCycles(graph: Map<string, string[]>, root: string): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import graph', () => {
  it('main/, shared/ and renderer/ have no import cycle', () => {
    const graph = importGraph(ROOT, SOURCE_DIRS);
    // The walk saw the real code: hundreds of files and the edges a reader of them would name.
    expect(graph.size).toBeGreaterThan(200);
    const edges = (from: string) => (graph.get(join(ROOT, from)) ?? []).map((f) => relative(ROOT, f));
    expect(edges('main/import/offer-mapper.ts')).toContain('main/import/catalog-sink.ts');
    expect(edges('main/catalog/statements.ts')).toContain('shared/catalog-types.ts'); // via '@shared/…'
    expect(findCycles(graph, ROOT).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (relative, aliased and type-only imports)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planner-cycles-'));
    try {
      const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
      mkdirSync(join(dir, 'main'));
      mkdirSync(join(dir, 'shared'));
      write(
        'tsconfig.base.json',
        JSON.stringify({ compilerOptions: { paths: { '@shared/*': ['./shared/*'] } } }),
      );
      write('main/a.ts', "import { b } from './b';\nexport const a = b;\n");
      write('main/b.ts', "import type { S } from '@shared/s';\nexport const b = 1 as S;\n");
      write('shared/s.ts', "import { a } from '../main/a';\nexport type S = typeof a;\n");
      write('main/leaf.ts', "import { readFileSync } from 'node:fs';\nexport const leaf = readFileSync;\n");
      const cycles = findCycles(importGraph(dir, ['main', 'shared']), dir);
      expect(cycles).toEqual([['main/a.ts', 'main/b.ts', 'shared/s.ts', 'main/a.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
