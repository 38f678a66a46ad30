import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { catalogMigrations } from '../db/migrations/catalog';
import { refreshPriceSummary } from '../catalog/price-summary';
import { excerpt, ImportError, type ImportErrorWhere } from './errors';
import { specFromAttributes } from './instance-spec';
import type { Attributes, EbsRef } from './mapping';
import type { OfferHeader } from './offer-json';

export type Model = 'on-demand' | 'reserved' | 'savings-plan' | 'spot';

export interface Ec2PriceRow {
  region: string;
  instanceType: string;
  os: string;
  model: Model;
  termYears: 0 | 1 | 3;
  paymentOption: string;
  offeringClass: string;
  planType: string;
  upfrontUsd: string;
  hourlyUsd: string;
  effectiveHourlyUsd: string;
}

export interface SourceRow {
  id: string;
  name: string;
  url: string;
  licence: string;
  asOf: string;
  note: string;
}

export interface WriteCounts {
  ec2Rows: number;
  ebsRows: number;
  duplicates: number;
  byModel: Partial<Record<Model, number>>;
  instanceTypesAdded: string[];
  instanceTypesSkipped: string[];
  regions: Set<string>;
  instanceTypes: Set<string>;
}

/**
 * Writes imported prices into a temporary copy of the catalog. The copy is private to this import
 * and discarded on any failure, so it runs without a journal and without fsync until the end; the
 * whole import is one transaction. An offer file is authoritative for each (region, purchase model)
 * it prices: the first row for such a pair deletes that pair's old rows, whatever their source.
 */
export class CatalogWriter {
  readonly counts: WriteCounts = {
    ec2Rows: 0,
    ebsRows: 0,
    duplicates: 0,
    byModel: {},
    instanceTypesAdded: [],
    instanceTypesSkipped: [],
    regions: new Set(),
    instanceTypes: new Set(),
  };
  private readonly db: Database.Database;
  private readonly knownTypes = new Set<string>();
  private readonly skippedTypes = new Set<string>();
  private readonly knownRegions = new Set<string>();
  private readonly regionByName = new Map<string, string>();
  private readonly regionTypes = new Set<string>();
  private readonly cleared = new Set<string>();
  private readonly insEc2: Database.Statement;
  private readonly insEbs: Database.Statement;
  private readonly insRegion: Database.Statement;
  private readonly insAvail: Database.Statement;
  private readonly delPair: Database.Statement;
  private sourceId = '';
  private asOfDate = '';

