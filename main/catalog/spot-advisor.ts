import type { OperatingSystem } from '@shared/catalog-types';
import { bandUpperBoundPct, type SpotAdvisorBand } from '@shared/pricing/spot-interruption';
import type { SpotAdvisorDbRow } from './rows';
import type { prepareCatalogReads } from './statements';

/**
 * The Spot Advisor publishes Linux and Windows only: the catalog's other OSes (RHEL, SLES, Ubuntu Pro)
 * are separate spot products it gives no band for, so they show n/a rather than Linux's band.
 */
export function spotAdvisorOs(os: OperatingSystem): SpotAdvisorDbRow['os'] | null {
  return os === 'linux' || os === 'windows' ? os : null;
}

/** What the catalog says when it has no band for a type, region and OS. */
export const NO_BAND_NOTE =
  "Interruption frequency: n/a — AWS's Spot Advisor lists no band for this type, region and OS (Update from AWS, or import spot-advisor-data.json).";

/** A stored Spot Advisor row, dated by its source, as the engines and screens use it. */
export function toSpotAdvisorBand(row: SpotAdvisorDbRow & { as_of: string }): SpotAdvisorBand | null {
  const upperBoundPct = bandUpperBoundPct(row.band_label, row.band_max_pct);
  if (upperBoundPct === null) return null;
  return {
    label: row.band_label,
    rangeIndex: row.range_index,
    upperBoundPct,
    savingsPct: row.savings_pct,
    asOf: row.as_of,
    sourceId: row.source_id,
  };
}

/** The spot purchase option's band fields (null on every other option, and without a band). */
export function spotOptionFields(band: SpotAdvisorBand | null): {
  interruptionBand: string | null;
  advisorSavingsPct: number | null;
  advisorAsOf: string | null;
} {
  return {
    interruptionBand: band?.label ?? null,
    advisorSavingsPct: band?.savingsPct ?? null,
    advisorAsOf: band?.asOf ?? null,
  };
}

/** The sentence on interruptions the spot option's note ends with. */
export function spotBandSentence(band: SpotAdvisorBand | null): string {
  if (band === null) return NO_BAND_NOTE;
  return `Interruption frequency: ${band.label} of instances a month (AWS Spot Advisor, ${band.asOf}); the advisor's savings over On-Demand: ${band.savingsPct} %.`;
}

/** The band of one (region, OS, type) from the catalog, dated; null when it has none. */
export function readSpotAdvisorBand(
  q: Pick<ReturnType<typeof prepareCatalogReads>, 'spotAdvisorOf'>,
  region: string,
  os: OperatingSystem,
  instanceType: string,
): SpotAdvisorBand | null {
  const advisorOs = spotAdvisorOs(os);
  const row = advisorOs ? q.spotAdvisorOf.get(region, advisorOs, instanceType) : undefined;
  return row ? toSpotAdvisorBand(row) : null;
}
