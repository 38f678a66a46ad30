import type { VolumeType } from '@shared/catalog-types';
import { validateVolume } from '@shared/ebs/cost';
import { GP3_MIBPS_PER_IOPS } from '@shared/ebs/performance';
import {
  maxIopsOf,
  MIN_PROVISIONED_IOPS,
  PROVISIONED_IOPS_TYPES,
  PROVISIONED_THROUGHPUT_TYPES,
  VOLUME_LIMITS,
} from '@shared/ebs/volume-limits';
import { InputError } from '@shared/errors';
import type { Scenario, Volume } from '@shared/scenario/schema';
import type { Validation } from './scenario-draft';

/**
 * A volume's size, IOPS and throughput against its type's real limits, at the field: the EBS engine's
 * own check (validateVolume: the same one that prices it) decides what is wrong, and the ranges below
 * say what is allowed, from the engine's figures (VOLUME_LIMITS).
 */

export interface AllowedRange {
  min: number;
  max: number;
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** The IOPS a volume of this type and size takes; null when the type takes no IOPS figure. */
export function iopsRange(volumeType: VolumeType, sizeGiB: number): AllowedRange | null {
  if (!PROVISIONED_IOPS_TYPES.includes(volumeType)) return null;
  const limits = VOLUME_LIMITS[volumeType];
  const min = limits.volumeType === 'gp3' ? limits.baselineIops : MIN_PROVISIONED_IOPS;
  // gp3's baseline at any size, the per-GiB ratio above it (the engine's maxIopsOf).
  return { min, max: maxIopsOf(volumeType, sizeGiB) ?? limits.maxIopsPerVolume };
}

/** The throughput (MiB/s) a volume takes at its IOPS (gp3: its baseline when none given); null when none. */
export function throughputRange(volume: Pick<Volume, 'volumeType' | 'iops'>): AllowedRange | null {
  if (!PROVISIONED_THROUGHPUT_TYPES.includes(volume.volumeType)) return null;
  const limits = VOLUME_LIMITS.gp3;
  const iops = volume.iops ?? limits.baselineIops;
  return {
    min: limits.baselineThroughputMiBps,
    max: Math.min(limits.maxThroughputMiBpsPerVolume, GP3_MIBPS_PER_IOPS * iops),
  };
}

/** "Allowed: 3,000–50,000 IOPS at 100 GiB (gp3: at most 500 IOPS per GiB)". */
export function iopsHint(volume: Pick<Volume, 'volumeType' | 'sizeGiB'>): string | null {
  const range = iopsRange(volume.volumeType, volume.sizeGiB);
  if (!range) return null;
  const limits = VOLUME_LIMITS[volume.volumeType];
  const perGiB = limits.maxIopsPerGiB;
  if (perGiB !== null && range.max < range.min) {
    return `${volume.volumeType} needs at least ${count.format(Math.ceil(range.min / perGiB))} GiB for ${count.format(range.min)} IOPS`;
  }
  const ratio =
    perGiB === null ? '' : ` (${volume.volumeType}: at most ${count.format(perGiB)} IOPS per GiB)`;
  return `Allowed: ${count.format(range.min)}–${count.format(range.max)} IOPS at ${count.format(volume.sizeGiB)} GiB${ratio}`;
}

/**
 * "Allowed: 125–750 MiB/s at 3,000 IOPS (at most 0.25 MiB/s per IOPS)"; while the IOPS figure is itself
 * out of range, only the type's bounds ("Allowed: 125–2,000 MiB/s, at most 0.25 MiB/s per IOPS").
 */
export function throughputHint(volume: Pick<Volume, 'volumeType' | 'sizeGiB' | 'iops'>): string | null {
  const range = throughputRange(volume);
  if (!range) return null;
  const gp3 = VOLUME_LIMITS.gp3;
  const iops = volume.iops ?? gp3.baselineIops;
  const allowed = iopsRange(volume.volumeType, volume.sizeGiB);
  if (allowed && (iops < allowed.min || iops > allowed.max)) {
    return `Allowed: ${count.format(range.min)}–${count.format(gp3.maxThroughputMiBpsPerVolume)} MiB/s, at most ${GP3_MIBPS_PER_IOPS} MiB/s per IOPS`;
  }
  return `Allowed: ${count.format(range.min)}–${count.format(range.max)} MiB/s at ${count.format(iops)} IOPS (at most ${GP3_MIBPS_PER_IOPS} MiB/s per IOPS)`;
}

/** What the volume form calls the fields the engine checks. */
const FIELD_NAMES: Record<string, string> = {
  volumeType: 'Type',
  sizeGiB: 'Size',
  iops: 'IOPS',
  throughputMiBps: 'Throughput',
};

/** The engine's message without a leading "field: ", if it carries one. */
function plain(error: InputError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** The first problem the EBS engine finds with a volume, keyed by its field ("iops"), or null. */
export function volumeLimitProblem(volume: Volume): { field: string; message: string } | null {
  try {
    validateVolume({
      volumeType: volume.volumeType,
      sizeGiB: volume.sizeGiB,
      iops: volume.iops ?? null,
      throughputMiBps: volume.throughputMiBps ?? null,
    });
    return null;
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, message: plain(error) };
    throw error;
  }
}

/**
 * Adds every volume's limit problem ("lines.1.volumes.0.iops") to the scenario's validation; a field
 * the schema already flags keeps the schema's message. Any problem makes the draft invalid, so it is
 * neither priced nor saved until fixed.
 */
export function withVolumeLimits(validation: Validation, doc: Scenario): Validation {
  const errors = { ...validation.errors };
  let first: string | null = null;
  doc.lines.forEach((line, i) =>
    line.volumes.forEach((volume, j) => {
      // A volume the schema rejects (no size, say) is the schema's to explain.
      if (Object.keys(errors).some((k) => k.startsWith(`lines.${i}.volumes.${j}.`))) return;
      const problem = volumeLimitProblem(volume);
      if (!problem) return;
      errors[`lines.${i}.volumes.${j}.${problem.field}`] = problem.message;
      first ??= `Line ${i + 1} (${line.name?.trim() || line.id}) › Volume ${j + 1} › ${FIELD_NAMES[problem.field] ?? problem.field}: ${problem.message}`;
    }),
  );
  if (first === null) return validation;
  return { valid: false, errors, first: validation.first ?? first };
}