  constructor(
    path: string,
    private readonly makeSource: (h: OfferHeader) => SourceRow,
    private readonly force = false,
  ) {
    this.db = openDatabase(path, { fileMustExist: true, durability: 'none' });
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== catalogMigrations.length) {
      this.db.close();
      throw new ImportError(
        'bad-value',
        `the catalog has schema version ${version}; this app needs ${catalogMigrations.length}`,
      );
    }
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -16384'); // 16 MB: inserts arrive region by region, so a small cache suffices
    for (const r of this.db.prepare('SELECT instance_type FROM instance_types').pluck().all()) {
      this.knownTypes.add(r as string);
    }
    for (const r of this.db.prepare('SELECT code, name FROM regions').all() as {
      code: string;
      name: string;
    }[]) {
      this.knownRegions.add(r.code);
      this.regionByName.set(r.name, r.code);
    }
    this.insEc2 = this.db.prepare(`INSERT INTO ec2_prices
      (region, instance_type, os, tenancy, model, term_years, payment_option, offering_class, plan_type,
       upfront_usd, hourly_usd, effective_hourly_usd, source_id)
      VALUES (?, ?, ?, 'shared', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.insEbs = this.db.prepare(`INSERT OR REPLACE INTO ebs_prices
      (region, volume_type, dimension, unit, price_usd, description, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insRegion = this.db.prepare('INSERT OR IGNORE INTO regions (code, name) VALUES (?, ?)');
    this.insAvail = this.db.prepare(
      'INSERT OR IGNORE INTO instance_regions (region, instance_type) VALUES (?, ?)',
    );
    this.delPair = this.db.prepare('DELETE FROM ec2_prices WHERE region = ? AND model = ?');
    this.db.exec('BEGIN');
  }

  /** The catalog's current as-of date (meta.as_of), to refuse older files. */
  asOf(): string | null {
    const v = this.db.prepare("SELECT value FROM meta WHERE key = 'as_of'").pluck().get();
    return typeof v === 'string' ? v : null;
  }

  /**
   * Called by a reader as soon as the file's header is known (before any price): checks the date
   * (an older file than the catalog is refused unless forced — fail fast, before reading gigabytes)
   * and writes the sources row the prices will point at. `where` = the publication date in the file.
   */
  header(h: OfferHeader, where: ImportErrorWhere): void {
    if (this.sourceId) return;
    if (!/^\d{4}-\d{2}-\d{2}/.test(h.publicationDate)) {
      throw new ImportError('bad-value', `publication date ${excerpt(h.publicationDate)} is not a date`, {
        ...where,
        field: 'publicationDate',
      });
    }
    const asOf = h.publicationDate.slice(0, 10);
    const current = this.asOf();
    if (current && asOf < current && !this.force) {
      throw new ImportError(
        'stale',
        `the file was published ${asOf}, before the catalog's as-of date ${current}; use --force to import it anyway`,
        { field: 'publicationDate' },
      );
    }
    const row = this.makeSource(h);
    this.db
      .prepare(
        'INSERT OR REPLACE INTO sources (id, name, url, licence, as_of, note) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(row.id, row.name, row.url, row.licence, row.asOf, row.note);
    this.sourceId = row.id;
    this.asOfDate = asOf;
  }

  private requireHeader(): void {
    if (!this.sourceId)
      throw new ImportError(
        'malformed',
        'prices appear before the file header (offerCode, version, publicationDate)',
      );
  }

  /** Older offer files carry only the location name ("US East (N. Virginia)"), no regionCode. */
  regionCodeFor(location: string | undefined): string | undefined {
    return location === undefined ? undefined : this.regionByName.get(location);
  }

  region(code: string, name: string | undefined): void {
    if (this.knownRegions.has(code)) return;
    this.insRegion.run(code, name ?? code);
    this.knownRegions.add(code);
  }

  /** True when the type is in the catalog or could be added from these attributes. */
  instanceType(type: string, attrs: Attributes | null): boolean {
    if (this.knownTypes.has(type)) return true;
    if (this.skippedTypes.has(type)) return false;
    const spec = attrs ? specFromAttributes(attrs) : null;
    if (!spec) {
      this.skippedTypes.add(type);
      this.counts.instanceTypesSkipped.push(type);
      return false;
    }
    const cols = Object.keys(spec);
    this.db
      .prepare(
        `INSERT INTO instance_types (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      )
      .run(spec);
    this.knownTypes.add(type);
    this.counts.instanceTypesAdded.push(type);
    return true;
  }

  ec2(r: Ec2PriceRow): void {
    if (!this.sourceId) this.requireHeader();
    const pair = r.region + '\u0000' + r.model;
    if (!this.cleared.has(pair)) {
      this.delPair.run(r.region, r.model);
      this.cleared.add(pair);
    }
    const avail = r.region + '\u0000' + r.instanceType;
    if (!this.regionTypes.has(avail)) {
      this.insAvail.run(r.region, r.instanceType);
      this.regionTypes.add(avail);
      this.counts.regions.add(r.region);
      this.counts.instanceTypes.add(r.instanceType);
    }
    const info = this.insEc2.run(
      r.region,
      r.instanceType,
      r.os,
      r.model,
      r.termYears,
      r.paymentOption,
      r.offeringClass,
      r.planType,
      r.upfrontUsd,
      r.hourlyUsd,
      r.effectiveHourlyUsd,
      this.sourceId,
    );
    if (info.changes === 0) {
      this.counts.duplicates++;
      return;
    }
    this.counts.ec2Rows++;
    this.counts.byModel[r.model] = (this.counts.byModel[r.model] ?? 0) + 1;
  }

  ebs(ref: EbsRef, priceUsd: string): void {
    if (!this.sourceId) this.requireHeader();
    this.insEbs.run(
      ref.region,
      ref.volumeType,
      ref.dimension,
      ref.unit,
      priceUsd,
      ref.description,
      this.sourceId,
    );
    this.counts.ebsRows++;
    this.counts.regions.add(ref.region);
  }

  get rows(): number {
    return this.counts.ec2Rows + this.counts.ebsRows;
  }

  /**
   * Ends the import: headline prices, meta, and the checks a catalog must pass before it may
   * replace the current one. Leaves the file in rollback-journal mode, as the app expects.
   * `end` = where the file ended (its problems are found only once all of it is read).
   */
  finish(end: ImportErrorWhere): void {
    if (this.rows === 0) {
      throw new ImportError(
        'empty',
        'the file holds no prices the catalog can use (nothing was imported)',
        end,
      );
    }
    refreshPriceSummary(this.db, [...this.counts.regions]);
    const setMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const current = this.asOf();
    if (!current || this.asOfDate > current) setMeta.run('as_of', this.asOfDate);
    setMeta.run('last_import', this.sourceId);
    setMeta.run('imported_at', new Date().toISOString());
    this.db.exec('COMMIT');
    const fk = this.db.prepare('PRAGMA foreign_key_check').all();
    if (fk.length > 0)
      throw new ImportError('bad-value', `${fk.length} rows point at missing regions or types`, end);
    for (const table of [
      'regions',
      'instance_types',
      'ec2_prices',
      'price_summary',
      'ebs_volume_types',
      'sources',
      'meta',
    ]) {
      const n = this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      if (n === 0) throw new ImportError('empty', `table ${table} would be empty after the import`, end);
    }
    const mine = this.db
      .prepare('SELECT count(*) FROM ec2_prices WHERE source_id = ?')
      .pluck()
      .get(this.sourceId) as number;
    if (mine < this.counts.ec2Rows) {
      throw new ImportError(
        'bad-value',
        `wrote ${this.counts.ec2Rows} price rows but the catalog holds ${mine}`,
        end,
      );
    }
    this.db.pragma('journal_mode = DELETE');
  }

  close(): void {
    if (this.db.open) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
    }
  }
}
