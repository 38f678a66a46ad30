import type { VolumeType } from '@shared/catalog-types';
import { CHART_INK } from '@shared/charts/palette';
import type { FitEnvelope } from '@shared/ebs/envelope';
import { envelopeLayoutText, envelopeTitle } from './ebs-fit-geometry';
import { CAP_COLOR, INK_COLOR, WIDEST_DASH } from './EbsFitMarks';
import { VolumeTypeSwatch } from './VolumeTypeSwatch';

const KEY_STROKE = CHART_INK.label;

export interface EbsFitLegendProps {
  envelopes: FitEnvelope[];
  hidden: ReadonlySet<VolumeType>;
  onToggle: (volumeType: VolumeType) => void;
  showCaps: boolean;
}

/**
 * One toggle per volume type, named with the layout its region is drawn for, then keys for the line
 * styles, the requirement and the instance caps.
 */
export function EbsFitLegend({ envelopes, hidden, onToggle, showCaps }: EbsFitLegendProps) {
  const widest = envelopes.find((e) => e.kind === 'widest');
  const burst = envelopes[0]?.regime === 'burst';
  return (
    <div className="ebs-chart-legend" aria-label="Legend" data-testid="ebs-fit-legend">
      {envelopes.map((e) => (
        <button
          key={e.volumeType}
          type="button"
          className={hidden.has(e.volumeType) ? 'ebs-legend-item is-off' : 'ebs-legend-item'}
          aria-pressed={!hidden.has(e.volumeType)}
          title={envelopeTitle(e)}
          onClick={() => onToggle(e.volumeType)}
        >
          <VolumeTypeSwatch volumeType={e.volumeType} />
          {e.volumeType}{' '}
          <span className="ebs-legend-layout">
            {e.kind === 'proposed' ? envelopeLayoutText(e) : 'no layout'}
          </span>
        </button>
      ))}
      <span className="ebs-legend-key">
        <svg width="22" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="22" y2="4" stroke={KEY_STROKE} strokeWidth="2" />
        </svg>
        each type&apos;s cheapest layout in the table
      </span>
      {widest && (
        <span className="ebs-legend-key">
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="22"
              y2="4"
              stroke={KEY_STROKE}
              strokeWidth="2"
              strokeDasharray={WIDEST_DASH}
            />
          </svg>
          meets no layout: widest stripe, {widest.volumes} volumes
        </span>
      )}
      <span className="ebs-legend-key">
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill={INK_COLOR} stroke={CHART_INK.halo} strokeWidth="1.5" />
        </svg>
        requirement
      </span>
      {showCaps && (
        <span className="ebs-legend-key">
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke={CAP_COLOR} strokeWidth="1.5" />
          </svg>
          instance EBS caps
        </span>
      )}
      {burst && <span className="ebs-legend-key muted">burst regime (duty cycle below 100%)</span>}
    </div>
  );
}
