import { basename } from 'node:path';
import type { ImportKindOption, ImportProgress, ImportSummary } from '@shared/import/types';
import { ByteReader, type ReadStats } from './byte-reader';
import { CatalogWriter } from './catalog-writer';
import { detectFile, type ImportKind } from './detect';
import { cancelled, ImportError, publicMessage } from './errors';
import { checkInputFile } from './input-file';
import { readEc2OfferCsv } from './offer-csv';
import { readEc2OfferJson } from './offer-json';
import { OfferMapper } from './offer-mapper';
import { readSavingsPlansCsv, readSavingsPlansJson, type SpCounts } from './savings-plans';
import { importSpotAdvisor } from './spot-advisor';
import { readSpotHistory } from './spot-history';
import { claimTemp, copyForImport, importBase, releaseTemp, removeStaleTemps, swapInto } from './swap';
import { readHostReservations, type HostReservationCounts } from './host-reservations';
import type { OfferHeader } from './types';

export interface ImportOptions {
  file: string;
  /** The file as the person named it (a relative path, an upload's name): messages use only this. */
  displayName?: string;
  /** The catalog to update; created from `baseCatalogPath` when absent (its folder too). */
  catalogPath: string;
  /** Used only when catalogPath does not exist yet (normally the shipped catalog). */
  baseCatalogPath?: string;
  kind?: ImportKindOption;
  /** Replace scopes the catalog holds newer prices for (freshness.ts) instead of leaving them. */
  force?: boolean;
  /**
   * The region of a describe-host-reservation-offerings file (its output names none); required for
   * that kind, refused for the others (their files name their regions).
   */
  region?: string;
  /**
   * The date the person's file has (ISO date-time), when the file read is not that file (an upload
   * saved by serve): dates a file that names no date of its own instead of the read file's mtime.
   */
  fileModifiedAt?: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Minimum milliseconds between progress reports (default 200). */
  progressIntervalMs?: number;
}

const LICENCE = 'AWS Price List (public)';

/** SQLite result codes that mean the disk or the file system failed, not the input. */
const STORAGE_FAULT = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PERM)/;

/**
 * What an error thrown while reading the file becomes: bad input stays an ImportError; a value the
 * checks let through but the catalog's constraints refuse is bad input too (placed at the chunk the
 * reader had reached); a storage fault passes unchanged; anything else is a defect of the importer,
 * reported as 'internal' with no stack and no paths.
 */
function asImportError(err: unknown, at: number, signal: AbortSignal | undefined): unknown {
  if (err instanceof ImportError) return err;
  if (signal?.aborted) return cancelled();
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^E[A-Z0-9]+$/.test(code) || STORAGE_FAULT.test(code))) return err;
  const where = { byteOffset: at };
  if (typeof code === 'string' && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code)) {
    return new ImportError(
      'bad-value',
      `a value read before this byte does not fit the catalog (${publicMessage(err)})`,
      where,
    );
  }
  const name = err instanceof Error ? err.name : 'Error';
  return new ImportError(
    'internal',
    `the importer failed while reading (${name}: ${publicMessage(err)})`,
    where,
  );
}

/**
 * Imports one AWS price file into a catalog, safely: the work happens on a private copy beside the
 * target (`<target>.import-<pid>.tmp`), which is checked and then renamed over the target. Any
 * error, cancel or crash leaves the target byte-identical; temp files of killed runs are removed
 * by the next import. Only regular files are read (a FIFO or device is refused before it is opened).
 */
