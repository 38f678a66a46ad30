/**
 * Builds pricing-data/catalog.sqlite from the shipped snapshot (pricing-data/snapshot/).
 * Runs on `npm install` (postinstall) and `npm run catalog`; `--out PATH` writes elsewhere.
 * Writes a temporary file beside the target and renames it into place, so a failed build never
 * leaves a half-written catalog.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../main/db/open';
import { catalogMigrations } from '../main/db/migrations/catalog';
import { VOLUME_LIMITS } from '@shared/ebs/volume-limits';
import { refreshPriceSummary } from '../main/catalog/price-summary';
import { refreshScopeDates } from '../main/catalog/scope-dates';
import type { SourceDbRow } from '../main/catalog/rows';
import { prepareCatalogWrites } from '../main/catalog/statements';
import { readInstanceSpecs } from './build/instance-specs';
import { NewestPrices, readEc2Prices } from './build/ec2-prices';
import { readNewerOnDemand } from './build/newer-ondemand';
import { readEbsPrices } from './build/ebs-prices';
import { isRegionCode, readJson } from './build/read-snapshot';
import { writeSpotAdvisor } from './build/spot-advisor';

interface SourcesFile {
  catalog: { source: string; asOf: string };
  regionNameSupplement: Record<string, string>;
  sources: { id: string; name: string; url: string; licence: string; asOf: string; note: string }[];
}

export const DEFAULT_CATALOG_PATH = resolve(import.meta.dirname, 'catalog.sqlite');

export interface BuildSummary {
  path: string;
  seconds: number;
  regions: number;
  instanceTypes: number;
  priceRows: Record<string, number>;
  ebsPriceRows: number;
  skippedPricesForUnknownTypes: number;
  /** Price rows per source: which source each figure came from (the newest that has it). */
  rowsBySource: Record<string, number>;
  /** Location names of the 2025-06 On-Demand feed that name no catalog region (Local/Wavelength Zones). */
  unmappedLocations: string[];
}

