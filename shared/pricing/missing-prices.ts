import type { OperatingSystem, PaymentOption, Tenancy } from '../catalog-types';

/**
 * Prices the catalog lacks, gathered by family: the engine tags each warning about a missing price with
 * what is missing (`EstimateWarning.missing`, a leaf module so estimate-types can name it), and an estimate or strategy lists each family once with
 * the lines and scopes it concerns (`missingPrices`). Screens and reports show one notice per family,
 * worded by missingPriceNotice (./missing-price-words.ts), never one warning per line and option.
 */
export const MISSING_PRICE_FAMILIES = [
  'region',
  'instance-type',
  'on-demand',
  'reserved-no-upfront',
  'reserved-partial-upfront',
  'reserved-all-upfront',
  'savings-plan',
  'spot',
  'spot-advisor',
  'ebs',
  'ebs-snapshot',
  'dedicated-host',
  'dedicated-fee',
] as const;
export type MissingPriceFamily = (typeof MISSING_PRICE_FAMILIES)[number];

/** The family of a Reserved Instance price by its payment option. */
export const reservedFamily = (p: PaymentOption): MissingPriceFamily => `reserved-${p}`;

/** What one warning says is missing: the family, where (region and OS; null OS for EBS) and the option. */
export interface MissingPriceTag {
  family: MissingPriceFamily;
  region: string;
  os: OperatingSystem | null;
  /**
   * What was asked for: the way of buying as listed ("Compute Savings Plan, 1-year, no upfront"), or the
   * instance type for 'instance-type'; null when nothing more is to be said.
   */
  option: string | null;
  /** What narrows the family, for its title: a Reserved Instance's offering class ("Convertible"). */
  qualifier?: string | undefined;
  /** The line's tenancy when it is not shared (its prices are the dedicated or host ones). */
  tenancy?: Exclude<Tenancy, 'shared'> | undefined;
}

/** A catalog scope that lacks the family's prices: a region and an OS (null for EBS). */
export interface MissingScope {
  region: string;
  os: OperatingSystem | null;
  /** Absent for shared tenancy. */
  tenancy?: Exclude<Tenancy, 'shared'>;
}

export interface MissingPrice {
  family: MissingPriceFamily;
  /** Ids of the lines that lack it, each once, in the order they first lacked it. */
  lines: string[];
  scopes: MissingScope[];
  /** The ways of buying that were asked for and could not be priced, each once. */
  options: string[];
  /** What narrows the family (offering classes of Reserved Instances), each once; empty when nothing does. */
  qualifiers: string[];
}

/** What a warning needs to carry for collectMissingPrices: the line and the tag. */
interface Tagged {
  lineId: string | null;
  missing?: MissingPriceTag | undefined;
}

/** Families in MISSING_PRICE_FAMILIES order, each with its lines, scopes and options once. */
export function collectMissingPrices(warnings: Iterable<Tagged>): MissingPrice[] {
  const one: MissingPrice[] = [];
  for (const w of warnings) {
    const tag = w.missing;
    if (!tag) continue;
    one.push({
      family: tag.family,
      lines: w.lineId === null ? [] : [w.lineId],
      scopes: [{ region: tag.region, os: tag.os, ...(tag.tenancy ? { tenancy: tag.tenancy } : {}) }],
      options: tag.option === null ? [] : [tag.option],
      qualifiers: tag.qualifier ? [tag.qualifier] : [],
    });
  }
  return mergeMissingPrices([one]);
}

/** Several lists merged family by family (an estimate's and every strategy's), each item once. */
export function mergeMissingPrices(lists: Iterable<readonly MissingPrice[]>): MissingPrice[] {
  const merged = new Map<MissingPriceFamily, MissingPrice>();
  for (const list of lists)
    for (const m of list) {
      const into = merged.get(m.family) ?? {
        family: m.family,
        lines: [],
        scopes: [],
        options: [],
        qualifiers: [],
      };
      for (const id of m.lines) if (!into.lines.includes(id)) into.lines.push(id);
      for (const s of m.scopes)
        if (!into.scopes.some((x) => x.region === s.region && x.os === s.os && x.tenancy === s.tenancy))
          into.scopes.push(s);
      for (const o of m.options) if (!into.options.includes(o)) into.options.push(o);
      for (const q of m.qualifiers) if (!into.qualifiers.includes(q)) into.qualifiers.push(q);
      merged.set(m.family, into);
    }
  return MISSING_PRICE_FAMILIES.flatMap((f) => {
    const entry = merged.get(f);
    return entry ? [entry] : [];
  });
}

/** Warnings that are not about a missing price: a missing price is said once, in its family's notice. */
export const warningsBesideNotices = <W extends Tagged>(warnings: readonly W[]): W[] =>
  warnings.filter((w) => !w.missing);
