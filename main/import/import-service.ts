import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportKindOption, ImportProgress, ImportSummary } from '../../shared/import/types';
import { ByteReader, type ReadStats } from './byte-reader';
import { CatalogWriter } from './catalog-writer';
import { detectFile, type ImportKind } from './detect';
import { cancelled, ImportError } from './errors';
import { readEc2OfferCsv } from './offer-csv';
import { readEc2OfferJson, type OfferHeader } from './offer-json';
import { OfferMapper } from './offer-mapper';
import { readSavingsPlansCsv, readSavingsPlansJson, type SpCounts } from './savings-plans';
import { readSpotHistory } from './spot-history';
import { copyForImport, removeStaleTemps, removeTemp, swapInto, tempPathFor } from './swap';

export interface ImportOptions {
  file: string;
  /** The catalog to update; created from `baseCatalogPath` when absent. */
  catalogPath: string;
  /** Used only when catalogPath does not exist yet (normally the shipped catalog). */
  baseCatalogPath?: string;
  kind?: ImportKindOption;
  /** Accept a file published before the catalog's current as-of date. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Minimum milliseconds between progress reports (default 200). */
  progressIntervalMs?: number;
}

const LICENCE = 'AWS Price List (public)';

/**
 * Imports one AWS price file into a catalog, safely: the work happens on a private copy beside the
 * target (`<target>.import-<pid>.tmp`), which is checked and then renamed over the target. Any
 * error, cancel or crash leaves the target byte-identical; temp files of killed runs are removed
 * by the next import.
 */
export async function importPriceFile(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const target = opts.catalogPath;
  if (opts.signal?.aborted) throw cancelled();
  removeStaleTemps(target);
  if (!existsSync(opts.file)) throw new ImportError('unreadable', `no such file: ${opts.file}`);
  const detected = await detectFile(opts.file);
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
  const base = existsSync(target) ? target : opts.baseCatalogPath;
  if (!base || !existsSync(base))
    throw new ImportError('unreadable', `no catalog at ${target} and no base catalog to start from`);

  const temp = tempPathFor(target);
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
  try {
    copyForImport(base, temp);
    writer = new CatalogWriter(
      temp,
      (h) => ({
        id: sourceIdFor(kind, h),
        name: `AWS Price List: ${h.offerCode} ${detected.format.toUpperCase()} file, version ${h.version}`,
        url: basename(opts.file),
        licence: LICENCE,
        asOf: h.publicationDate.slice(0, 10),
        note: `Imported ${new Date().toISOString()} from ${basename(opts.file)} (${kind}, ${detected.format}).`,
      }),
      opts.force ?? false,
    );
    const w = writer;
    reader = await ByteReader.open(opts.file, opts.signal, (s) => report(s));
    const r = reader;
    const mapper = new OfferMapper(w);
    const sp: SpCounts = { rates: 0, skipped: 0, zeroPrices: 0 };
    let header: OfferHeader;
    if (kind === 'ec2') {
      header =
        detected.format === 'json' ? await readEc2OfferJson(r, mapper) : await readEc2OfferCsv(r, mapper);
    } else if (kind === 'savings-plans') {
      header =
        detected.format === 'json'
          ? await readSavingsPlansJson(r, w, sp)
          : await readSavingsPlansCsv(r, w, sp);
    } else {
      const spot = await readSpotHistory(opts.file, w, opts.signal);
      r.stats.bytesRead = r.stats.totalBytes;
      header = {
        offerCode: 'spot',
        version: spot.publicationDate.slice(0, 10),
        publicationDate: spot.publicationDate,
      };
    }
    w.finish();
    if (opts.signal?.aborted) throw cancelled();
    w.close();
    await r.close();
    reader = null;
    report(r.stats, true);
    swapInto(temp, target);
    const seconds = (performance.now() - started) / 1000;
    return {
      kind,
      format: detected.format,
      catalogPath: target,
      sourceId: sourceIdFor(kind, header),
      rows: w.counts.ec2Rows + w.counts.ebsRows,
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
      duplicatesIgnored: w.counts.duplicates,
    };
  } finally {
    writer?.close();
    if (reader) await reader.close();
    removeTemp(temp);
  }
}

export function sourceIdFor(kind: ImportKind, h: OfferHeader): string {
  const prefix =
    kind === 'ec2' ? 'aws-offer-ec2' : kind === 'savings-plans' ? 'aws-offer-sp' : 'aws-spot-history';
  return `${prefix}-${h.version || h.publicationDate.slice(0, 10)}`;
}
