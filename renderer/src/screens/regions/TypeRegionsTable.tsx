import {
  NOT_OFFERED,
  REGION_PRICE_FIGURE_LABELS,
  REGION_PRICE_FIGURES,
  regionFigure,
  type RegionPriceFigure,
  type RegionPriceRow,
  type RegionPriceSort,
} from '@shared/capacity/region-prices';
import { formatPrice, PRICE_UNIT_SUFFIX, type PriceUnit } from '../../format';

const FIGURE_TITLES: Record<RegionPriceFigure, string> = {
  onDemand: 'On-Demand list price',
  best1y:
    'Lowest effective rate of any 1-year Reserved Instance or Savings Plan (upfront spread over the term)',
  best3y:
    'Lowest effective rate of any 3-year Reserved Instance or Savings Plan (upfront spread over the term)',
  spot: 'Average observed spot price: never a guaranteed price, and capacity can be reclaimed',
};

export interface TypeRegionsTableProps {
  rows: RegionPriceRow[];
  unit: PriceUnit;
  showType: boolean;
  sortBy: RegionPriceSort;
  sortDir: 'asc' | 'desc';
  onSort: (by: RegionPriceSort) => void;
  /** Why every band is n/a when the catalog has no Spot Advisor data. */
  bandNote: string | null;
  loading: boolean;
}

/** One row per (type, region): each headline figure with its as-of date, gaps said in words. */
export function TypeRegionsTable(props: TypeRegionsTableProps) {
  const { rows, unit, showType } = props;
  const header = (by: RegionPriceSort, label: string, title?: string, numeric = false) => {
    const sorted = props.sortBy === by;
    const aria = sorted ? (props.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
    return (
      <th key={by} scope="col" className={numeric ? 'num' : undefined} aria-sort={aria} title={title}>
        <button
          type="button"
          className="sort-button"
          data-testid={`region-sort-${by}`}
          onClick={() => props.onSort(by)}
        >
          <span className="sort-label">{label}</span>
          <span className="sort-arrow" aria-hidden="true">
            {sorted ? (props.sortDir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };
  const columns = (showType ? 1 : 0) + 2 + REGION_PRICE_FIGURES.length;
  return (
    <div className={props.loading ? 'regions-table-scroll is-loading' : 'regions-table-scroll'}>
      <table className="data-table regions-table" data-testid="type-regions-table">
        <thead>
          <tr>
            {showType && <th scope="col">Type</th>}
            {header('region', 'Region')}
            {REGION_PRICE_FIGURES.map((f) =>
              header(
                f,
                `${REGION_PRICE_FIGURE_LABELS[f]} ${PRICE_UNIT_SUFFIX[unit]}`,
                FIGURE_TITLES[f],
                true,
              ),
            )}
            <th scope="col" title="AWS Spot Advisor: how often spot capacity was reclaimed in the last month">
              Interruption
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={columns}>{props.loading ? 'Loading…' : 'Name an instance type above.'}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr
              key={`${row.instanceType}|${row.region}`}
              data-testid="type-region-row"
              data-region={row.region}
              data-type={row.instanceType}
              className={row.offered ? undefined : 'is-gap'}
            >
              {showType && <td className="type-cell">{row.instanceType}</td>}
              <td>
                <span className="type-cell">{row.region}</span>{' '}
                <span className="muted small">{row.regionName}</span>
              </td>
              {row.offered ? (
                <>
                  {REGION_PRICE_FIGURES.map((f) => (
                    <FigureCell key={f} row={row} figure={f} unit={unit} />
                  ))}
                  <td title={props.bandNote ?? undefined} data-testid="region-band">
                    {row.spotInterruptionBand ? (
                      <>
                        {row.spotInterruptionBand}
                        {row.spotInterruptionAsOf && (
                          <span className="region-date">as of {row.spotInterruptionAsOf}</span>
                        )}
                      </>
                    ) : (
                      <span className="muted">n/a</span>
                    )}
                  </td>
                </>
              ) : (
                <td colSpan={REGION_PRICE_FIGURES.length + 1} className="region-gap" data-testid="region-gap">
                  {NOT_OFFERED}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FigureCell({
  row,
  figure,
  unit,
}: {
  row: RegionPriceRow;
  figure: RegionPriceFigure;
  unit: PriceUnit;
}) {
  const v = regionFigure(row, figure);
  if ('missing' in v) {
    return (
      <td className="num region-missing" data-figure={figure} title={v.missing}>
        {v.missing}
      </td>
    );
  }
  return (
    <td className="num" data-figure={figure} title={v.option ?? undefined}>
      <span className="region-price">{formatPrice(v.hourlyUsd, unit)}</span>
      {v.asOf && <span className="region-date">as of {v.asOf}</span>}
    </td>
  );
}
