import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportKindOption, ImportProgress } from '../../shared/import/types';
import { ImportError, publicMessage } from '../import/errors';
import { importPriceFile } from '../import/import-service';
import { checkInputFile } from '../import/input-file';
import { activeCatalogPath, importedCatalogPath, shippedCatalogPath } from '../paths';

export const IMPORT_USAGE =
  'import FILE [--kind ec2|savings-plans|spot|auto] [--catalog PATH] [--force]   import an AWS price file';

const KINDS: readonly ImportKindOption[] = ['ec2', 'savings-plans', 'spot', 'auto'];

export interface ImportCommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One progress line: bytes, rows, speed, time left. */
export function progressLine(p: ImportProgress): string {
  const pct = p.totalBytes > 0 ? (100 * p.bytesRead) / p.totalBytes : 0;
  const mb = (n: number) => (n / 1e6).toFixed(p.totalBytes < 1e7 ? 1 : 0);
  const eta = p.etaSeconds === null ? '' : `, ${Math.ceil(p.etaSeconds)} s left`;
  return `import: ${mb(p.bytesRead)}/${mb(p.totalBytes)} MB (${pct.toFixed(0)}%), ${p.rows} rows, ${p.mbPerSecond.toFixed(0)} MB/s${eta}`;
}

/**
 * `import FILE`: a direct service call (long-running; progress on stderr as it goes, the summary
 * JSON on stdout at the end). Without --catalog it writes the user's catalog in the user-data folder
 * (or PLANNER_CATALOG), created from the current one on first import. Exit 2 on bad input; the old
 * catalog is then untouched. Messages name FILE as given, never its resolved path.
 */
export async function runImportCommand(
  args: string[],
  opts: {
    catalogPath?: string;
    progress?: (line: string, final: boolean) => void;
    signal?: AbortSignal;
  } = {},
): Promise<ImportCommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        catalog: { type: 'string' },
        force: { type: 'boolean' },
        format: { type: 'string' },
      },
    });
  } catch (err) {
    return { code: 2, stdout: '', stderr: `import: ${(err as Error).message}\nUsage: ${IMPORT_USAGE}\n` };
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    return {
      code: 2,
      stdout: '',
      stderr: `import: expected FILE, got ${positionals.length ? positionals.join(' ') : 'none'}\nUsage: ${IMPORT_USAGE}\n`,
    };
  }
  const kind = (values.kind ?? 'auto') as ImportKindOption;
  if (!KINDS.includes(kind)) {
    return {
      code: 2,
      stdout: '',
      stderr: `import: --kind must be ${KINDS.join(', ')}; got ${values.kind}\n`,
    };
  }
  const given = positionals[0]!;
  const file = resolve(given);
  try {
    await checkInputFile(file, given);
  } catch (err) {
    return { code: 2, stdout: '', stderr: `import: ${publicMessage(err)}\n` };
  }
  const target = resolve(
    values.catalog ?? opts.catalogPath ?? process.env.PLANNER_CATALOG ?? importedCatalogPath(),
  );
  const base = existsSync(target)
    ? target
    : existsSync(activeCatalogPath())
      ? activeCatalogPath()
      : shippedCatalogPath();
  try {
    const s = await importPriceFile({
      file,
      displayName: given,
      catalogPath: target,
      baseCatalogPath: base,
      kind,
      force: values.force ?? false,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => opts.progress?.(progressLine(p), false),
      progressIntervalMs: 500,
    });
    opts.progress?.(
      `import: done in ${s.seconds.toFixed(1)} s, ${s.rows} rows, ${s.mbPerSecond.toFixed(0)} MB/s`,
      true,
    );
    return { code: 0, stdout: JSON.stringify(s, null, 2) + '\n', stderr: '' };
  } catch (err) {
    // Bad input exits 2; a fault of the disk or of the importer itself exits 1. Never a stack.
    const badInput = err instanceof ImportError && err.code !== 'internal';
    return {
      code: badInput ? 2 : 1,
      stdout: '',
      stderr: `import: ${given}: ${publicMessage(err)}\nThe catalog was not changed.\n`,
    };
  }
}
