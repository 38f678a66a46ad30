import type { EbsPrices, VolumeType } from '../../catalog-types';
import { VOLUME_TYPES } from '../../catalog-types';
import { formatUsd } from '../../money';
import { MissingPriceError, findPriceRow } from '../cost';
import { mediaOf } from '../io-accounting';
import { DEFAULT_VOLUME_TYPES, GP3_BASELINE_IOPS, GP3_BASELINE_THROUGHPUT_MIBPS } from '../volume-limits';
import { minimumVolumes, infeasibleReason } from './bounds';
import { formatFigure } from './figures';
import { checkInstance, type InstanceCheck } from './instance-check';
import { perVolumeNeed } from './layout-types';
import { layoutFor } from './layouts';
import { countedOpsFor, normalise, type Need } from './need';
import { buildOption } from './option';
import { priceLayout, type PricedLayout } from './pricing';
import type { InstanceEbsLimits, SizingOption, SizingRequirement, SizingResult } from './types';

/**
 * EBS sizing solver: for each volume type, the cheapest layout (N identical volumes striped as RAID 0)
 * that meets a capacity, IOPS and throughput requirement, within the instance's EBS limits, and the
 * fewest volumes that meet it where those differ.
 * Rules: Amazon EBS User Guide "Amazon EBS volume types" and "I/O characteristics"
 * (docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html, ebs-io-characteristics.html), instance
 * limits from "Amazon EBS-optimized instances" (docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html).
 *
 * Modules: need.ts (defaults), instance-check.ts, layouts-*.ts (one volume per type), bounds.ts (how
 * many volumes to try, why none works), pricing.ts, option.ts (assembly and notes); this file searches.
 */

export type {
  BindingConstraint,
  BurstInfo,
  InstanceEbsLimits,
  LayoutChoice,
  SizingOption,
  SizingRequirement,
  SizingResult,
} from './types';
export {
  DEFAULT_IO_SIZE_KIB,
  DEFAULT_MAX_STRIPE_VOLUMES,
  MAX_CAPACITY_GIB,
  MAX_IO_SIZE_KIB,
  MAX_STRIPE_VOLUMES_LIMIT,
  MIN_IO_SIZE_KIB,
  isSustained,
  regimeOf,
  requiredThroughputMiBps,
} from './need';
export { SECONDS_PER_DAY, SECONDS_PER_MONTH, formatInstanceThroughput } from './figures';
export { INSTANCE_BURST_GUARANTEE_SECONDS, instanceEbsLimits } from './instance-check';

/** A type's cheapest layout (ties go to fewer volumes) and its fewest-volumes layout (the first that works). */
interface TypeLayouts {
  cheapest: PricedLayout;
  fewest: PricedLayout;
}

/** Every stripe width from the fewest that could work to need.maxStripeVolumes, priced. */
function searchStripes(type: VolumeType, need: Need, ops: number, prices: EbsPrices): TypeLayouts | null {
  let found: TypeLayouts | null = null;
  for (let volumes = minimumVolumes(type, need, ops); volumes <= need.maxStripeVolumes; volumes++) {
    const layout = layoutFor(type, perVolumeNeed(type, need, ops, volumes));
    if (layout === null) continue;
    const priced = priceLayout(type, layout, prices);
    if (found === null) found = { cheapest: priced, fewest: priced };
    else if (priced.monthlyUsd.lt(found.cheapest.monthlyUsd)) found.cheapest = priced;
  }
  return found;
}

const layoutText = (type: VolumeType, layout: { volumes: number; sizeGiB: number }): string =>
  `${layout.volumes} × ${formatFigure(layout.sizeGiB)} GiB ${type}`;

/** Why the wider stripe is cheaper, where one rule says so. */
function widerReason(type: VolumeType): string {
  return type === 'gp3'
    ? `: each gp3 volume includes ${formatFigure(GP3_BASELINE_IOPS)} IOPS and ${formatFigure(GP3_BASELINE_THROUGHPUT_MIBPS)} MiB/s free`
    : '';
}

/** The notes that tie a type's cheapest layout and its fewest-volumes layout to each other. */
function siblingNotes(type: VolumeType, layouts: TypeLayouts): { cheapest: string; fewest: string } {
  const { cheapest, fewest } = layouts;
  const difference = formatUsd(fewest.monthlyUsd.minus(cheapest.monthlyUsd));
  const fewer = fewest.layout.volumes === 1 ? 'one volume, no striping' : `${fewest.layout.volumes} volumes`;
  return {
    cheapest: `The cheapest ${type} layout: ${difference} a month less than ${layoutText(type, fewest.layout)}, the fewest volumes that meet the need${widerReason(type)}.`,
    fewest: `The fewest ${type} volumes that meet the need (${fewer}): ${difference} a month more than the cheapest ${type} layout, ${layoutText(type, cheapest.layout)}.`,
  };
}

/** The options for one type (its cheapest, and its fewest-volumes layout where that differs), or why none. */
function solveType(
  type: VolumeType,
  need: Need,
  prices: EbsPrices,
  instance: InstanceEbsLimits | null | undefined,
  check: InstanceCheck,
): SizingOption[] | string {
  const row = findPriceRow(prices, type);
  if (row === null || row.storageUsdPerGBMonth === null) return `no price for ${type} in ${prices.region}`;
  const ops = countedOpsFor(need, mediaOf(type));
  let found: TypeLayouts | null;
  try {
    found = searchStripes(type, need, ops, prices);
  } catch (error) {
    if (error instanceof MissingPriceError) return error.message;
    throw error;
  }
  if (found === null) return infeasibleReason(type, need, ops);
  const cheapest = buildOption(type, 'cheapest', found.cheapest, need, ops, instance, check);
  if (found.fewest === found.cheapest) return [cheapest];
  const fewest = buildOption(type, 'fewest-volumes', found.fewest, need, ops, instance, check);
  const notes = siblingNotes(type, found);
  // The cheapest row leads with what its striping risks; the fewest-volumes row with what it costs more.
  cheapest.notes.splice(1, 0, notes.cheapest);
  fewest.notes.unshift(notes.fewest);
  return [cheapest, fewest];
}

/**
 * Every layout worth showing for a requirement: per volume type the cheapest over 1..maxStripeVolumes
 * volumes, and the fewest volumes that work where that is a different (dearer) layout. All ranked by
 * monthly cost; ties in VOLUME_TYPES order, then fewer volumes. The requirement is trusted (see
 * SizingRequirement).
 */
export function solveEbsLayout(req: SizingRequirement, prices: EbsPrices): SizingResult {
  const need = normalise(req);
  const types = req.volumeTypes ?? DEFAULT_VOLUME_TYPES;
  const check = checkInstance(need, req.instance);
  const options: SizingOption[] = [];
  const infeasible: SizingResult['infeasible'] = [];
  for (const type of types) {
    if (check.reason !== null) {
      infeasible.push({ volumeType: type, reason: check.reason });
      continue;
    }
    const result = solveType(type, need, prices, req.instance, check);
    if (typeof result === 'string') infeasible.push({ volumeType: type, reason: result });
    else options.push(...result);
  }
  const order = (t: VolumeType): number => VOLUME_TYPES.indexOf(t);
  options.sort(
    (a, b) =>
      a.monthlyUsd.comparedTo(b.monthlyUsd) ||
      order(a.volumeType) - order(b.volumeType) ||
      a.volumes - b.volumes,
  );
  return { options, infeasible };
}
