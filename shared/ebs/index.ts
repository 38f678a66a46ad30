export { VOLUME_LIMITS } from './volume-limits';
export type { IoMedia, IoPattern } from './io-accounting';
export { IO_SIZE_CAP_KIB, countedIops, mediaOf, minOpsForThroughput, throughputMiBps } from './io-accounting';
export type { VolumePerformance } from './performance';
export {
  GP2_CREDIT_BUCKET,
  gp2BaselineIops,
  gp2BurstSeconds,
  hddBurstSeconds,
  hddCreditBucketMiB,
  provisionedIopsThroughputMiBps,
  volumePerformance,
} from './performance';
export type { CostComponent, VolumeCost, VolumeCostDimension, VolumeSpec } from './cost';
export { MissingPriceError, ebsVolumeMonthlyCost, io2IopsTiers, validateVolume } from './cost';
export type {
  BindingConstraint,
  BurstInfo,
  InstanceEbsLimits,
  SizingOption,
  SizingRequirement,
  SizingResult,
} from './solver';
export { instanceEbsLimits, solveEbsLayout } from './solver';
export type { CostCurvePoint, EnvelopePoint, FitEnvelope } from './envelope';
export { costCurve, fitEnvelope, volumeMaxima } from './envelope';
export type {
  SnapshotCost,
  SnapshotCostComponent,
  SnapshotFrequency,
  SnapshotPlan,
  SnapshotTier,
} from './snapshots';
export { snapshotMonthlyCost } from './snapshots';