export async function importPriceFile(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const target = opts.catalogPath;
  const name = opts.displayName ?? basename(opts.file);
  if (opts.signal?.aborted) throw cancelled();
  removeStaleTemps(target);
  await checkInputFile(opts.file, name);
  const detected = await detectFile(opts.file, name);
  if (detected.kind === 'region-index') {
    throw new ImportError(
      'wrong-offer',
      'this is a region index (region_index.json): it lists offer files, it holds no prices',
      {
        field: 'regions',
      },
    );
  }
  const kind = detected.kind;
  const wanted = opts.kind ?? 'auto';
  if (wanted !== 'auto' && wanted !== kind) {
    throw new ImportError('wrong-offer', `--kind ${wanted} given, but the file is a ${kind} file`, {
      field: 'kind',
    });
  }
  // AWS's Spot Advisor file holds bands, not prices: its own importer (spot-advisor.ts).
  // Its file names no date: dated by the person's file date when given (asOf), else by its mtime.
  if (kind === 'spot-advisor') {
    const given = opts.fileModifiedAt;
    return importSpotAdvisor(given === undefined ? opts : { ...opts, asOf: utcDay(given) });
  }
  if ((kind === 'host-reservations') !== (opts.region !== undefined)) {
    throw new ImportError(
      'bad-value',
      kind === 'host-reservations'
        ? 'a describe-host-reservation-offerings file names no region: give the region it was read in (--region)'
        : `a ${kind} file names its own regions: --region is for describe-host-reservation-offerings output`,
      { field: 'region' },
    );
  }
  const base = importBase(target, opts.baseCatalogPath);

  const temp = claimTemp(target);
  let writer: CatalogWriter | null = null;
  let reader: ByteReader | null = null;
  let lastReport = 0;
  const interval = opts.progressIntervalMs ?? 200;
  const report = (stats: ReadStats, force = false) => {
    if (!opts.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < interval) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? stats.bytesRead / seconds : 0;
    opts.onProgress({
      bytesRead: stats.bytesRead,
      totalBytes: stats.totalBytes,
      rows: writer?.rows ?? 0,
      mbPerSecond: rate / 1e6,
      etaSeconds: rate > 0 ? (stats.totalBytes - stats.bytesRead) / rate : null,
    });
  };
  const shownName = basename(name);
  try {
    copyForImport(base, temp);
    writer = new CatalogWriter(
      temp,
      (h) => ({
        id: sourceIdFor(kind, h),
        name: `AWS Price List: ${h.offerCode} ${detected.format.toUpperCase()} file, version ${h.version}`,
        url: shownName,
        licence: LICENCE,
        as_of: h.publicationDate.slice(0, 10),
        note: `Imported ${new Date().toISOString()} from ${shownName} (${kind}, ${detected.format}).`,
      }),
      opts.force ?? false,
    );
    const w = writer;
    reader = await ByteReader.open(opts.file, opts.signal, (s) => report(s), name);
    const r = reader;
    const mapper = new OfferMapper(w);
    const sp: SpCounts = { rates: 0, skipped: 0, zeroPrices: 0 };
    const host: HostReservationCounts = { offerings: 0, families: new Set() };
    let header: OfferHeader;
    try {
      if (kind === 'ec2') {
        header =
          detected.format === 'json' ? await readEc2OfferJson(r, mapper) : await readEc2OfferCsv(r, mapper);
      } else if (kind === 'host-reservations') {
        header = await readHostReservations(r, opts.file, opts.region!, w, host, opts.fileModifiedAt);
      } else if (kind === 'savings-plans') {
        header =
          detected.format === 'json'
            ? await readSavingsPlansJson(r, w, sp)
            : await readSavingsPlansCsv(r, w, sp);
      } else {
        const spot = await readSpotHistory(r, w);
        header = {
          offerCode: 'spot',
          version: spot.publicationDate.slice(0, 10),
          publicationDate: spot.publicationDate,
        };
      }
      w.finish({ byteOffset: r.stats.totalBytes });
    } catch (err) {
      throw asImportError(err, r.stats.bytesRead, opts.signal);
    }
    if (opts.signal?.aborted) throw cancelled();
    w.close();
    await r.close();
    reader = null;
    // Nothing may yield between this check and the rename: a cancel either comes first or finds
    // the catalog already replaced.
    if (opts.signal?.aborted) throw cancelled();
    report(r.stats, true);
    swapInto(temp, target);
    const seconds = (performance.now() - started) / 1000;
    return {
      kind,
      format: detected.format,
      catalogPath: target,
      sourceId: sourceIdFor(kind, header),
      rows: w.rows,
      rowsByModel: { ...w.counts.byModel },
      ebsRows: w.counts.ebsRows,
      instanceTypes: w.counts.instanceTypes.size,
      regions: w.counts.regions.size,
      publicationDate: header.publicationDate,
      seconds,
      mbPerSecond: r.stats.totalBytes / 1e6 / seconds,
      bytes: r.stats.totalBytes,
      skippedInstanceTypes: w.counts.instanceTypesSkipped,
      addedInstanceTypes: w.counts.instanceTypesAdded,
      zeroPricesSkipped: mapper.counts.zeroPrices + sp.zeroPrices,
      hostRows: w.counts.hostRows,
      dedicatedFees: w.counts.feeRows,
      ...(kind === 'host-reservations'
        ? { hostReservations: { region: opts.region!, families: [...host.families].sort() } }
        : {}),
      skippedProducts: { ...mapper.counts.skipped },
      duplicatesIgnored: w.counts.duplicates,
      skippedScopes: w.skipped.scopes,
      skippedRows: w.skipped.rows,
    };
  } finally {
    writer?.close();
    if (reader) await reader.close().catch(() => undefined);
    releaseTemp(temp);
  }
}

export function sourceIdFor(kind: ImportKind, h: OfferHeader): string {
  const prefix =
    kind === 'ec2'
      ? 'aws-offer-ec2'
      : kind === 'savings-plans'
        ? 'aws-offer-sp'
        : kind === 'host-reservations'
          ? 'aws-host-reservations'
          : 'aws-spot-history';
  return `${prefix}-${h.version || h.publicationDate.slice(0, 10)}`;
}

/** The UTC day (YYYY-MM-DD) of an ISO date-time, whatever offset it was written with. */
function utcDay(isoDateTime: string): string {
  return new Date(isoDateTime).toISOString().slice(0, 10);
}
