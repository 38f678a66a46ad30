import type { OperatingSystem, PriceOption, PriceSource, Tenancy } from '@shared/catalog-types';
import { HOURS_PER_MONTH } from '@shared/money';
import { formatMoney, formatRate } from '../../format';
import { useExplainLoader } from '../../hooks/useExplainLoader';
import { MODEL_LABELS, classOrPlanLabel, paymentLabel, termLabel } from '../../option-labels';
import { OptionFigure } from './OptionFigure';

export interface PriceOptionsTableProps {
  options: PriceOption[];
  sources: ReadonlyMap<string, PriceSource>;
  /** The options' type, region, OS and tenancy: opening a figure asks for their arithmetic. */
  query?: { instanceType: string; region: string; os: OperatingSystem; tenancy?: Tenancy };
}

/** Every way to buy the instance, each figure with the source and date it came from. */
export function PriceOptionsTable({ options, sources, query }: PriceOptionsTableProps) {
  const explain = useExplainLoader('catalog.priceOptions', query ?? null);
  return (
    <div className="options-scroll">
      <table className="options-table" data-testid="price-options">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Term</th>
            <th scope="col">Payment</th>
            <th scope="col">Class / plan</th>
            <th scope="col" className="num">
              Upfront
            </th>
            <th scope="col" className="num">
              Hourly
            </th>
            <th scope="col" className="num" title="Upfront spread over the term, plus the hourly rate">
              Effective /h
            </th>
            <th scope="col" className="num" title={`Effective hourly x ${HOURS_PER_MONTH} hours`}>
              Monthly
            </th>
            <th scope="col" className="num" title="Saving on the effective rate against on-demand">
              Savings
            </th>
            <th scope="col">Source, as of</th>
          </tr>
        </thead>
        <tbody>
          {options.map((o) => {
            const key = [o.model, o.termYears, o.paymentOption, o.offeringClass, o.planType].join('|');
            const priced = o.effectiveHourlyUsd !== null;
            const source = o.sourceId ? sources.get(o.sourceId) : undefined;
            return (
              <tr
                key={key}
                data-testid="price-option"
                data-model={o.model}
                data-term={o.termYears ?? ''}
                data-payment={o.paymentOption ?? ''}
                className={priced ? `model-${o.model}` : `model-${o.model} is-missing`}
              >
                <td title={o.model === 'spot' ? (o.note ?? undefined) : undefined}>
                  {MODEL_LABELS[o.model]}
                  {o.model === 'spot' && (
                    <div className="muted small" data-testid="option-spot-band">
                      {o.interruptionBand === null
                        ? 'Interruption: n/a'
                        : `Interruption ${o.interruptionBand} · saves ${o.advisorSavingsPct ?? 'n/a'}% · ${o.advisorAsOf ?? ''}`}
                    </div>
                  )}
                </td>
                <td>{termLabel(o)}</td>
                <td>{paymentLabel(o)}</td>
                <td>{classOrPlanLabel(o)}</td>
                {priced ? (
                  <>
                    <td className="num" data-testid="option-upfront">
                      <OptionFigure explain={explain} option={o} part="upfront" label="upfront">
                        {formatMoney(o.upfrontUsd)}
                      </OptionFigure>
                      {o.upfrontDerived ? (
                        <>
                          {' '}
                          <abbr
                            className="muted derived-mark"
                            data-testid="upfront-derived"
                            title={o.upfrontNote ?? 'Worked out by the planner, not published by the source'}
                          >
                            derived
                          </abbr>
                        </>
                      ) : null}
                    </td>
                    <td className="num">
                      <OptionFigure explain={explain} option={o} part="hourly" label="hourly">
                        {formatRate(o.hourlyUsd)}
                      </OptionFigure>
                    </td>
                    <td className="num strong">
                      <OptionFigure
                        explain={explain}
                        option={o}
                        part="effectiveHourly"
                        label="effective hourly"
                      >
                        {formatRate(o.effectiveHourlyUsd)}
                      </OptionFigure>
                    </td>
                    <td className="num">
                      <OptionFigure explain={explain} option={o} part="monthly" label="monthly">
                        {formatMoney(o.monthlyUsd)}
                      </OptionFigure>
                    </td>
                    <td className="num">
                      {o.savingsPct === null ? (
                        '—'
                      ) : (
                        <OptionFigure explain={explain} option={o} part="saving" label="saving">
                          {`${o.savingsPct}%`}
                        </OptionFigure>
                      )}
                    </td>
                    <td
                      className="source-cell"
                      title={source ? `${source.name} (${source.licence})` : undefined}
                    >
                      {source ? (
                        <>
                          <span className="source-date">{source.asOf}</span>
                          <span className="source-name">{shortSourceName(source)}</span>
                        </>
                      ) : (
                        (o.sourceId ?? 'n/a')
                      )}
                    </td>
                  </>
                ) : (
                  <td colSpan={6} className="muted missing-note">
                    {o.note ?? 'n/a'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The repository a figure was taken from ("yeo/ec2.shop"); the source's full name is the tooltip. */
function shortSourceName(source: PriceSource): string {
  const repo = /github\.com\/([^/\s]+\/[^/\s(]+)/.exec(source.url);
  if (repo?.[1]) return repo[1];
  const head = source.name.split(/[:,(]/)[0]?.trim();
  return head || source.id;
}
