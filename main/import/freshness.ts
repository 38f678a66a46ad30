import { scopeKey, scopeLabel, type Scope } from '@shared/catalog-scopes';
import type { SkippedScope } from '@shared/import/types';
import type { ScopeDateDbRow } from '../catalog/rows';
import { ImportError } from './errors';

/** How many scopes a refusal names before it says "and N more". */
const NAMED_IN_REFUSAL = 5;

/**
 * Freshness, scope by scope: a file replaces a scope (EC2: region × purchase model × OS × tenancy;
 * Dedicated Hosts: region × On-Demand or Reservation; the per-Region Dedicated fee: region; Savings
 * Plans: region × plan type; EBS: region) when it is at least as new as the newest prices the catalog holds
 * for it, or when the catalog holds none; otherwise, unless forced, the scope is left as it is and
 * the file's rows for it are skipped. The caller asks once per scope, on its first row, and counts the
 * rows it skips. A file all of whose scopes are skipped is refused (`refuseIfAllSkipped`), naming the
 * scopes and their dates.
 */
export class ScopeFreshness {
  private readonly newest = new Map<string, string>();
  readonly skipped: SkippedScope[] = [];
  private took = 0;
  skippedRows = 0;

  constructor(
    catalogScopes: readonly Pick<
      ScopeDateDbRow,
      'product' | 'region' | 'model' | 'os' | 'plan_type' | 'tenancy' | 'as_of'
    >[],
    private readonly fileAsOf: string,
    private readonly force: boolean,
  ) {
    for (const r of catalogScopes) {
      const key = scopeKey({
        product: r.product,
        region: r.region,
        model: r.model === '' ? null : r.model,
        os: r.os === '' ? null : r.os,
        planType: r.plan_type === '' ? null : r.plan_type,
        tenancy: r.tenancy === '' ? undefined : r.tenancy,
      });
      const held = this.newest.get(key);
      if (held === undefined || r.as_of > held) this.newest.set(key, r.as_of);
    }
  }

  /** Whether the file replaces this scope (true: the caller removes its old rows) or leaves it alone. */
  takes(scope: Scope): boolean {
    const catalogAsOf = this.newest.get(scopeKey(scope));
    if (!this.force && catalogAsOf !== undefined && this.fileAsOf < catalogAsOf) {
      this.skipped.push({ scope: scopeLabel(scope), catalogAsOf, fileAsOf: this.fileAsOf });
      return false;
    }
    this.took++;
    return true;
  }

  /** Refuses a file whose every scope the catalog holds newer prices for. */
  refuseIfAllSkipped(): void {
    if (this.skipped.length === 0 || this.took > 0) return;
    throw new ImportError('stale', staleMessage(this.skipped, this.fileAsOf), { field: 'publicationDate' });
  }
}

/**
 * "the catalog's us-east-1 Linux On-Demand prices are from 2026-07-20, newer than this file's 2025-09-11;
 * use --force to replace them", or for several scopes, each with its date.
 */
export function staleMessage(skipped: readonly SkippedScope[], fileAsOf: string): string {
  const first = skipped[0];
  if (skipped.length === 1 && first) {
    return (
      `the catalog's ${first.scope} prices are from ${first.catalogAsOf}, newer than this file's ` +
      `${fileAsOf}; use --force to replace them`
    );
  }
  const named = skipped
    .slice(0, NAMED_IN_REFUSAL)
    .map((s) => `${s.scope} (${s.catalogAsOf})`)
    .join(', ');
  const more = skipped.length > NAMED_IN_REFUSAL ? ` and ${skipped.length - NAMED_IN_REFUSAL} more` : '';
  return (
    `the catalog's prices are newer than this file's ${fileAsOf} for every scope the file holds: ` +
    `${named}${more}; use --force to replace them`
  );
}
