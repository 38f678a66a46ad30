import type { VolumeType } from '../../catalog-types';
import { IO_SIZE_CAP_KIB, mediaOf } from '../io-accounting';
import { FLOAT_TOLERANCE } from '../rounding';
import { formatFigure, formatInstanceThroughput } from './figures';
import type { InstanceCheck } from './instance-check';
import { countedOpsOf, type Need } from './need';
import type { PricedLayout } from './pricing';
import { bindingFrom, scaleComponents } from './pricing';
import type { BindingConstraint, InstanceEbsLimits, LayoutChoice, SizingOption } from './types';

/** Assembling a priced layout into an option: what it delivers on the instance, and its notes. */

function ioAccountingNote(type: VolumeType, need: Need, ops: number): string | null {
  const media = mediaOf(type);
  const counted = countedOpsOf(need, media);
  const capKiB = IO_SIZE_CAP_KIB[media];
  if (ops > counted + FLOAT_TOLERANCE) {
    return `${formatFigure(need.throughputMiBps)} MiB/s needs at least ${formatFigure(ops)} operations/s of up to ${capKiB} KiB on ${type}.`;
  }
  if (counted === need.iops) return null;
  const how =
    need.pattern === 'sequential'
      ? `sequential ${formatFigure(need.ioSizeKiB)} KiB I/O is ${need.ioSizeKiB < capKiB ? 'merged' : 'split'} into operations of up to ${capKiB} KiB`
      : `each ${formatFigure(need.ioSizeKiB)} KiB I/O is split into ${Math.ceil(need.ioSizeKiB / capKiB)} operations of up to ${capKiB} KiB`;
  return `On ${type}, ${how}: ${formatFigure(need.iops)} IOPS count as ${formatFigure(counted)} operations/s.`;
}

/** What striping costs in risk and work, in plain words (RAID 0: capacity, IOPS and throughput add). */
export function stripingNote(volumes: number): string {
  return `${volumes} volumes striped (RAID 0): losing any one loses the whole array; ${volumes}× the snapshot operations (each backup is ${volumes} snapshots taken together).`;
}

/** Notes that explain the layout before the instance is considered. */
function layoutNotes(type: VolumeType, priced: PricedLayout, need: Need, ops: number): string[] {
  const { layout } = priced;
  const notes: string[] = [];
  if (layout.volumes > 1) notes.push(stripingNote(layout.volumes));
  const accounting = ioAccountingNote(type, need, ops);
  if (accounting) notes.push(accounting);
  if (mediaOf(type) === 'hdd' && need.pattern === 'random' && need.iops > 0) {
    notes.push(
      `${type} is built for large sequential I/O: every random I/O counts as at least one of its few operations per second, and latency is high.`,
    );
  }
  notes.push(...layout.notes);
  return notes;
}

interface Delivery {
  volumeIops: number;
  volumeThroughputMiBps: number;
  deliveredIops: number;
  deliveredThroughputMiBps: number;
}

function delivery(priced: PricedLayout, check: InstanceCheck): Delivery {
  const { layout } = priced;
  const volumeIops = layout.peakIops * layout.volumes;
  const volumeThroughputMiBps = layout.peakThroughputMiBps * layout.volumes;
  return {
    volumeIops,
    volumeThroughputMiBps,
    deliveredIops: check.iopsCap === null ? volumeIops : Math.min(volumeIops, check.iopsCap),
    deliveredThroughputMiBps:
      check.throughputCapMiBps === null
        ? volumeThroughputMiBps
        : Math.min(volumeThroughputMiBps, check.throughputCapMiBps),
  };
}

/** When the instance caps what the volumes deliver: the note, and whether the binding becomes the cap. */
function instanceCap(
  instance: InstanceEbsLimits,
  delivered: Delivery,
  binding: BindingConstraint,
): { note: string; paidBeyond: boolean } | null {
  const capped: string[] = [];
  if (delivered.deliveredIops < delivered.volumeIops) {
    capped.push(`${formatFigure(delivered.volumeIops)} → ${formatFigure(delivered.deliveredIops)} IOPS`);
  }
  if (delivered.deliveredThroughputMiBps < delivered.volumeThroughputMiBps) {
    const cap = delivered.deliveredThroughputMiBps;
    const awsMBps =
      cap === instance.baselineThroughputMiBps ? instance.baselineThroughputMBps : instance.maxThroughputMBps;
    capped.push(
      `${formatFigure(delivered.volumeThroughputMiBps)} MiB/s → ${formatInstanceThroughput(cap, awsMBps)}`,
    );
  }
  if (capped.length === 0) return null;
  const paidBeyond =
    (binding === 'iops' && delivered.deliveredIops < delivered.volumeIops) ||
    (binding === 'throughput' && delivered.deliveredThroughputMiBps < delivered.volumeThroughputMiBps);
  return {
    paidBeyond,
    note:
      `${instance.instanceType} caps what these volumes deliver (${capped.join(', ')})` +
      (paidBeyond ? '; provisioning beyond the instance limit is pointless.' : '.'),
  };
}

export function buildOption(
  type: VolumeType,
  choice: LayoutChoice,
  priced: PricedLayout,
  need: Need,
  ops: number,
  instance: InstanceEbsLimits | null | undefined,
  check: InstanceCheck,
): SizingOption {
  const { layout } = priced;
  const notes = layoutNotes(type, priced, need, ops);
  let binding = bindingFrom(priced);
  const delivered = delivery(priced, check);
  if (check.burstNotes.length > 0) {
    notes.push(...check.burstNotes);
    binding = 'instance-cap';
  }
  const cap = instance ? instanceCap(instance, delivered, binding) : null;
  if (cap) {
    if (cap.paidBeyond) binding = 'instance-cap';
    notes.push(cap.note);
  }
  return {
    volumeType: type,
    choice,
    volumes: layout.volumes,
    sizeGiBPerVolume: layout.sizeGiB,
    iopsPerVolume: layout.iops,
    throughputMiBpsPerVolume: layout.throughputMiBps,
    deliveredIops: delivered.deliveredIops,
    deliveredThroughputMiBps: delivered.deliveredThroughputMiBps,
    monthlyUsd: priced.monthlyUsd,
    components: scaleComponents(priced.perVolume.components, layout.volumes),
    bindingConstraint: binding,
    burst: layout.burst,
    notes,
  };
}
