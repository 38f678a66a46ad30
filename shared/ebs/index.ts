export type { VolumeLimits, VolumeLimitsOf } from './volume-limits';
export {
  DEFAULT_VOLUME_TYPES,
  GP3_BASELINE_IOPS,
  GP3_BASELINE_THROUGHPUT_MIBPS,
  HDD_IO_SIZE_CAP_KIB,
  LARGEST_VOLUME_GIB,
  MIN_PROVISIONED_IOPS,
  PROVISIONED_IOPS_TYPES,
  PROVISIONED_THROUGHPUT_TYPES,
  SSD_IO_SIZE_CAP_KIB,
  VOLUME_LIMITS,
} from './volume-limits';
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
/** The sizing solver's whole public surface (types, input bounds and defaults, solveEbsLayout). */
export * from './solver';
export type { CostCurvePoint, EnvelopeKind, EnvelopePoint, FitEnvelope, ProposedLayout } from './envelope';
export { costCurve, costCurveRange, fitEnvelopes, layoutEnvelope, volumeMaxima } from './envelope';
export type {
  SnapshotCost,
  SnapshotCostComponent,
  SnapshotFrequency,
  SnapshotPlan,
  SnapshotTier,
} from './snapshots';
export { snapshotMonthlyCost } from './snapshots';
