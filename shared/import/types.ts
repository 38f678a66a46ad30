import type { ImportFileKind } from './kinds';

/** What a price-file import reports while it runs and when it ends (CLI, and later the Data screen). */
export type { ImportKindOption } from './kinds';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  mbPerSecond: number;
  /** null until the rate is known. */
  etaSeconds: number | null;
}

export interface ImportSummary {
  /** spot-advisor: AWS's Spot Advisor file (interruption bands; rows = its entries, no price rows). */
  kind: ImportFileKind;
  format: 'json' | 'csv';
  catalogPath: string;
  sourceId: string;
  rows: number;
  rowsByModel: Record<string, number>;
  ebsRows: number;
  instanceTypes: number;
  regions: number;
  publicationDate: string;
  seconds: number;
  mbPerSecond: number;
  bytes: number;
  /** Types priced in the file that the catalog lacks and whose specs the file cannot fill. */
  skippedInstanceTypes: string[];
  addedInstanceTypes: string[];
  /** $0.00 listings skipped (capacity-block/reservation placeholders; never stored as a price). */
  zeroPricesSkipped: number;
  /** Dedicated Host price rows (On-Demand and reservations, per host-hour) and per-Region Dedicated fees. */
  hostRows?: number;
  dedicatedFees?: number;
  /** Dedicated Host Reservation offerings (a file that names no region): the region it was imported as, and its families. */
  hostReservations?: { region: string; families: string[] };
  /** An offer file's products not kept, by why ("capacity-status": reservation placeholders). */
  skippedProducts?: Record<string, number>;
  duplicatesIgnored: number;
  /**
   * Scopes the file holds that the catalog has newer prices for: left as they were (an import is
   * refused when this is every scope it holds, unless forced). Absent: none was skipped.
   */
  skippedScopes?: SkippedScope[];
  /** The file's rows of those scopes, not imported. */
  skippedRows?: number;
}

/** A scope an import left alone because the catalog's prices for it are newer than the file. */
export interface SkippedScope {
  /** "us-east-1 Linux On-Demand" (shared/catalog-scopes.ts). */
  scope: string;
  catalogAsOf: string;
  fileAsOf: string;
}
