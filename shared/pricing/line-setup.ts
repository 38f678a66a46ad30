import { Decimal, usdOrNull } from '../money';
import type { ScenarioLine } from '../scenario/schema';
import { describeInstance, IMPORT_HINT } from './messages';
import type { InstancePrices, PriceBook } from './price-book';
import { priceKey } from './price-book';
import type { UsageProfile } from './usage-profile';
import { profileStats } from './usage-profile';
import { bandText } from './spot-interruption';
import { MAX_SCALE_DECIMALS, ZERO, warn, type LineState } from './estimate-state';

// Reads one line against the price book: its rates, its commitment purchase and the pool it joins.

export function riPoolKey(
  line: ScenarioLine,
  prices: InstancePrices | null,
): { key: string; flexible: boolean; factor: number } {
  if (line.os === 'linux' && prices?.family && prices.normalizationFactor) {
    return {
      key: `flex|${line.region}|${prices.family}`,
      flexible: true,
      factor: prices.normalizationFactor,
    };
  }
  return { key: `exact|${line.region}|${line.os}|${line.instanceType}`, flexible: false, factor: 1 };
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

export function setUpLine(
  line: ScenarioLine,
  index: number,
  profile: UsageProfile,
  book: PriceBook,
  regions: Set<string>,
): LineState {
  const prices = book.instances[priceKey(line.region, line.os, line.instanceType)] ?? null;
  const known = prices !== null && prices.known;
  const stats = profileStats(profile);
  const state: LineState = {
    line,
    index,
    profile,
    prices: known ? prices : null,
    model: line.purchase.model,
    onDemandRate: known ? usdOrNull(prices.onDemandHourlyUsd) : null,
    spotRate: null,
    periodInstanceHours: stats.instanceHours,
    peak: stats.peak,
    min: stats.min,
    allocationIndex: -1,
    ri: null,
    sp: null,
    computeUnknown: false,
    complete: true,
    warnings: [],
    riCoveredHours: ZERO,
    spCoveredHours: ZERO,
  };
  const what = describeInstance(line);
  if (!known) {
    if (!regions.has(line.region)) {
      warn(
        state,
        'unknown-region',
        `region ${line.region} is not in the catalog: line ${line.id} (${what}) is not priced — ${IMPORT_HINT}`,
        true,
        { family: 'region', region: line.region, os: line.os, option: null },
      );
    } else {
      warn(
        state,
        'unknown-instance',
        `${what} is not in the catalog: the compute of line ${line.id} is not priced — ${IMPORT_HINT}`,
        true,
        { family: 'instance-type', region: line.region, os: line.os, option: line.instanceType },
      );
    }
  } else if (state.onDemandRate === null) {
    warn(state, 'missing-price', `no on-demand price for ${what} — ${IMPORT_HINT}`, true, {
      family: 'on-demand',
      region: line.region,
      os: line.os,
      option: null,
    });
  }

  if (state.model === 'spot') {
    if (!line.interruptionTolerant) {
      warn(
        state,
        'spot-not-tolerant',
        `line ${line.id} is not marked interruption-tolerant, so it is priced on-demand: spot instances can be reclaimed with a 2-minute notice`,
        false,
      );
      state.model = 'on-demand';
    } else if (known) {
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
  return state;
}
