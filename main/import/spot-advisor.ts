import { basename } from 'node:path';
import type { ImportProgress, ImportSummary, SkippedScope } from '@shared/import/types';
import { catalogMigrations } from '../db/migrations/catalog';
import { openDatabase } from '../db/open';
import { prepareCatalogReads, prepareCatalogWrites } from '../catalog/statements';
import { cancelled, ImportError, publicMessage } from './errors';
import { checkInputFile, openRegularFile } from './input-file';
import { looksLikeSpotAdvisor, parseSpotAdvisor, spotAdvisorDbRow } from './spot-advisor-parse';
import { claimTemp, copyForImport, importBase, releaseTemp, removeStaleTemps, swapInto } from './swap';

/** The real file is about 0.9 MB; anything past this is not AWS's Spot Advisor file. */
export const MAX_SPOT_ADVISOR_BYTES = 64 * 2 ** 20;

/** The same options as importPriceFile's (import-service.ts), plus the data's date. */
export interface SpotAdvisorImportOptions {
  file: string;
  /** The file as the person named it: messages use only this. */
  displayName?: string;
  /** The catalog to update; created from `baseCatalogPath` when absent. */
  catalogPath: string;
  baseCatalogPath?: string;
  /** Accept a file older than the catalog's Spot Advisor data. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /**
   * The data's as-of date (YYYY-MM-DD). The file carries none: Update from AWS passes the date AWS
   * served it; absent, the file's modification date (a download's is the day it was fetched).
   */
  asOf?: string;
}

/** "us-east-1 Linux Spot Advisor" for the scope key "us-east-1|linux". */
function scopeName(key: string): string {
  const [region, os] = key.split('|');
  return `${region} ${os === 'windows' ? 'Windows' : 'Linux'} Spot Advisor`;
}

const SQLITE_FAULT = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PERM)/;

/** Bad input stays an ImportError; a disk fault passes unchanged; anything else is an importer defect. */
function asImportError(err: unknown): unknown {
  if (err instanceof ImportError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^E[A-Z0-9]+$/.test(code) || SQLITE_FAULT.test(code))) return err;
  const name = err instanceof Error ? err.name : 'Error';
  return new ImportError('internal', `the importer failed (${name}: ${publicMessage(err)})`);
}

/**
 * Imports AWS's Spot Advisor file (spot-advisor-data.json) into a catalog: the interruption band and
 * savings figure of every (region, OS, type) it lists, under a source dated `asOf`. Each (region, OS)
 * it lists is a scope: the file replaces a scope's entries when it is at least as new as them, or the
 * catalog has none; when the catalog is newer for every scope the file touches, it is refused unless
 * `force`, naming a scope and both dates. Works on a private copy, checked and renamed over the
 * target, so any refusal leaves the catalog byte-identical (as importPriceFile does).
 */
