export type { PriceBook, InstancePrices, RiRate, SpRate } from './price-book';
export { priceKey } from './price-book';
export { effectiveHourlyUsd, monthlyUsd, upfrontFromEffectiveHourly } from './rates';
export { NORMALIZATION_FACTORS, normalizationFactorForSize } from './normalization';
export type { ProfileStats, UsageProfile } from './usage-profile';
export {
  instanceHoursPerMonth,
  instanceHoursPerPeriod,
  minCount,
  peakCount,
  profileStats,
  usageProfile,
  usageProfileView,
} from './usage-profile';
export type {
  CommitmentEstimate,
  ComputeBreakdown,
  EstimateTotals,
  EstimateWarning,
  EstimateWarningCode,
  LineCoverage,
  LineEstimate,
  ScenarioEstimate,
  StrategyResult,
  VolumeComponentEstimate,
  VolumeEstimate,
} from './estimate-types';
export { estimateScenario, PURCHASES_IN_THREE_YEARS } from './estimate';
export type { Strategy } from './compare';
export {
  BREAK_EVEN_HORIZON_MONTHS,
  breakEvenMonth,
  compareStrategies,
  cumulativeCash,
  strategies,
} from './compare';
export { MAX_TIMELINE_HOURS, sharedTimeline } from './allocation';
