import { VOLUME_TYPES, type VolumeType } from '@shared/catalog-types';
import type { ScenarioLine, SnapshotPolicy, Volume } from '@shared/scenario/schema';
import { MAX_FSR_AVAILABILITY_ZONES } from '@shared/ebs/fast-snapshot-restore';
import { under } from './field-errors';
import { NumberField } from './NumberField';
import { IOPS_TYPES, THROUGHPUT_TYPES, newVolume, switchVolumeType } from './scenario-draft';
import { iopsHint, iopsRange, throughputHint, throughputRange } from './volume-limits';

const DEFAULT_SNAPSHOT: SnapshotPolicy = {
  frequency: 'daily',
  retentionCount: 7,
  dailyChangePct: 5,
  tier: 'standard',
};
const FREQUENCIES: SnapshotPolicy['frequency'][] = ['hourly', 'daily', 'weekly', 'monthly'];

export interface VolumesEditorProps {
  volumes: Volume[];
  lifetime: ScenarioLine['volumeLifetime'];
  onChange: (volumes: Volume[]) => void;
  onLifetimeChange: (lifetime: ScenarioLine['volumeLifetime']) => void;
  /** Messages keyed by path under the line ("volumes.0.sizeGiB"). */
  errors: Record<string, string>;
}

/** EBS volumes attached to each instance of the line, with an optional snapshot policy each. */
export function VolumesEditor(props: VolumesEditorProps) {
  const { volumes, onChange, errors } = props;
  const update = (index: number, volume: Volume) =>
    onChange(volumes.map((v, i) => (i === index ? volume : v)));

  return (
    <section className="line-section">
      <div className="section-header">
        <h4 className="line-section-title">EBS volumes per instance</h4>
        <button
          type="button"
          className="button-secondary small-button"
          data-testid="add-volume"
          disabled={volumes.length >= 32}
          onClick={() => onChange([...volumes, newVolume()])}
        >
          + Volume
        </button>
        {volumes.length > 0 && (
          <label className="inline-field">
            <span className="field-label">Billed</span>
            <select
              data-testid="line-volume-lifetime"
              value={props.lifetime}
              onChange={(e) => props.onLifetimeChange(e.target.value as ScenarioLine['volumeLifetime'])}
            >
              <option value="instance">for every instance at peak, all month</option>
              <option value="running">only while instances run</option>
            </select>
          </label>
        )}
      </div>
      {volumes.length === 0 && <p className="muted small">No EBS volumes.</p>}
      {volumes.map((v, i) => (
        <VolumeRow
          key={i}
          volume={v}
          errors={under(errors, `volumes.${i}.`)}
          onChange={(next) => update(i, next)}
          onRemove={() => onChange(volumes.filter((_, j) => j !== i))}
        />
      ))}
    </section>
  );
}

