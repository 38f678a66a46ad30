import type { EbsPrices } from '../catalog-types';
import { ebsVolumeMonthlyCost, MissingPriceError } from '../ebs/cost';
import { fastSnapshotRestoreMonthlyCost } from '../ebs/fast-snapshot-restore';
import { snapshotMonthlyCost } from '../ebs/snapshots';
import { InputError } from '../errors';
import { Decimal, toUsdString } from '../money';
import type { Volume } from '../scenario/schema';
import type { EstimateWarning, VolumeEstimate } from './estimate-types';
import type { Ratio } from './ratio';
import { of, ratioValue } from './ratio';

/**
 * EBS cost of one line's volumes, through the EBS engine (shared/ebs). `billedVolumesPerKind` is how
 * many instances' worth of volumes are billed all month: the line's peak count when volumes live as
 * long as the instances are provisioned ('instance'), or the average instances running (instance-hours
 * / hours per month) when volumes are created and deleted with the instances ('running'). Snapshots
 * follow the same count: each billed volume keeps its own snapshot chain, and its fast snapshot restore
 * (if the policy enables it) on its own newest snapshots, all `hoursPerMonth`.
 */
export interface LineVolumesCost {
  volumes: VolumeEstimate[];
  storageMonthlyUsd: Decimal | null;
  snapshotMonthlyUsd: Decimal | null;
  warnings: EstimateWarning[];
}

export function lineVolumesCost(
  lineId: string,
  lineIndex: number,
  region: string,
  volumes: readonly Volume[],
  instancesBilled: Ratio,
  prices: EbsPrices | undefined,
  hoursPerMonth: number,
): LineVolumesCost {
  const warnings: EstimateWarning[] = [];
  if (volumes.length === 0) {
    return { volumes: [], storageMonthlyUsd: new Decimal(0), snapshotMonthlyUsd: new Decimal(0), warnings };
  }
  if (prices === undefined) {
    warnings.push({
      code: 'no-ebs-prices',
      message: `no EBS prices for ${region}: the volumes of line ${lineId} are not priced — import AWS's price files`,
      lineId,
      missing: { family: 'ebs', region, os: null, option: null },
    });
  }
  let storage: Decimal | null = new Decimal(0);
  let snapshots: Decimal | null = new Decimal(0);
  const estimates = volumes.map((v, index): VolumeEstimate => {
    // Volumes billed all month = instances billed × volumes per instance (kept as a fraction).
    const billed: Ratio = { num: instancesBilled.num.times(v.count), den: instancesBilled.den };
    const result: VolumeEstimate = {
      index,
      volumeType: v.volumeType,
      sizeGiB: v.sizeGiB,
      billedVolumes: ratioValue(billed).toNumber(),
      perVolumeMonthlyUsd: null,
      monthlyUsd: null,
      snapshotMonthlyUsd: v.snapshot ? null : '0',
      fastSnapshotRestoreMonthlyUsd: v.snapshot?.fastSnapshotRestore ? null : '0',
      components: [],
    };
    if (prices === undefined) {
      storage = null;
      if (v.snapshot) snapshots = null;
      return result;
    }
    try {
      const cost = ebsVolumeMonthlyCost(prices, {
        volumeType: v.volumeType,
        sizeGiB: v.sizeGiB,
        iops: v.iops ?? null,
        throughputMiBps: v.throughputMiBps ?? null,
      });
      const monthly = of(cost.monthlyUsd, billed);
      result.perVolumeMonthlyUsd = toUsdString(cost.monthlyUsd);
      result.monthlyUsd = toUsdString(monthly);
      result.components = cost.components.map((c) => ({
        dimension: c.dimension,
        quantity: c.quantity,
        unit: c.unit,
        unitUsd: toUsdString(c.unitUsd),
        monthlyUsd: toUsdString(of(c.monthlyUsd, billed)),
      }));
      if (storage !== null) storage = storage.plus(monthly);
    } catch (error) {
      storage = null;
      if (error instanceof InputError) {
        throw new InputError(`lines.${lineIndex}.volumes.${index}.${error.field}`, error.message);
      }
      if (!(error instanceof MissingPriceError)) throw error;
      warnings.push({
        code: 'missing-price',
        message: `${error.message}: volume ${index + 1} of line ${lineId} is not priced — import AWS's price files`,
        lineId,
        missing: { family: 'ebs', region, os: null, option: null },
      });
    }
    if (v.snapshot) {
      try {
        const snap = snapshotMonthlyCost(
          {
            volumeSizeGiB: v.sizeGiB,
            dailyChangePct: v.snapshot.dailyChangePct,
            frequency: v.snapshot.frequency,
            retentionCount: v.snapshot.retentionCount,
            tier: v.snapshot.tier,
          },
          prices,
        );
        const fsr = v.snapshot.fastSnapshotRestore
          ? fastSnapshotRestoreMonthlyCost({ ...v.snapshot.fastSnapshotRestore, hoursPerMonth }, prices)
          : null;
        const fsrMonthly = fsr === null ? new Decimal(0) : of(fsr.monthlyUsd, billed);
        const monthly = of(snap.monthlyUsd, billed).plus(fsrMonthly);
        result.fastSnapshotRestoreMonthlyUsd = toUsdString(fsrMonthly);
        result.snapshotMonthlyUsd = toUsdString(monthly);
        if (snapshots !== null) snapshots = snapshots.plus(monthly);
      } catch (error) {
        snapshots = null;
        if (error instanceof InputError) {
          throw new InputError(`lines.${lineIndex}.volumes.${index}.snapshot.${error.field}`, error.message);
        }
        if (!(error instanceof MissingPriceError)) throw error;
        warnings.push({
          code: 'missing-price',
          message: `${error.message}: the snapshots of volume ${index + 1} of line ${lineId} are not priced — import AWS's price files`,
          lineId,
          missing: { family: 'ebs-snapshot', region, os: null, option: null },
        });
      }
    }
    return result;
  });
  return { volumes: estimates, storageMonthlyUsd: storage, snapshotMonthlyUsd: snapshots, warnings };
}
