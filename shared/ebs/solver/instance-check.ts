import type { InstanceSpec } from '../../catalog-types';
import { mbpsToMiBps } from '../../units';
import {
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  formatDutyPercent,
  formatFigure,
  formatInstanceThroughput,
} from './figures';
import type { Need } from './need';
import type { InstanceEbsLimits } from './types';

/**
 * The instance's own EBS limits ("Amazon EBS-optimized instances",
 * docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html): marked sizes "can support maximum
 * performance for 30 minutes at least once every 24 hours"; the baseline holds indefinitely.
 */

/** AWS guarantees an instance's EBS maximum for 30 minutes at least once every 24 hours. */
export const INSTANCE_BURST_GUARANTEE_SECONDS = 30 * 60;

/** Converts an instance spec's EBS figures (AWS quotes MB/s) to the solver's limits in MiB/s. */
export function instanceEbsLimits(
  spec: Pick<
    InstanceSpec,
    'instanceType' | 'ebsBaselineIops' | 'ebsMaxIops' | 'ebsBaselineThroughputMBps' | 'ebsMaxThroughputMBps'
  >,
): InstanceEbsLimits {
  const toMiBps = (throughputMBps: number | null): number | null =>
    throughputMBps === null ? null : mbpsToMiBps(throughputMBps);
  return {
    instanceType: spec.instanceType,
    baselineIops: spec.ebsBaselineIops,
    maxIops: spec.ebsMaxIops,
    baselineThroughputMiBps: toMiBps(spec.ebsBaselineThroughputMBps),
    maxThroughputMiBps: toMiBps(spec.ebsMaxThroughputMBps),
    baselineThroughputMBps: spec.ebsBaselineThroughputMBps,
    maxThroughputMBps: spec.ebsMaxThroughputMBps,
  };
}

export interface InstanceCheck {
  /** Why no layout works on this instance, or null. */
  reason: string | null;
  /** What the instance lets through during the peak (baseline when sustained, maximum with a duty cycle). */
  iopsCap: number | null;
  throughputCapMiBps: number | null;
  /** Notes when the peak needs the instance's own EBS burst. */
  burstNotes: string[];
}

const noLimits = (): InstanceCheck => ({
  reason: null,
  iopsCap: null,
  throughputCapMiBps: null,
  burstNotes: [],
});

/** One dimension (IOPS or MiB/s) of the need against the instance's baseline and maximum. */
interface Dimension {
  unit: string;
  need: number;
  baseline: number | null;
  max: number | null;
  /** How a cap of this dimension is printed (throughput: in MiB/s with AWS's MB/s figure beside it). */
  capText: (cap: number) => string;
}

interface OverBaseline {
  need: string;
  baseline: string;
  max: string;
}

type DimensionVerdict = { reason: string } | { cap: number | null; overBaseline: OverBaseline | null };

function checkDimension(dim: Dimension, need: Need, instanceType: string): DimensionVerdict {
  const sustainedCap = dim.baseline ?? dim.max;
  const peakCap = dim.max ?? dim.baseline;
  const cap = need.sustained ? sustainedCap : peakCap;
  if (sustainedCap === null || peakCap === null) return { cap, overBaseline: null };
  const show = (value: number): string => `${formatFigure(value)} ${dim.unit}`;
  const showCap = dim.capText;
  if (need.sustained) {
    if (dim.need <= sustainedCap) return { cap, overBaseline: null };
    const burstHint =
      peakCap > sustainedCap
        ? `; its ${showCap(peakCap)} maximum is only guaranteed for 30 minutes at least once every 24 hours — give a duty cycle if the peak is short`
        : '';
    return {
      reason: `${instanceType} delivers at most ${showCap(sustainedCap)} sustained (its EBS baseline), below the ${show(dim.need)} required${burstHint}`,
    };
  }
  if (dim.need > peakCap) {
    return {
      reason: `${instanceType} delivers at most ${showCap(peakCap)} (its EBS maximum), below the ${show(dim.need)} required`,
    };
  }
  const average = dim.need * need.dutyCycle;
  if (average > sustainedCap) {
    return {
      reason: `${instanceType} sustains ${showCap(sustainedCap)} (its EBS baseline); ${show(dim.need)} for ${formatDutyPercent(need.dutyCycle)}% of the day averages ${show(average)}, above it`,
    };
  }
  const overBaseline =
    dim.need > sustainedCap
      ? { need: show(dim.need), baseline: showCap(sustainedCap), max: showCap(peakCap) }
      : null;
  return { cap, overBaseline };
}

function burstNote(instanceType: string, need: Need, overBaseline: OverBaseline[]): string {
  const join = (key: keyof OverBaseline): string => overBaseline.map((o) => o[key]).join(' and ');
  const peakSeconds = need.dutyCycle * SECONDS_PER_DAY;
  const beyond =
    peakSeconds > INSTANCE_BURST_GUARANTEE_SECONDS
      ? ` A ${formatDutyPercent(need.dutyCycle)}% duty cycle is ${formatFigure(peakSeconds / SECONDS_PER_HOUR)} h a day, longer than that guarantee if it comes in one stretch.`
      : '';
  return `Meets the peak only thanks to ${instanceType}'s EBS burst: ${join('need')} ${overBaseline.length > 1 ? 'are' : 'is'} above its baseline (${join('baseline')}) and within its maximum (${join('max')}), which AWS guarantees for 30 minutes at least once every 24 hours.${beyond}`;
}

/** Whether the instance lets the need through, what it caps delivery at, and notes on its burst. */
export function checkInstance(need: Need, instance: InstanceEbsLimits | null | undefined): InstanceCheck {
  if (!instance) return noLimits();
  const name = instance.instanceType;
  const throughputCap = (cap: number): string =>
    formatInstanceThroughput(
      cap,
      cap === instance.baselineThroughputMiBps ? instance.baselineThroughputMBps : instance.maxThroughputMBps,
    );
  const dimensions: Dimension[] = [
    {
      unit: 'IOPS',
      need: need.iops,
      baseline: instance.baselineIops,
      max: instance.maxIops,
      capText: (cap) => `${formatFigure(cap)} IOPS`,
    },
    {
      unit: 'MiB/s',
      need: need.throughputMiBps,
      baseline: instance.baselineThroughputMiBps,
      max: instance.maxThroughputMiBps,
      capText: throughputCap,
    },
  ];
  const caps: (number | null)[] = [];
  const overBaseline: OverBaseline[] = [];
  for (const dim of dimensions) {
    const verdict = checkDimension(dim, need, name);
    if ('reason' in verdict) return { ...noLimits(), reason: verdict.reason };
    caps.push(verdict.cap);
    if (verdict.overBaseline) overBaseline.push(verdict.overBaseline);
  }
  return {
    reason: null,
    iopsCap: caps[0] ?? null,
    throughputCapMiBps: caps[1] ?? null,
    burstNotes: overBaseline.length > 0 ? [burstNote(name, need, overBaseline)] : [],
  };
}