function VolumeRow({
  volume,
  errors,
  onChange,
  onRemove,
}: {
  volume: Volume;
  errors: Record<string, string>;
  onChange: (v: Volume) => void;
  onRemove: () => void;
}) {
  const takesIops = IOPS_TYPES.includes(volume.volumeType);
  const takesThroughput = THROUGHPUT_TYPES.includes(volume.volumeType);
  // What the type allows, from the EBS engine's limits: said at the field, and checked by the same engine.
  const iops = iopsRange(volume.volumeType, volume.sizeGiB);
  const throughput = throughputRange(volume);
  // gp3 has a free baseline when left empty; io1 and io2 need a figure.
  const iopsPlaceholder = !takesIops ? 'n/a' : volume.volumeType === 'gp3' ? 'base' : 'required';
  const setOptional = (key: 'iops' | 'throughputMiBps', value: number | undefined) => {
    const next = { ...volume, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  const snapshot = volume.snapshot;
  const setSnapshot = (patch: Partial<SnapshotPolicy>) =>
    onChange({ ...volume, snapshot: { ...(snapshot ?? DEFAULT_SNAPSHOT), ...patch } });

  return (
    <div className="volume-row" data-testid="volume-row">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Type</span>
          <select
            data-testid="volume-type"
            value={volume.volumeType}
            onChange={(e) => onChange(switchVolumeType(volume, e.target.value as VolumeType))}
          >
            {VOLUME_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Size GiB"
          testId="volume-size"
          min={1}
          value={volume.sizeGiB}
          error={errors.sizeGiB}
          onChange={(sizeGiB) => onChange({ ...volume, sizeGiB: sizeGiB ?? 0 })}
        />
        <NumberField
          label="IOPS"
          testId="volume-iops"
          optional
          min={iops?.min ?? 0}
          max={iops?.max}
          placeholder={iopsPlaceholder}
          disabled={!takesIops}
          value={volume.iops}
          error={errors.iops}
          hint={iopsHint(volume)}
          onChange={(iops) => setOptional('iops', iops)}
        />
        <NumberField
          label="MiB/s"
          testId="volume-throughput"
          optional
          min={throughput?.min ?? 0}
          max={throughput?.max}
          placeholder={takesThroughput ? 'base' : 'n/a'}
          disabled={!takesThroughput}
          value={volume.throughputMiBps}
          error={errors.throughputMiBps}
          hint={throughputHint(volume)}
          onChange={(t) => setOptional('throughputMiBps', t)}
        />
        <NumberField
          label="Per instance"
          testId="volume-count"
          min={1}
          value={volume.count}
          error={errors.count}
          onChange={(count) => onChange({ ...volume, count: count ?? 0 })}
        />
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="volume-snapshot"
            checked={snapshot !== undefined}
            onChange={(e) => {
              if (e.target.checked) onChange({ ...volume, snapshot: DEFAULT_SNAPSHOT });
              else {
                const next = { ...volume };
                delete next.snapshot;
                onChange(next);
              }
            }}
          />
          Snapshots
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label="Remove volume"
          data-testid="remove-volume"
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      {snapshot && (
        <div className="field-row snapshot-row">
          <label className="field">
            <span className="field-label">Every</span>
            <select
              data-testid="snapshot-frequency"
              value={snapshot.frequency}
              onChange={(e) => setSnapshot({ frequency: e.target.value as SnapshotPolicy['frequency'] })}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label="Keep"
            testId="snapshot-retention"
            min={1}
            value={snapshot.retentionCount}
            error={errors['snapshot.retentionCount']}
            onChange={(retentionCount) => setSnapshot({ retentionCount: retentionCount ?? 0 })}
          />
          <NumberField
            label="Daily change %"
            testId="snapshot-change"
            min={0}
            max={100}
            step={0.5}
            value={snapshot.dailyChangePct}
            error={errors['snapshot.dailyChangePct']}
            onChange={(dailyChangePct) => setSnapshot({ dailyChangePct: dailyChangePct ?? 0 })}
          />
          <label className="field">
            <span className="field-label">Tier</span>
            <select
              data-testid="snapshot-tier"
              value={snapshot.tier}
              onChange={(e) => setSnapshot({ tier: e.target.value as SnapshotPolicy['tier'] })}
            >
              <option value="standard">standard</option>
              <option value="archive">archive</option>
            </select>
          </label>
          <NumberField
            label="Fast restore AZs"
            testId="snapshot-fsr-azs"
            optional
            min={1}
            max={MAX_FSR_AVAILABILITY_ZONES}
            placeholder="off"
            hint="Fast snapshot restore on the newest snapshot in this many Availability Zones, all month (billed per DSU-hour per AZ); empty = off"
            value={snapshot.fastSnapshotRestore?.availabilityZones}
            error={errors['snapshot.fastSnapshotRestore.availabilityZones']}
            onChange={(availabilityZones) =>
              setSnapshot({
                fastSnapshotRestore:
                  availabilityZones === undefined
                    ? undefined
                    : { snapshots: snapshot.fastSnapshotRestore?.snapshots ?? 1, availabilityZones },
              })
            }
          />
        </div>
      )}
    </div>
  );
}
