import type Database from 'better-sqlite3';
import type { PurchaseModel } from '@shared/catalog-types';
import { openDatabase } from '../db/open';
import { catalogMigrations } from '../db/migrations/catalog';
import { refreshPriceSummary } from '../catalog/price-summary';
import { refreshScopeDates } from '../catalog/scope-dates';
import type { SourceDbRow } from '../catalog/rows';
import { prepareCatalogReads, prepareCatalogWrites } from '../catalog/statements';
import type { CatalogSink } from './catalog-sink';
import { excerpt, ImportError, type ImportErrorWhere } from './errors';
import { ScopeFreshness } from './freshness';
import type { Scope } from '@shared/catalog-scopes';
import { specFromAttributes } from './instance-spec';
import type {
  Attributes,
  DedicatedFeeInput,
  EbsPriceInput,
  Ec2PriceInput,
  HostPriceInput,
  OfferHeader,
} from './types';
import { verifyImportedCatalog } from './verify-import';

export interface WriteCounts {
  ec2Rows: number;
  ebsRows: number;
  /** Dedicated Host price rows (On-Demand and reservations). */
  hostRows: number;
  /** Per-Region Dedicated fees. */
  feeRows: number;
  duplicates: number;
  byModel: Partial<Record<PurchaseModel, number>>;
  instanceTypesAdded: string[];
  instanceTypesSkipped: string[];
  regions: Set<string>;
  instanceTypes: Set<string>;
}

/**
 * The CatalogSink an import writes to: a temporary copy of the catalog, private to this import and
 * discarded on any failure, so it runs without fsync until the end (the rollback journal stays:
 * better-sqlite3 refuses journal_mode = OFF); the whole import is one transaction. A file replaces
 * each scope it prices (EC2: region × purchase model × OS × tenancy; Savings Plans: region × plan type,
 * every tenancy; Dedicated Hosts: region × On-Demand or Reservation; the per-Region Dedicated fee and
 * EBS: region) that it is at least as new as (freshness.ts): the first row of such a scope deletes the
 * scope's old EC2 or host rows, whatever their source (EBS rows, fees and host capacity are upserted);
 * the rows of an older scope are skipped and counted.
 */
export class CatalogWriter implements CatalogSink {
  readonly counts: WriteCounts = {
    ec2Rows: 0,
    ebsRows: 0,
    hostRows: 0,
    feeRows: 0,
    duplicates: 0,
    byModel: {},
    instanceTypesAdded: [],
    instanceTypesSkipped: [],
    regions: new Set(),
    instanceTypes: new Set(),
  };
  private readonly db: Database.Database;
  private readonly read: ReturnType<typeof prepareCatalogReads>;
  private readonly write: ReturnType<typeof prepareCatalogWrites>;
  private readonly knownTypes = new Set<string>();
  private readonly skippedTypes = new Set<string>();
  private readonly knownRegions = new Set<string>();
  private readonly regionByName = new Map<string, string>();
  private readonly regionTypes = new Set<string>();
  /** Per scope (region, model, OS / plan type; EBS: region): whether the file replaces it. */
  private readonly scopeTaken = new Map<string, boolean>();
  private freshness: ScopeFreshness | null = null;
  private sourceId = '';
  private asOfDate = '';

  constructor(
    path: string,
    private readonly makeSource: (h: OfferHeader) => SourceDbRow,
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
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -16384'); // 16 MB: inserts arrive region by region, so a small cache suffices
    this.read = prepareCatalogReads(this.db);
    this.write = prepareCatalogWrites(this.db);
    for (const t of this.read.instanceTypeNames.all()) this.knownTypes.add(t);
    for (const r of this.read.regions.all()) {
      this.knownRegions.add(r.code);
      this.regionByName.set(r.name, r.code);
    }
    this.db.exec('BEGIN');
  }

  /** The catalog's current as-of date (meta.as_of): the newest of its prices; only moves forward. */
  asOf(): string | null {
    return this.read.metaValue.get('as_of') ?? null;
  }

