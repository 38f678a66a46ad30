import type { SizingOptionDto } from '@shared/ebs/transport';
import { PROVISIONED_IOPS_TYPES, PROVISIONED_THROUGHPUT_TYPES } from '@shared/ebs/volume-limits';
import type { Scenario, ScenarioLine, SnapshotPolicy, Volume } from '@shared/scenario/schema';
import { formatCount } from './ebs-format';
import type { SnapshotPolicyValues } from './sizing-state';

/** A scenario line holds at most this many volume entries (shared/scenario/schema.ts). */
export const MAX_VOLUMES_PER_LINE = 32;

/** The scenario volume entry for a sizing option, with the panel's snapshot policy when asked. */
export function volumeForOption(option: SizingOptionDto, snapshot: SnapshotPolicyValues | null): Volume {
  const volume: Volume = {
    volumeType: option.volumeType,
    sizeGiB: option.sizeGiBPerVolume,
    count: option.volumes,
  };
  // Only provisioned figures belong in the scenario (gp2/st1/sc1 performance follows the size).
  if (option.iopsPerVolume !== null && PROVISIONED_IOPS_TYPES.includes(option.volumeType)) {
    volume.iops = Math.ceil(option.iopsPerVolume);
  }
  if (option.throughputMiBpsPerVolume !== null && PROVISIONED_THROUGHPUT_TYPES.includes(option.volumeType)) {
    volume.throughputMiBps = option.throughputMiBpsPerVolume;
  }
  if (snapshot) {
    const policy: SnapshotPolicy = {
      frequency: snapshot.frequency,
      retentionCount: snapshot.retentionCount,
      dailyChangePct: snapshot.dailyChangePct,
      tier: snapshot.tier,
    };
    volume.snapshot = policy;
  }
  return volume;
}

/** A copy of the document with the volume appended to one line; throws a readable Error if it can't. */
export function appendVolume(document: Scenario, lineId: string, volume: Volume): Scenario {
  const line = document.lines.find((l) => l.id === lineId);
  if (!line) throw new Error(`Line "${lineId}" is no longer in this scenario.`);
  if (line.volumes.length >= MAX_VOLUMES_PER_LINE) {
    throw new Error(
      `Line ${lineLabel(line)} already has ${MAX_VOLUMES_PER_LINE} volume entries, the most a line holds.`,
    );
  }
  return {
    ...document,
    lines: document.lines.map((l) => (l.id === lineId ? { ...l, volumes: [...l.volumes, volume] } : l)),
  };
}

export function lineLabel(line: Pick<ScenarioLine, 'id' | 'name'>): string {
  return line.name?.trim() ? line.name : line.id;
}

/** "Added 2 × 1,000 GiB gp3 to line web of Prod". */
export function addedMessage(
  volume: Volume,
  line: Pick<ScenarioLine, 'id' | 'name'>,
  scenarioName: string,
): string {
  return `Added ${volume.count} × ${formatCount(volume.sizeGiB)} GiB ${volume.volumeType} to line ${lineLabel(line)} of ${scenarioName}`;
}

/**
 * The scenario the dialog starts on: the one picked in it, else the one open in Workloads, else the
 * first listed; '' when there are none.
 */
export function defaultScenarioId(
  list: readonly { id: string }[],
  picked: string,
  current: string | null,
): string {
  const listed = (id: string | null) => id !== null && list.some((s) => s.id === id);
  if (listed(picked)) return picked;
  if (listed(current)) return current!;
  return list[0]?.id ?? '';
}

/** The line the dialog starts on: the one picked, else the first that runs the sized instance type, else the first. */
export function defaultLine<L extends Pick<ScenarioLine, 'id' | 'instanceType'>>(
  lines: readonly L[],
  picked: string,
  instanceType: string | null,
): L | undefined {
  return (
    lines.find((l) => l.id === picked) ??
    (instanceType ? lines.find((l) => l.instanceType === instanceType) : undefined) ??
    lines[0]
  );
}