export function buildCatalog(outPath: string = DEFAULT_CATALOG_PATH): BuildSummary {
  const started = performance.now();
  const sourcesFile = readJson<SourcesFile>('../sources.json');
  const prices = new NewestPrices(new Map(sourcesFile.sources.map((s) => [s.id, s.asOf])));
  const ec2 = readEc2Prices(prices);
  const ebs = readEbsPrices();
  const specs = readInstanceSpecs(ec2.currentInFeed);
  const offerings = readJson<{ regions: Record<string, string[]> }>(
    'ec2-instance-type-offerings-by-region.json',
  ).regions;

  const knownTypes = new Set(specs.map((s) => s.instance_type));
  const regionNames = new Map<string, string>([...ebs.regionNames, ...ec2.regionNames]);
  for (const [code, name] of Object.entries(sourcesFile.regionNameSupplement)) {
    if (isRegionCode(code)) regionNames.set(code, name);
  }
  // The 2025-06 feed names locations, not regions: read it once every region has its name.
  const newer = readNewerOnDemand(prices, new Map([...regionNames].map(([code, name]) => [name, code])));
  const allRows = prices.rows();
  const priced = allRows.filter((r) => knownTypes.has(r.instance_type));
  const regions = new Set<string>(priced.map((r) => r.region));

  const tmp = `${outPath}.building-${process.pid}`;
  rmSync(tmp, { force: true });
  // Rebuildable from the snapshot, so NORMAL is enough; it is switched to rollback mode when done.
  const db = openDatabase(tmp, { migrations: catalogMigrations, label: 'catalog', durability: 'normal' });
  try {
    const w = prepareCatalogWrites(db);
    db.transaction(() => {
      w.putMeta.run({ key: 'source', value: sourcesFile.catalog.source });
      w.putMeta.run({ key: 'as_of', value: sourcesFile.catalog.asOf });
      w.putMeta.run({ key: 'built_at', value: new Date().toISOString() });
      w.putMeta.run({ key: 'schema_version', value: String(catalogMigrations.length) });

      for (const s of unique(sourcesFile.sources, (s) => s.id, 'sources.json source id')) {
        w.putSource.run(toSourceRow(s));
      }
      for (const code of [...regions].sort()) w.addRegion.run({ code, name: regionNames.get(code) ?? code });
      for (const s of specs) w.insertInstanceType.run(s);

      for (const [region, types] of Object.entries(offerings)) {
        if (!regions.has(region)) continue;
        for (const t of types) if (knownTypes.has(t)) w.addInstanceRegion.run({ region, instance_type: t });
      }
      for (const p of priced) w.addInstanceRegion.run({ region: p.region, instance_type: p.instance_type });

      for (const p of priced) {
        if (w.insertEc2Price.run(p).changes !== 1) {
          throw new Error(`two prices for ${p.region} ${p.instance_type} ${p.os} ${p.model} ${p.term_years}`);
        }
      }
      refreshPriceSummary(db);

      for (const v of Object.values(VOLUME_LIMITS)) {
        w.insertEbsVolumeType.run({
          volume_type: v.volumeType,
          name: v.name,
          media: v.media,
          previous_generation: v.previousGeneration ? 1 : 0,
          min_size_gib: v.minSizeGiB,
          max_size_gib: v.maxSizeGiB,
          max_iops: v.maxIopsPerVolume,
          max_throughput_mibps: v.maxThroughputMiBpsPerVolume,
          max_iops_per_gib: v.maxIopsPerGiB,
          baseline_iops: v.baselineIops,
          baseline_throughput_mibps: v.baselineThroughputMiBps,
          io_size_cap_kib: v.ioSizeCapKiB,
          notes: v.notes,
        });
      }
      const ebsRows = ebs.rows.filter((e) => regions.has(e.region));
      for (const e of unique(ebsRows, (e) => `${e.region} ${e.volume_type} ${e.dimension}`, 'EBS price')) {
        w.putEbsPrice.run(e);
      }
      refreshScopeDates(db);
      writeSpotAdvisor(db);
    })();
    db.pragma('optimize');
    // The shipped catalog is opened read-only, possibly from a read-only folder (AppImage, system
    // installs), where SQLite cannot create a WAL's -shm file: ship it in rollback-journal mode.
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(outPath + suffix, { force: true });
  renameSync(tmp, outPath);
  for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });

  const priceRows: Record<string, number> = {};
  const rowsBySource: Record<string, number> = {};
  for (const p of priced) {
    priceRows[p.model] = (priceRows[p.model] ?? 0) + 1;
    rowsBySource[p.source_id] = (rowsBySource[p.source_id] ?? 0) + 1;
  }
  return {
    path: outPath,
    seconds: (performance.now() - started) / 1000,
    regions: regions.size,
    instanceTypes: specs.length,
    priceRows,
    ebsPriceRows: ebs.rows.filter((e) => regions.has(e.region)).length,
    skippedPricesForUnknownTypes: allRows.length - priced.length,
    rowsBySource,
    unmappedLocations: newer.unmapped,
  };
}

const toSourceRow = (s: SourcesFile['sources'][number]): SourceDbRow => ({
  id: s.id,
  name: s.name,
  url: s.url,
  licence: s.licence,
  as_of: s.asOf,
  note: s.note,
});

/** The rows, refusing a second row with the same key (a snapshot or sources.json mistake). */
function unique<T>(rows: readonly T[], key: (row: T) => string, what: string): readonly T[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) throw new Error(`${what} ${k} appears twice`);
    seen.add(k);
  }
  return rows;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean' } } });
  const out = values.out ? resolve(values.out) : DEFAULT_CATALOG_PATH;
  if (!existsSync(dirname(out))) {
    console.error(`--out: directory ${dirname(out)} does not exist`);
    process.exit(2);
  }
  const summary = buildCatalog(out);
  if (!values.quiet) {
    console.log(
      `catalog built: ${summary.path} in ${summary.seconds.toFixed(2)} s — ${summary.regions} regions, ` +
        `${summary.instanceTypes} instance types, prices ${JSON.stringify(summary.priceRows)}, ` +
        `${summary.ebsPriceRows} EBS price rows; EC2 rows by source ${JSON.stringify(summary.rowsBySource)}; ` +
        `${summary.unmappedLocations.length} On-Demand feed locations are not regions (Local/Wavelength Zones)`,
    );
  }
}
