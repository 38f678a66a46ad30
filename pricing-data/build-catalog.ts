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
import { VOLUME_LIMITS } from '../shared/ebs/volume-limits';
import { refreshPriceSummary } from '../main/catalog/price-summary';
import { readInstanceSpecs } from './build/instance-specs';
import { readEc2Prices } from './build/ec2-prices';
import { readEbsPrices } from './build/ebs-prices';
import { isRegionCode, readJson } from './build/read-snapshot';

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
}

export function buildCatalog(outPath: string = DEFAULT_CATALOG_PATH): BuildSummary {
  const started = performance.now();
  const sourcesFile = readJson<SourcesFile>('../sources.json');
  const ec2 = readEc2Prices();
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
  const priced = ec2.rows.filter((r) => knownTypes.has(r.instance_type));
  const regions = new Set<string>(priced.map((r) => r.region));

  const tmp = `${outPath}.building-${process.pid}`;
  rmSync(tmp, { force: true });
  // Rebuildable from the snapshot, so NORMAL is enough; it is switched to rollback mode when done.
  const db = openDatabase(tmp, { migrations: catalogMigrations, label: 'catalog', durability: 'normal' });
  try {
    db.transaction(() => {
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('source', sourcesFile.catalog.source);
      meta.run('as_of', sourcesFile.catalog.asOf);
      meta.run('built_at', new Date().toISOString());
      meta.run('schema_version', String(catalogMigrations.length));

      const src = db.prepare(
        'INSERT INTO sources (id, name, url, licence, as_of, note) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const s of sourcesFile.sources) src.run(s.id, s.name, s.url, s.licence, s.asOf, s.note);

      const reg = db.prepare('INSERT INTO regions (code, name) VALUES (?, ?)');
      for (const code of [...regions].sort()) reg.run(code, regionNames.get(code) ?? code);

      const cols = Object.keys(specs[0]!);
      const ins = db.prepare(
        `INSERT INTO instance_types (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      );
      for (const s of specs) ins.run(s);

      const avail = db.prepare(
        'INSERT OR IGNORE INTO instance_regions (region, instance_type) VALUES (?, ?)',
      );
      for (const [region, types] of Object.entries(offerings)) {
        if (!regions.has(region)) continue;
        for (const t of types) if (knownTypes.has(t)) avail.run(region, t);
      }
      for (const p of priced) avail.run(p.region, p.instance_type);

      const price = db.prepare(`INSERT INTO ec2_prices
        (region, instance_type, os, model, term_years, payment_option, offering_class, upfront_usd, hourly_usd, effective_hourly_usd, source_id)
        VALUES (@region, @instance_type, @os, @model, @term_years, @payment_option, @offering_class, @upfront_usd, @hourly_usd, @effective_hourly_usd, @source_id)`);
      for (const p of priced) price.run(p);
      refreshPriceSummary(db);

      const vt = db.prepare(`INSERT INTO ebs_volume_types
        (volume_type, name, media, previous_generation, min_size_gib, max_size_gib, max_iops, max_throughput_mibps,
         max_iops_per_gib, baseline_iops, baseline_throughput_mibps, io_size_cap_kib, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const v of Object.values(VOLUME_LIMITS)) {
        vt.run(
          v.volumeType,
          v.name,
          v.media,
          v.previousGeneration ? 1 : 0,
          v.minSizeGiB,
          v.maxSizeGiB,
          v.maxIopsPerVolume,
          v.maxThroughputMiBpsPerVolume,
          v.maxIopsPerGiB,
          v.baselineIops,
          v.baselineThroughputMiBps,
          v.ioSizeCapKiB,
          v.notes,
        );
      }
      const ebsIns =
        db.prepare(`INSERT INTO ebs_prices (region, volume_type, dimension, unit, price_usd, description, source_id)
        VALUES (@region, @volume_type, @dimension, @unit, @price_usd, @description, @source_id)`);
      for (const e of ebs.rows) if (regions.has(e.region)) ebsIns.run(e);
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
  for (const p of priced) priceRows[p.model] = (priceRows[p.model] ?? 0) + 1;
  return {
    path: outPath,
    seconds: (performance.now() - started) / 1000,
    regions: regions.size,
    instanceTypes: specs.length,
    priceRows,
    ebsPriceRows: ebs.rows.filter((e) => regions.has(e.region)).length,
    skippedPricesForUnknownTypes: ec2.rows.length - priced.length,
  };
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
        `${summary.ebsPriceRows} EBS price rows`,
    );
  }
}