export async function importSpotAdvisor(opts: SpotAdvisorImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const target = opts.catalogPath;
  const name = opts.displayName ?? basename(opts.file);
  if (opts.signal?.aborted) throw cancelled();
  removeStaleTemps(target);
  const size = await checkInputFile(opts.file, name);
  if (size > MAX_SPOT_ADVISOR_BYTES) {
    throw new ImportError(
      'too-large',
      `the file is ${(size / 2 ** 20).toFixed(0)} MiB; AWS's Spot Advisor file is about 1 MB`,
    );
  }
  const fh = await openRegularFile(opts.file, name);
  let text: string;
  let modified: Date;
  try {
    text = await fh.readFile('utf8');
    modified = (await fh.stat()).mtime;
  } finally {
    await fh.close();
  }
  if (!looksLikeSpotAdvisor(text.slice(0, 64 * 1024))) {
    throw new ImportError('wrong-offer', "not AWS's Spot Advisor file (spot-advisor-data.json)", {
      byteOffset: 0,
    });
  }
  const data = parseSpotAdvisor(text);
  const asOf = opts.asOf ?? modified.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new ImportError('bad-value', `as-of date ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD)`, {
      field: 'asOf',
    });
  }
  if (opts.signal?.aborted) throw cancelled();
  const base = importBase(target, opts.baseCatalogPath);

  const temp = claimTemp(target);
  try {
    copyForImport(base, temp);
    const db = openDatabase(temp, { fileMustExist: true, durability: 'none' });
    let written = 0;
    const skippedScopes: SkippedScope[] = [];
    let skippedRows = 0;
    const sourceId = `aws-spot-advisor-${asOf}`;
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== catalogMigrations.length) {
        throw new ImportError(
          'bad-value',
          `the catalog has schema version ${version}; this app needs ${catalogMigrations.length}`,
        );
      }
      const read = prepareCatalogReads(db);
      const write = prepareCatalogWrites(db);
      const current = new Map(read.spotAdvisorScopeDates.all().map((r) => [`${r.region}|${r.os}`, r.as_of]));
      const scopes = [...new Set(data.rows.map((r) => `${r.region}|${r.os}`))];
      const newer = scopes.filter((k) => opts.force || !current.has(k) || asOf >= current.get(k)!);
      if (newer.length === 0) {
        const k = scopes[0]!;
        throw new ImportError(
          'stale',
          `the Spot Advisor file is dated ${asOf}, older than the catalog's Spot Advisor data for every scope it holds (${scopeName(k)}: ${current.get(k)}); use --force to import it anyway`,
          { field: 'asOf' },
        );
      }
      const take = new Set(newer);
      for (const k of scopes) {
        if (take.has(k)) continue;
        skippedScopes.push({ scope: scopeName(k), catalogAsOf: current.get(k)!, fileAsOf: asOf });
      }
      db.transaction(() => {
        write.putSource.run({
          id: sourceId,
          name: 'Spot interruption bands and savings: AWS Spot Instance Advisor data (spot-advisor-data.json)',
          url: basename(name),
          licence: 'AWS Spot Instance Advisor data (public)',
          as_of: asOf,
          note: `Imported ${new Date().toISOString()} from ${basename(name)}; dated ${opts.asOf ? 'as AWS served it' : 'by the file’s modification date'}.`,
        });
        for (const k of take) {
          const [region, os] = k.split('|') as [string, string];
          write.deleteSpotAdvisorScope.run(region, os);
        }
        for (const r of data.rows) {
          if (!take.has(`${r.region}|${r.os}`)) {
            skippedRows++;
            continue;
          }
          write.putSpotAdvisor.run(spotAdvisorDbRow(r, sourceId));
          written++;
        }
        write.putMeta.run({ key: 'last_import', value: sourceId });
        write.putMeta.run({ key: 'imported_at', value: new Date().toISOString() });
      })();
      const fk = db.prepare('PRAGMA foreign_key_check').all();
      if (fk.length > 0) throw new ImportError('bad-value', `${fk.length} rows point at missing sources`);
      if ((read.spotAdvisorAsOf.get() ?? '') === '') throw new ImportError('empty', 'nothing was imported');
      db.pragma('journal_mode = DELETE');
    } catch (err) {
      throw asImportError(err);
    } finally {
      db.close();
    }
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({
      bytesRead: size,
      totalBytes: size,
      rows: written,
      mbPerSecond: size / 1e6 / ((performance.now() - started) / 1000),
      etaSeconds: 0,
    });
    swapInto(temp, target);
    const seconds = (performance.now() - started) / 1000;
    return {
      kind: 'spot-advisor',
      format: 'json',
      catalogPath: target,
      sourceId,
      rows: written,
      rowsByModel: { 'spot-advisor': written },
      ebsRows: 0,
      instanceTypes: data.instanceTypes,
      regions: new Set(data.rows.map((r) => r.region)).size,
      publicationDate: asOf,
      seconds,
      mbPerSecond: size / 1e6 / seconds,
      bytes: size,
      skippedInstanceTypes: [],
      addedInstanceTypes: [],
      zeroPricesSkipped: 0,
      duplicatesIgnored: 0,
      ...(skippedScopes.length > 0 ? { skippedScopes, skippedRows } : {}),
    };
  } finally {
    releaseTemp(temp);
  }
}
