import { Fragment, useState } from 'react';
import type { SizingOptionDto } from '@shared/ebs/transport';
import { VOLUME_TYPE_COLORS } from '@shared/charts/palette';
import { HOURS_PER_MONTH } from '@shared/money';
import type { CallInput } from '@shared/contract';
import { Explain } from '../../components/Explain';
import { formatMoney, formatRate } from '../../format';
import { useExplainLoader } from '../../hooks/useExplainLoader';
import {
  BINDING_HINTS,
  BINDING_LABELS,
  burstLabel,
  formatCount,
  formatDuration,
  formatMiBps,
} from './ebs-format';

export interface OptionsTableProps {
  options: SizingOptionDto[];
  loading: boolean;
  emptyMessage: string;
  onUse: (option: SizingOptionDto) => void;
  /** The sizing these layouts answer (ebs.size's input): opening a monthly figure asks for its arithmetic. */
  explainInput?: Omit<CallInput<'ebs.size'>, 'explain'> | null;
}

const COLUMN_COUNT = 10;

/**
 * Every layout worth showing, cheapest first: per volume type its cheapest layout and, where that is a
 * wider stripe, its fewest-volumes layout too. The first row is the cheapest of all; a row opens its
 * cost lines.
 */
export function OptionsTable({ options, loading, emptyMessage, onUse, explainInput }: OptionsTableProps) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const explain = useExplainLoader('ebs.size', loading ? null : (explainInput ?? null));

  return (
    <div className={loading ? 'ebs-table-scroll is-loading' : 'ebs-table-scroll'}>
      <table className="ebs-options-table" data-testid="ebs-options" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col" className="ebs-expand-col">
              <span className="ebs-visually-hidden">Details</span>
            </th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Layout
            </th>
            <th scope="col" className="num" title="Provisioned on each volume (gp3 above its free baseline)">
              Provisioned / volume
            </th>
            <th
              scope="col"
              className="num"
              title="What the layout delivers at the peak, capped by the instance"
            >
              Delivered
            </th>
            <th scope="col">Limited by</th>
            <th scope="col" className="num" title="How long a full credit bucket sustains the peak">
              Burst
            </th>
            <th
              scope="col"
              className="num"
              title={`Storage, provisioned IOPS and throughput, ${HOURS_PER_MONTH} h month`}
            >
              Monthly
            </th>
            <th scope="col">Notes</th>
            <th scope="col">
              <span className="ebs-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {options.length === 0 && (
            <tr className="empty-row">
              <td colSpan={COLUMN_COUNT}>{emptyMessage}</td>
            </tr>
          )}
          {options.map((o, i) => {
            const key = `${o.volumeType}-${o.choice}`;
            const open = expanded === key;
            const detailsId = `ebs-option-details-${key}`;
            const label = layoutLabel(o);
            return (
              <Fragment key={key}>
                <tr
                  className={i === 0 ? 'ebs-option is-cheapest' : 'ebs-option'}
                  data-testid="ebs-option"
                  data-volume-type={o.volumeType}
                  data-choice={o.choice}
                  data-volumes={o.volumes}
                  data-monthly-usd={o.monthlyUsd}
                >
                  <td className="ebs-expand-col">
                    <button
                      type="button"
                      className="ebs-expand-button"
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      aria-label={`${open ? 'Hide' : 'Show'} cost details for ${label}`}
                      onClick={() => setExpanded(open ? null : key)}
                    >
                      {open ? '▾' : '▸'}
                    </button>
                  </td>
                  <td className="nowrap">
                    <span
                      className="ebs-type-swatch"
                      style={{ background: VOLUME_TYPE_COLORS[o.volumeType] }}
                    />
                    <span className="type-cell">{o.volumeType}</span>
                    {i === 0 && <span className="ebs-badge ebs-badge-cheapest">Cheapest</span>}
                    {o.choice === 'fewest-volumes' && (
                      <span
                        className="ebs-badge ebs-badge-fewest"
                        title={`The fewest ${o.volumeType} volumes that meet the need; a wider ${o.volumeType} stripe costs less`}
                      >
                        Fewest volumes
                      </span>
                    )}
                  </td>
                  <td className="num nowrap">
                    {o.volumes} × {formatCount(o.sizeGiBPerVolume)} GiB
                  </td>
                  <td className="num nowrap">{provisionedText(o)}</td>
                  <td className="num nowrap">
                    {formatCount(o.deliveredIops)} IOPS · {formatMiBps(o.deliveredThroughputMiBps)}
                  </td>
                  <td>
                    <span
                      className={`ebs-badge ebs-binding-${o.bindingConstraint}`}
                      data-testid="ebs-binding"
                      title={BINDING_HINTS[o.bindingConstraint]}
                    >
                      {BINDING_LABELS[o.bindingConstraint]}
                    </span>
                  </td>
                  <td className="num nowrap" title={o.burst ? burstLabel(o.burst) : undefined}>
                    {o.burst ? formatDuration(o.burst.durationSeconds) : '—'}
                  </td>
                  <td className="num strong nowrap">
                    <Explain
                      label={`${o.volumes} × ${o.volumeType} ${o.sizeGiBPerVolume} GiB, monthly`}
                      load={explain}
                      pick={(r) =>
                        r.options.find((x) => x.volumeType === o.volumeType && x.choice === o.choice)
                          ?.explanation
                      }
                      testId="explain-layout-monthly"
                    >
                      {formatMoney(o.monthlyUsd)}
                    </Explain>
                  </td>
                  <td className="ebs-notes-cell" title={o.notes.join('\n') || undefined}>
                    {o.notes.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="small ebs-note-text">{o.notes[0]}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button-secondary ebs-use-button"
                      data-testid="use-layout"
                      aria-label={`Use ${label}…`}
                      onClick={() => onUse(o)}
                    >
                      Use this layout…
                    </button>
                  </td>
                </tr>
                {open && (
                  <tr className="ebs-option-details" id={detailsId}>
                    <td />
                    <td colSpan={COLUMN_COUNT - 1}>
                      <OptionDetails option={o} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "8 × 256 GiB gp3". */
function layoutLabel(o: SizingOptionDto): string {
  return `${o.volumes} × ${formatCount(o.sizeGiBPerVolume)} GiB ${o.volumeType}`;
}

function provisionedText(o: SizingOptionDto): string {
  const parts: string[] = [];
  if (o.iopsPerVolume !== null) parts.push(`${formatCount(o.iopsPerVolume)} IOPS`);
  if (o.throughputMiBpsPerVolume !== null) parts.push(formatMiBps(o.throughputMiBpsPerVolume));
  return parts.length === 0 ? 'by size' : parts.join(' · ');
}

function OptionDetails({ option }: { option: SizingOptionDto }) {
  return (
    <div className="ebs-details">
      <table className="options-table ebs-components" data-testid="ebs-components">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col">Unit</th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Monthly
            </th>
          </tr>
        </thead>
        <tbody>
          {option.components.map((c) => (
            <tr key={c.dimension}>
              <td>{c.dimension}</td>
              <td className="num">{c.quantity.toLocaleString('en-US', { maximumFractionDigits: 2 })}</td>
              <td>{c.unit}</td>
              <td className="num">{formatRate(c.unitUsd)}</td>
              <td className="num">{formatMoney(c.monthlyUsd)}</td>
            </tr>
          ))}
          <tr className="ebs-total-row">
            <td colSpan={4}>Total, {option.volumes === 1 ? 'one volume' : `${option.volumes} volumes`}</td>
            <td className="num strong">{formatMoney(option.monthlyUsd)}</td>
          </tr>
        </tbody>
      </table>
      {option.notes.length > 0 && (
        <ul className="ebs-notes">
          {option.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
