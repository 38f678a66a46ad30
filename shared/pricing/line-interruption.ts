import { Decimal, toUsdString } from '../money';
import type { SpotInterruptionEstimate } from './estimate-types';
import { warn, type LineState } from './estimate-state';
import { describeInstance } from './messages';
import {
  interruptionCost,
  interruptionCostLabel,
  interruptionCostWorking,
  SPOT_ADVISOR_HINT,
} from './spot-interruption';

/**
 * A spot line's band and expected interruption cost per month. `usageHours` over `periodHours` is the
 * line's average running instances. usd: 0 when the line states no interruption cost, null when it
 * states one that cannot be priced (no band, or a fallback without an On-Demand price), which makes
 * the line incomplete with a warning naming what is missing.
 */
export function lineInterruption(
  s: LineState,
  usageHours: Decimal,
  periodHours: number,
): { estimate: SpotInterruptionEstimate | null; usd: Decimal | null } {
  if (s.model !== 'spot') return { estimate: null, usd: new Decimal(0) };
  const band = s.prices?.spotAdvisor ?? null;
  const purchase = s.line.purchase;
  const interruption = purchase.model === 'spot' ? (purchase.interruption ?? null) : null;
  const estimate: SpotInterruptionEstimate = {
    band: band?.label ?? null,
    upperBoundPct: band?.upperBoundPct ?? null,
    advisorSavingsPct: band?.savingsPct ?? null,
    asOf: band?.asOf ?? null,
    kind: interruption?.kind ?? null,
    minutes:
      interruption === null
        ? null
        : interruption.kind === 'rerun'
          ? interruption.rerunMinutes
          : interruption.fallbackMinutes,
    interruptions: null,
    extraInstanceHours: null,
    rateUsd: null,
    monthlyUsd: null,
    label: band && interruption ? interruptionCostLabel(band) : null,
    working: null,
  };
  if (interruption === null) return { estimate, usd: new Decimal(0) };
  // The spot cost itself is already missing (and warned about): nothing more to say.
  if (s.spotRate === null) return { estimate, usd: null };
  const what = describeInstance(s.line);
  if (band === null) {
    warn(
      s,
      'missing-price',
      `no Spot Advisor interruption band for ${what}: the expected interruption cost of line ${s.line.id} is not priced — ${SPOT_ADVISOR_HINT}`,
      true,
      { family: 'spot-advisor', region: s.line.region, os: s.line.os, option: null },
    );
    return { estimate, usd: null };
  }
  const averageInstances = usageHours.div(periodHours);
  const cost = interruptionCost({
    averageInstances,
    upperBoundPct: band.upperBoundPct,
    interruption,
    spotRate: s.spotRate,
    onDemandRate: s.onDemandRate,
  });
  if (cost === null) {
    // A fallback needs the On-Demand rate, whose absence is already warned about.
    return { estimate, usd: null };
  }
  return {
    estimate: {
      ...estimate,
      interruptions: toUsdString(cost.interruptions),
      extraInstanceHours: toUsdString(cost.extraInstanceHours),
      rateUsd: toUsdString(cost.rateUsd),
      monthlyUsd: toUsdString(cost.monthlyUsd),
      working: interruptionCostWorking(cost, interruption, averageInstances, band),
    },
    usd: cost.monthlyUsd,
  };
}
