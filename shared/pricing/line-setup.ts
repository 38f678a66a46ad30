import { Decimal, usdOrNull } from '../money';
import type { Scenario, ScenarioLine } from '../scenario/schema';
import type { SizedLines } from '../capacity/line-sizing';
import type { EstimateWarning } from './estimate-types';
import type { AllocationMemo } from './allocation';
import { describeInstance, IMPORT_HINT } from './messages';
import type { InstancePrices, PriceBook } from './price-book';
import { priceKey } from './price-book';
import { profileStats, type ProfileStats, type UsageProfile } from './usage-profile';
import { bandText } from './spot-interruption';
import { lineEbs } from './price-line';
import type { LineVolumesCost } from './volume-cost';
import { MAX_SCALE_DECIMALS, ZERO, warn, type LineState, type LineUsage } from './estimate-state';
import { reservationProfile, type ReservationProfile } from './capacity-reservation';

// Reads one line against the price book: its rates, its commitment purchase and the pool it joins.

export function riPoolKey(
  line: ScenarioLine,
  prices: InstancePrices | null,
): { key: string; flexible: boolean; factor: number } {
  // Size flexibility is for regional Linux RIs of shared tenancy; a dedicated RI covers its exact type.
  const shared = line.tenancy === 'shared';
  if (shared && line.os === 'linux' && prices?.family && prices.normalizationFactor) {
    return {
      key: `flex|${line.region}|${prices.family}`,
      flexible: true,
      factor: prices.normalizationFactor,
    };
  }
  const tenancy = shared ? '' : `|${line.tenancy}`;
  return {
    key: `exact|${line.region}|${line.os}|${line.instanceType}${tenancy}`,
    flexible: false,
    factor: 1,
  };
}

export function familyOrType(line: ScenarioLine, prices: InstancePrices | null): string {
  return prices?.family ?? `type:${line.instanceType}`;
}

export function scaleFor(values: readonly Decimal[]): number {
  let dp = 0;
  for (const v of values) dp = Math.max(dp, v.decimalPlaces());
  return 10 ** Math.min(dp, MAX_SCALE_DECIMALS);
}

export function knownRegions(book: PriceBook): Set<string> {
  const regions = new Set<string>(Object.keys(book.ebs));
  for (const p of Object.values(book.instances)) if (p.known) regions.add(p.region);
  return regions;
}

/**
 * What a line is, whatever it is bought as: its prices, its profile's statistics and the warnings
 * they raise. Compare's strategies change only the purchases, so they share each line's basis.
 */
export interface LineBasis {
  index: number;
  profile: UsageProfile;
  /** The catalog's prices for the line's type, region and OS; null when the catalog does not know them. */
  prices: InstancePrices | null;
  onDemandRate: Decimal | null;
  stats: ProfileStats;
  ebs: LineVolumesCost;
  warnings: EstimateWarning[];
  complete: boolean;
  /** The line's usage as strategies work it (line-usage.ts). */
  usageWorked: Map<string, LineUsage>;
  /** The line's capacity reservation over its profile, and the billed profile's statistics; null without one. */
  reservation: { profile: ReservationProfile; billedStats: ProfileStats } | null;
}

/**
 * What every strategy of one mix shares: each line's basis, and the allocations already run. It holds
 * for the scenario it was set up from (its lines, whatever their purchases, and its hours per month).
 */
export interface MixSetup {
  bases: LineBasis[];
  allocations: AllocationMemo;
}

/** The set-up of a scenario's lines, for estimates of these lines under any purchases (estimate.ts). */
export function setUpMix(scenario: Scenario, book: PriceBook, { profiles }: SizedLines): MixSetup {
  const regions = knownRegions(book);
  return {
    bases: scenario.lines.map((line, i) =>
      lineBasis(line, i, profiles[i] as UsageProfile, book, regions, scenario.hoursPerMonth),
    ),
    allocations: new Map(),
  };
}