  header(h: OfferHeader, where: ImportErrorWhere): void {
    if (this.sourceId) return;
    if (!/^\d{4}-\d{2}-\d{2}/.test(h.publicationDate)) {
      throw new ImportError('bad-value', `publication date ${excerpt(h.publicationDate)} is not a date`, {
        ...where,
        field: 'publicationDate',
      });
    }
    const asOf = h.publicationDate.slice(0, 10);
    // Freshness is decided scope by scope, as the file's rows arrive (freshness.ts).
    this.freshness = new ScopeFreshness(this.read.scopeDates.all(), asOf, this.force);
    const row = this.makeSource(h);
    this.write.putSource.run(row);
    this.sourceId = row.id;
    this.asOfDate = asOf;
  }

  /**
   * Whether the file takes a scope (asked once per scope: the first time, `replace` removes the scope's
   * old rows); a row of a scope it does not take is counted as skipped.
   */
  private takesScope(key: string, scope: Scope, replace?: () => void): boolean {
    let taken = this.scopeTaken.get(key);
    if (taken === undefined) {
      taken = this.freshness!.takes(scope);
      if (taken) replace?.();
      this.scopeTaken.set(key, taken);
    }
    if (!taken) this.freshness!.skippedRows++;
    return taken;
  }

  private requireHeader(): void {
    if (!this.sourceId)
      throw new ImportError(
        'malformed',
        'prices appear before the file header (offerCode, version, publicationDate)',
      );
  }

  regionCodeFor(location: string | undefined): string | undefined {
    return location === undefined ? undefined : this.regionByName.get(location);
  }

  region(code: string, name: string | undefined): void {
    if (this.knownRegions.has(code)) return;
    this.write.addRegion.run({ code, name: name ?? code });
    this.knownRegions.add(code);
  }

  instanceType(type: string, attrs: Attributes | null): boolean {
    if (this.knownTypes.has(type)) return true;
    if (this.skippedTypes.has(type)) return false;
    const spec = attrs ? specFromAttributes(attrs) : null;
    if (!spec) {
      this.skippedTypes.add(type);
      this.counts.instanceTypesSkipped.push(type);
      return false;
    }
    this.write.insertInstanceType.run(spec);
    this.knownTypes.add(type);
    this.counts.instanceTypesAdded.push(type);
    return true;
  }

  ec2(r: Ec2PriceInput): void {
    if (!this.sourceId) this.requireHeader();
    const sp = r.model === 'savings-plan';
    const tenancy = r.tenancy ?? 'shared';
    // A Savings Plans scope (region × plan type) covers every tenancy.
    const scope = sp
      ? r.region + '\u0000' + r.model + '\u0000' + r.plan_type
      : r.region + '\u0000' + r.model + '\u0000' + r.os + '\u0000' + tenancy;
    // A scope the file takes is replaced whole: its old rows go, whatever their source.
    const taken = this.takesScope(
      scope,
      {
        product: 'ec2',
        region: r.region,
        model: r.model,
        os: sp ? null : r.os,
        planType: sp && r.plan_type !== '' ? r.plan_type : null,
        tenancy: sp ? undefined : tenancy,
      },
      () =>
        sp
          ? this.write.deleteSavingsPlanScopePrices.run(r.region, r.plan_type)
          : this.write.deleteScopePrices.run(r.region, r.os, r.model, tenancy),
    );
    if (!taken) return;
    const avail = r.region + '\u0000' + r.instance_type;
    if (!this.regionTypes.has(avail)) {
      this.write.addInstanceRegion.run({ region: r.region, instance_type: r.instance_type });
      this.regionTypes.add(avail);
      this.counts.regions.add(r.region);
      this.counts.instanceTypes.add(r.instance_type);
    }
    // Written out, not spread: better-sqlite3 binds a plainly shaped object faster (measured: a spread
    // cost ~7% of a generated 100 MB import's CPU time).
    const info = this.write.insertEc2Price.run({
      region: r.region,
      instance_type: r.instance_type,
      os: r.os,
      tenancy,
      model: r.model,
      term_years: r.term_years,
      payment_option: r.payment_option,
      offering_class: r.offering_class,
      plan_type: r.plan_type,
      upfront_usd: r.upfront_usd,
      hourly_usd: r.hourly_usd,
      effective_hourly_usd: r.effective_hourly_usd,
      source_id: this.sourceId,
      upfront_source: 'published',
    });
    if (info.changes === 0) {
      this.counts.duplicates++;
      return;
    }
    this.counts.ec2Rows++;
    this.counts.byModel[r.model] = (this.counts.byModel[r.model] ?? 0) + 1;
  }

