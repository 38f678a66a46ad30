import type { VolumeType } from '@shared/catalog-types';
import { VOLUME_TYPE_COLORS } from '@shared/charts/palette';

/** The small color square that stands for a volume type in legends and tooltips. */
export function VolumeTypeSwatch({ volumeType }: { volumeType: VolumeType }) {
  return <span className="ebs-legend-swatch" style={{ background: VOLUME_TYPE_COLORS[volumeType] }} />;
}