function lineBasis(
  line: ScenarioLine,
  index: number,
  profile: UsageProfile,
  book: PriceBook,
  regions: Set<string>,
  hoursPerMonth: number,
): LineBasis {
  const found = book.instances[priceKey(line.region, line.os, line.instanceType, line.tenancy)] ?? null;
  // On a Dedicated Host the instances pay only their licence, On-Demand; the hosts are bought instead.
  const prices =
    found && line.tenancy === 'host' ? { ...found, reserved: [], savingsPlans: [], spot: null } : found;
  const known = prices !== null && prices.known;
  const stats = profileStats(profile);
  const reserved = line.capacityReservation ? reservationProfile(profile, line.capacityReservation) : null;
  const basis: LineBasis & Pick<LineState, 'line'> = {
    line,
    index,
    profile,
    prices: known ? prices : null,
    onDemandRate: known ? usdOrNull(prices.onDemandHourlyUsd) : null,
    stats,
    ebs: lineEbs(line, index, stats, profile.periodHours, book, hoursPerMonth),
    usageWorked: new Map(),
    reservation: reserved && { profile: reserved, billedStats: profileStats(reserved.billed) },
    warnings: [],
    complete: true,
  };
  const what = describeInstance(line);
  if (!known) {
    if (!regions.has(line.region)) {
      warn(
        basis,
        'unknown-region',
        `region ${line.region} is not in the catalog: line ${line.id} (${what}) is not priced — ${IMPORT_HINT}`,
        true,
        { family: 'region', region: line.region, os: line.os, option: null },
      );
    } else {
      warn(
        basis,
        'unknown-instance',
        `${what} is not in the catalog: the compute of line ${line.id} is not priced — ${IMPORT_HINT}`,
        true,
        { family: 'instance-type', region: line.region, os: line.os, option: line.instanceType },
      );
    }
  } else if (basis.onDemandRate === null) {
    warn(basis, 'missing-price', `no on-demand price for ${what} — ${IMPORT_HINT}`, true, {
      family: 'on-demand',
      region: line.region,
      os: line.os,
      option: null,
    });
  }
  return basis;
}

/** A line's working state under its purchase, from its basis (read from the same line, whatever its purchase). */
export function lineState(basis: LineBasis, line: ScenarioLine): LineState {
  const { prices } = basis;
  const state: LineState = {
    line,
    index: basis.index,
    profile: basis.profile,
    prices,
    model: line.purchase.model,
    onDemandRate: basis.onDemandRate,
    spotRate: null,
    periodInstanceHours: basis.stats.instanceHours,
    peak: basis.stats.peak,
    min: basis.stats.min,
    ebs: basis.ebs,
    allocationIndex: -1,
    ri: null,
    sp: null,
    computeUnknown: false,
    complete: basis.complete,
    warnings: basis.warnings.map((w) => ({ ...w })),
    riCoveredHours: ZERO,
    spCoveredHours: ZERO,
    usageWorked: basis.usageWorked,
    reservation: null,
  };
  if (state.model === 'spot') {
    const what = describeInstance(line);
    if (!line.interruptionTolerant) {
      warn(
        state,
        'spot-not-tolerant',
        `line ${line.id} is not marked interruption-tolerant, so it is priced on-demand: spot instances can be reclaimed with a 2-minute notice`,
        false,
      );
      state.model = 'on-demand';
    } else if (prices !== null) {
      const spot = prices.spot;
      if (spot === null) {
        warn(state, 'missing-price', `no spot price for ${what} — ${IMPORT_HINT}`, true, {
          family: 'spot',
          region: line.region,
          os: line.os,
          option: null,
        });
      } else {
        state.spotRate = new Decimal(spot.hourlyUsd);
        warn(
          state,
          'spot-caveat',
          `spot price for ${what} is an observation of $${spot.hourlyUsd}/h on ${spot.asOf} (interruption band ${bandText(prices.spotAdvisor)}), never a guaranteed price`,
          false,
        );
      }
    }
  }
  if (basis.reservation) withReservation(state, basis.reservation, basis.stats);
  return state;
}

/**
 * A line holding a capacity reservation is billed max(running, reserved) instance-hours each hour
 * (capacity-reservation.ts): its commitments and On-Demand price those. On spot, its running
 * instances are priced as spot and the reservation stays all unused.
 */
function withReservation(
  state: LineState,
  { profile, billedStats }: NonNullable<LineBasis['reservation']>,
  running: ProfileStats,
): void {
  state.reservation = { profile, running };
  if (state.model === 'spot') return;
  state.profile = profile.billed;
  state.periodInstanceHours = billedStats.instanceHours;
  state.peak = billedStats.peak;
  state.min = billedStats.min;
}