  ebs(r: EbsPriceInput): void {
    if (!this.sourceId) this.requireHeader();
    const scope = r.region + '\u0000ebs';
    const taken = this.takesScope(scope, {
      product: 'ebs',
      region: r.region,
      model: null,
      os: null,
      planType: null,
    });
    if (!taken) return;
    this.write.putEbsPrice.run({ ...r, source_id: this.sourceId });
    this.counts.ebsRows++;
    this.counts.regions.add(r.region);
  }

  /**
   * One Dedicated Host price; the first of its scope (region × On-Demand or Reservation) replaces the
   * scope's old host prices. What the host holds is upserted with it.
   */
  host(r: HostPriceInput): void {
    if (!this.sourceId) this.requireHeader();
    const scope = r.region + '\u0000host\u0000' + r.model;
    const taken = this.takesScope(
      scope,
      { product: 'ec2', region: r.region, model: r.model, os: null, planType: null, tenancy: 'host' },
      () => this.write.deleteHostScopePrices.run(r.region, r.model),
    );
    if (!taken) return;
    const { capacity, ...price } = r;
    this.write.putHostPrice.run({ ...price, source_id: this.sourceId });
    if (capacity) {
      this.write.putHostCapacity.run({
        region: r.region,
        family: r.family,
        ...capacity,
        source_id: this.sourceId,
      });
    }
    this.counts.hostRows++;
    this.counts.regions.add(r.region);
  }

  /** A region's per-Region Dedicated fee (its own scope), replacing the one it has. */
  dedicatedFee(r: DedicatedFeeInput): void {
    if (!this.sourceId) this.requireHeader();
    const scope = r.region + '\u0000fee';
    const taken = this.takesScope(scope, {
      product: 'ec2',
      region: r.region,
      model: 'on-demand',
      os: null,
      planType: null,
      tenancy: 'dedicated',
    });
    if (!taken) return;
    this.write.putDedicatedFee.run({ ...r, source_id: this.sourceId });
    this.counts.feeRows++;
    this.counts.regions.add(r.region);
  }

  get rows(): number {
    return this.counts.ec2Rows + this.counts.ebsRows + this.counts.hostRows + this.counts.feeRows;
  }

  /** The scopes left alone because the catalog's prices for them are newer, and their rows. */
  get skipped(): { scopes: ScopeFreshness['skipped']; rows: number } {
    return { scopes: this.freshness?.skipped ?? [], rows: this.freshness?.skippedRows ?? 0 };
  }

  /**
   * Ends the import: headline prices, meta, commit, then the checks a catalog must pass before it
   * may replace the current one (verify-import.ts). Leaves the file in rollback-journal mode, as the
   * app expects. `end` = where the file ended (its problems are found only once all of it is read).
   */
  finish(end: ImportErrorWhere): void {
    this.freshness?.refuseIfAllSkipped();
    if (this.rows === 0) {
      throw new ImportError(
        'empty',
        'the file holds no prices the catalog can use (nothing was imported)',
        end,
      );
    }
    refreshPriceSummary(this.db, [...this.counts.regions]);
    refreshScopeDates(this.db, [...this.counts.regions]);
    const current = this.asOf();
    if (!current || this.asOfDate > current) this.write.putMeta.run({ key: 'as_of', value: this.asOfDate });
    this.write.putMeta.run({ key: 'last_import', value: this.sourceId });
    this.write.putMeta.run({ key: 'imported_at', value: new Date().toISOString() });
    this.db.exec('COMMIT');
    verifyImportedCatalog(this.db, { sourceId: this.sourceId, ec2Rows: this.counts.ec2Rows }, end);
    this.db.pragma('journal_mode = DELETE');
  }

  close(): void {
    if (this.db.open) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
    }
  }
}
