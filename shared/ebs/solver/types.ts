import type { VolumeType } from '../../catalog-types';
import type { Decimal } from '../../money';
import type { CostComponent } from '../cost';
import type { IoPattern } from '../io-accounting';

/** What the solver takes and returns (the public shapes; see index.ts for the rules). */

export interface InstanceEbsLimits {
  instanceType: string;
  baselineIops: number | null;
  maxIops: number | null;
  /** Converted to MiB/s, the unit volumes are specified in. */
  baselineThroughputMiBps: number | null;
  maxThroughputMiBps: number | null;
  /** AWS's own figures, in MB/s (10^6 bytes/s), shown beside the conversions. */
  baselineThroughputMBps: number | null;
  maxThroughputMBps: number | null;
}

/**
 * Which of its type's layouts an option is: the cheapest (ties go to fewer volumes), or, where the
 * cheapest is a wider stripe, the fewest volumes that meet the need (costing more).
 */
export type LayoutChoice = 'cheapest' | 'fewest-volumes';

/**
 * A sizing requirement. The solver trusts its figures: callers pass input the contract schema
 * (shared/contract.ts, `ebs.size`) has already checked, and the solver only fills in defaults.
 */
export interface SizingRequirement {
  capacityGiB: number;
  iops: number;
  throughputMiBps: number;
  /** Application I/O size; default DEFAULT_IO_SIZE_KIB (16 KiB). */
  ioSizeKiB?: number;
  /** Default 'random'. */
  pattern?: IoPattern;
  /** Share of the day at the peak, 0 < d ≤ 1; absent means sustained. */
  dutyCycle?: number;
  instance?: InstanceEbsLimits | null;
  /** Default DEFAULT_MAX_STRIPE_VOLUMES (16). */
  maxStripeVolumes?: number;
  /** Default DEFAULT_VOLUME_TYPES: every type except previous-generation `standard`. */
  volumeTypes?: readonly VolumeType[];
}

export type BindingConstraint = 'capacity' | 'iops' | 'throughput' | 'ratio' | 'instance-cap' | 'burst';

export interface BurstInfo {
  kind: 'gp2-credits' | 'hdd-throughput';
  /** Seconds a full credit bucket sustains the required peak per volume. */
  durationSeconds: number;
}

export interface SizingOption {
  volumeType: VolumeType;
  /** The type's cheapest layout, or its fewest-volumes layout where that differs (and costs more). */
  choice: LayoutChoice;
  volumes: number;
  sizeGiBPerVolume: number;
  iopsPerVolume: number | null;
  throughputMiBpsPerVolume: number | null;
  /** Counted operations/s the layout delivers at the peak, capped by the instance. */
  deliveredIops: number;
  deliveredThroughputMiBps: number;
  monthlyUsd: Decimal;
  /** Summed over the volumes. */
  components: CostComponent[];
  bindingConstraint: BindingConstraint;
  burst: BurstInfo | null;
  notes: string[];
}

export interface SizingResult {
  /** Every type's cheapest layout, and its fewest-volumes layout where that differs, by monthly cost. */
  options: SizingOption[];
  infeasible: { volumeType: VolumeType; reason: string }[];
}
