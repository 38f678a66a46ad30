import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInput, regionCodeSchema } from '@shared/contract';
import type { ImportProgress } from '@shared/import/types';
import { ImportError, publicMessage } from '../import/errors';
import { importPriceFile } from '../import/import-service';
import { checkInputFile } from '../import/input-file';
import { activeCatalogPath, importedCatalogPath, shippedCatalogPath } from '../paths';
import { fieldMessage, refuse } from './call-input';
import { contractFlags, fieldLabel, formatFlag, HELP_FLAG } from './flags';
import type { Command } from './types';

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
export const IMPORT_COMMAND: Command = {
  name: 'import',
  summary:
    'Imports an AWS price file (EC2 offer, Savings Plans, spot history), the Spot Advisor file or Dedicated Host Reservation offerings into the catalog.',
  description:
    'EC2 offer files may be JSON or CSV. Progress goes to stderr; the summary is printed as JSON when done. On any refusal the catalog is left as it was.',
  positionals: [{ name: 'FILE', field: 'path', label: fieldLabel('import.start', 'path') }],
  flags: [
    ...contractFlags('import.start', { omit: ['path', 'region', 'fileModifiedAt'] }),
    {
      name: 'region',
      kind: 'string',
      field: 'region',
      label: fieldLabel('import.start', 'region'),
      description:
        'the region an `aws ec2 describe-host-reservation-offerings` output was read in (that output names none)',
      valueName: 'REGION',
    },
    {
      name: 'catalog',
      kind: 'string',
      label: 'Catalog',
      description:
        'catalog file to import into, created from the current one when missing (default: PLANNER_CATALOG, else the imported catalog in the user-data folder)',
      valueName: 'PATH',
    },
    formatFlag(['json']),
    HELP_FLAG,
  ],
  formats: ['json'],
  examples: [
    'import ~/Downloads/AmazonEC2-us-east-1.json',
    'import SavingsPlans-us-east-1.csv --kind savings-plans',
    'import spot-history.json --kind spot --catalog /tmp/my-catalog.sqlite',
    'import spot-advisor-data.json',
    'import host-reservation-offerings.json --region us-east-1',
  ],
  async run(args, ctx) {
    const given = args.positionals[0]!;
    const givenRegion = args.values.region as string | undefined;
    if (givenRegion !== undefined) {
      const parsed = regionCodeSchema.safeParse(givenRegion);
      if (!parsed.success) {
        return refuse(IMPORT_COMMAND, `--region: ${parsed.error.issues[0]!.message}; got ${givenRegion}`);
      }
    }
    const input = parseInput('import.start', {
      path: given,
      ...(args.values.kind !== undefined ? { kind: args.values.kind } : {}),
      ...(args.values.force !== undefined ? { force: args.values.force } : {}),
      ...(givenRegion !== undefined ? { region: givenRegion } : {}),
    });
    if (!input.ok) return refuse(IMPORT_COMMAND, fieldMessage(IMPORT_COMMAND, args, input.error));
    const { kind, force, region } = input.value;
    const file = resolve(given);
    try {
      await checkInputFile(file, given);
    } catch (err) {
      return refuse(IMPORT_COMMAND, publicMessage(err));
    }
    const catalog = args.values.catalog as string | undefined;
    const target = resolve(
      catalog ?? ctx.catalogPath ?? process.env.PLANNER_CATALOG ?? importedCatalogPath(),
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
        force,
        ...(region !== undefined ? { region } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onProgress: (p) => ctx.progress?.(progressLine(p), false),
        progressIntervalMs: 500,
      });
      ctx.progress?.(
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
  },
};
