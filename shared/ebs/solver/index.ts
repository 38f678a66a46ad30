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
 * that meets a capacity, IOPS and throughput requirement, within the instance's EBS limits.
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
  SizingOption,
  SizingRequirement,
  SizingResult,
  StripePolicy,
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
export { SECONDS_PER_DAY, SECONDS_PER_MONTH } from './figures';
export { INSTANCE_BURST_GUARANTEE_SECONDS, instanceEbsLimits } from './instance-check';

/** The stripe widths tried, cheapest kept (or the fewest that work, noting a cheaper wider gp3 stripe). */
function searchStripes(
  type: VolumeType,
  need: Need,
  ops: number,
  prices: EbsPrices,
): { best: PricedLayout | null; cheaperWider: PricedLayout | null } {
  let best: PricedLayout | null = null;
  let cheaperWider: PricedLayout | null = null;
  for (let volumes = minimumVolumes(type, need, ops); volumes <= need.maxStripeVolumes; volumes++) {
    const layout = layoutFor(type, perVolumeNeed(type, need, ops, volumes));
    if (layout === null) continue;
    const priced = priceLayout(type, layout, prices);
    if (best === null) {
      best = priced;
      // Only gp3 gets cheaper with more volumes (each includes its free baseline).
      if (need.stripePolicy === 'fewest-volumes' && type !== 'gp3') break;
      continue;
    }
    if (need.stripePolicy === 'cheapest') {
      if (priced.monthlyUsd.lt(best.monthlyUsd)) best = priced;
    } else if (priced.monthlyUsd.lt((cheaperWider ?? best).monthlyUsd)) {
      cheaperWider = priced;
    }
  }
  return { best, cheaperWider };
}

function cheaperWiderNote(best: PricedLayout, cheaperWider: PricedLayout): string {
  const saving = best.monthlyUsd.minus(cheaperWider.monthlyUsd);
  return `Striping across ${cheaperWider.layout.volumes} gp3 volumes of ${formatFigure(cheaperWider.layout.sizeGiB)} GiB would cost ${formatUsd(cheaperWider.monthlyUsd)} a month (${formatUsd(saving)} less): each gp3 volume includes ${formatFigure(GP3_BASELINE_IOPS)} IOPS and ${formatFigure(GP3_BASELINE_THROUGHPUT_MIBPS)} MiB/s.`;
}

/** The option for one type, or why it has none. */
function solveType(
  type: VolumeType,
  need: Need,
  prices: EbsPrices,
  instance: InstanceEbsLimits | null | undefined,
  check: InstanceCheck,
): SizingOption | string {
  const row = findPriceRow(prices, type);
  if (row === null || row.storageUsdPerGBMonth === null) return `no price for ${type} in ${prices.region}`;
  const ops = countedOpsFor(need, mediaOf(type));
  let found: ReturnType<typeof searchStripes>;
  try {
    found = searchStripes(type, need, ops, prices);
  } catch (error) {
    if (error instanceof MissingPriceError) return error.message;
    throw error;
  }
  const { best, cheaperWider } = found;
  if (best === null) return infeasibleReason(type, need, ops);
  const option = buildOption(type, best, need, ops, instance, check);
  if (cheaperWider !== null) option.notes.push(cheaperWiderNote(best, cheaperWider));
  return option;
}

/**
 * Cheapest layout per volume type for a requirement; options sorted by monthly cost, ties in
 * VOLUME_TYPES order. The requirement is trusted (see SizingRequirement).
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
    else options.push(result);
  }
  const order = (t: VolumeType): number => VOLUME_TYPES.indexOf(t);
  options.sort((a, b) => a.monthlyUsd.comparedTo(b.monthlyUsd) || order(a.volumeType) - order(b.volumeType));
  return { options, infeasible };
}
