import { Fragment } from 'react';
import { formatDateRange } from '@shared/catalog-scopes';
import { COST_BY_LINE_TITLE } from '@shared/charts/cost-by-line';
import { lineName } from '@shared/reports/describe';
import type { LineEstimate, ScenarioEstimate } from '@shared/pricing/estimate-types';
import { spotLineText } from '@shared/pricing/spot-interruption';
import { WorkloadCostChart } from '../../charts/WorkloadCostChart';
import { formatMoney } from '../../format';
import { MissingPriceNotices } from '../../components/MissingPriceNotices';
import { LineFigure, TotalFigure, type EstimateExplainer } from './ExplainedFigures';
import { WarningList } from './WarningList';
import { reservationText } from './CapacityReservationEditor';
import { QuotaCheckSection } from './QuotaCheckSection';
import { SupportSection } from './SupportSection';
import { BudgetSummary } from './BudgetSummary';
import { AccountsSummary } from './AccountsSummary';
import { demandSummary } from '@shared/capacity/capacity-words';
import { TENANCY_LABELS } from '@shared/catalog-types';
import { feeText, hostText } from './tenancy-words';

export interface EstimatePanelProps {
  estimate: ScenarioEstimate | undefined;
  loading: boolean;
  error: string | null;
  /** The document doesn't validate: the figures shown are for the last valid version, and say so. */
  stale: boolean;
  /** Asks for the same estimate with its arithmetic, when a figure is opened (useExplainLoader). */
  explain?: EstimateExplainer;
}

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The live estimate of the mix: per line, totals, every warning, and the cost by line. */
export function EstimatePanel({ estimate, loading, error, stale, explain }: EstimatePanelProps) {
  return (
    <section className="estimate-panel" aria-label="Estimate" aria-busy={loading}>
      <div className="section-header">
        <h2 className="section-title">Estimate</h2>
        {loading && !stale && <span className="loading-indicator small">Updating…</span>}
      </div>
      {stale && (
        <p className="estimate-stale" data-testid="estimate-stale" role="status">
          {estimate
            ? 'Last valid estimate — fix the highlighted field to update.'
            : 'No estimate yet — fix the highlighted field to see one.'}
        </p>
      )}
      {error && (
        <p className="field-error" data-testid="estimate-error">
          The estimate failed: {error}
          {estimate ? ' The figures below are the last estimate.' : ''}
        </p>
      )}
      {!estimate ? (
        <p className="muted">{error || stale ? '' : 'Estimating…'}</p>
      ) : (
        <div className={stale || error ? 'estimate-figures is-stale' : 'estimate-figures'}>
          <Totals estimate={estimate} explain={stale ? undefined : explain} />
          <BudgetSummary budget={estimate.budget} />
          <SupportSection estimate={estimate} />
          <AccountsSummary estimate={estimate} />
          <div className="table-wrap">
            <table className="data-table estimate-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col" className="num" title="Instance-hours per month">
                    Inst-h/mo
                  </th>
                  <th scope="col" className="num">
                    Compute
                  </th>
                  <th scope="col" className="num">
                    Storage
                  </th>
                  <th scope="col" className="num">
                    Upfront
                  </th>
                  <th scope="col" className="num">
                    Monthly
                  </th>
                  <th scope="col" className="num" title="Monthly with upfronts spread over their term">
                    Amort.
                  </th>
                </tr>
              </thead>
              <tbody>
                {estimate.lines.map((l) => (
                  <Fragment key={l.id}>
                    <tr
                      data-testid="estimate-line"
                      data-line-id={l.id}
                      data-monthly-usd={l.monthlyUsd ?? ''}
                      className={l.complete ? undefined : 'is-incomplete'}
                    >
                      <td className="line-cell" title={`Line id: ${l.id}`}>
                        <div
                          className={l.name?.trim() ? 'line-name' : 'mono'}
                          data-testid="estimate-line-name"
                        >
                          {lineName(l)}
                        </div>
                        <div className="muted small">{lineKind(l)}</div>
                        {l.demand && (
                          <div
                            className="muted small"
                            data-testid="estimate-line-demand"
                            title={l.demand.working}
                          >
                            {demandSummary(l.demand)}
                          </div>
                        )}
                        {l.capacityReservation && (
                          <div className="muted small" data-testid="estimate-line-reservation">
                            {reservationText(l.capacityReservation)}
                          </div>
                        )}
                        {l.spotInterruption && (
                          <div
                            className="muted small"
                            data-testid="estimate-line-spot"
                            title={l.spotInterruption.working ?? undefined}
                          >
                            {spotLineText(l.spotInterruption)}
                          </div>
                        )}
                      </td>
                      <td className="num">{hoursFormat.format(l.instanceHours)}</td>
                      <td className="num">
                        <LineFigure
                          explain={stale ? undefined : explain}
                          lineId={l.id}
                          part="compute"
                          label={`Compute — ${lineName(l)}`}
                          usd={l.computeMonthlyUsd}
                        />
                      </td>
                      <td className="num" title={`Snapshots ${formatMoney(l.snapshotMonthlyUsd)}`}>
                        <LineFigure
                          explain={stale ? undefined : explain}
                          lineId={l.id}
                          part="storage"
                          label={`Storage — ${lineName(l)}`}
                          usd={l.storageMonthlyUsd}
                        />
                      </td>
                      <td className="num">
                        <LineFigure
                          explain={stale ? undefined : explain}
                          lineId={l.id}
                          part="upfront"
                          label={`Upfront — ${lineName(l)}`}
                          usd={l.upfrontUsd}
                        />
                      </td>
                      <td className="num strong">
                        <LineFigure
                          explain={stale ? undefined : explain}
                          lineId={l.id}
                          part="monthly"
                          label={`Monthly — ${lineName(l)}`}
                          usd={l.monthlyUsd}
                        />
                      </td>
                      <td className="num">
                        <LineFigure
                          explain={stale ? undefined : explain}
                          lineId={l.id}
                          part="amortizedMonthly"
                          label={`Amortized — ${lineName(l)}`}
                          usd={l.amortizedMonthlyUsd}
                        />
                      </td>
                    </tr>
                    {(l.dedicatedHost || l.dedicatedFee) && (
                      <tr
                        className="line-detail-row"
                        data-testid="estimate-line-dedicated"
                        data-line-id={l.id}
                      >
                        <td colSpan={7}>
                          {l.dedicatedHost && (
                            <div
                              className="muted small explained-text"
                              data-testid="estimate-line-hosts"
                              title={l.dedicatedHost.working}
                            >
                              {hostText(l.dedicatedHost, l.instanceType)}
                            </div>
                          )}
                          {l.dedicatedFee && (
                            <div
                              className="muted small explained-text"
                              data-testid="estimate-line-dedicated-fee"
                              title={l.dedicatedFee.working}
                            >
                              {feeText(l.dedicatedFee, (id) => lineNameOf(estimate, id))}
                            </div>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
                {estimate.lines.length === 0 && (
                  <tr className="empty-row">
                    <td colSpan={7}>No lines yet.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <h3 className="subsection-title">{COST_BY_LINE_TITLE}</h3>
          <WorkloadCostChart lines={estimate.lines} budgetUsd={estimate.budget?.budgetUsd} />
          <QuotaCheckSection quotas={estimate.quotas} />
          <h3 className="subsection-title">Warnings</h3>
          <MissingPriceNotices
            missing={estimate.missingPrices}
            lineName={(id) => lineNameOf(estimate, id)}
            testId="estimate-missing-prices"
          />
          <WarningList warnings={estimate.warnings} testId="estimate-warnings" />
          <p className="muted small" data-testid="estimate-prices-as-of">
            Prices as of {formatDateRange(estimate.pricesAsOf, 'n/a (nothing priced)')};{' '}
            {estimate.hoursPerMonth} hours a month.
          </p>
        </div>
      )}
    </section>
  );
}

function Totals({ estimate, explain }: { estimate: ScenarioEstimate; explain: EstimateExplainer }) {
  const { totals } = estimate;
  const items = [
    { label: 'Monthly', usd: totals.monthlyUsd, testId: 'estimate-total-monthly', part: 'monthly' },
    { label: 'Upfront', usd: totals.upfrontUsd, testId: 'estimate-total-upfront', part: 'upfront' },
    {
      label: 'Amortized / mo',
      usd: totals.amortizedMonthlyUsd,
      testId: 'estimate-total-amortized',
      part: 'amortizedMonthly',
    },
    { label: '1 year', usd: totals.oneYearUsd, testId: 'estimate-total-one-year', part: 'oneYear' },
    { label: '3 years', usd: totals.threeYearUsd, testId: 'estimate-total-three-year', part: 'threeYear' },
  ] as const;
  return (
    <>
      <dl className="totals">
        {items.map((i) => (
          <div key={i.testId} className="total">
            <dt>{i.label}</dt>
            <dd data-testid={i.testId} data-usd={i.usd}>
              <TotalFigure explain={explain} part={i.part} label={`${i.label}, all lines`} usd={i.usd} />
            </dd>
          </div>
        ))}
      </dl>
      {!totals.complete && (
        <p className="field-warning small" data-testid="estimate-incomplete">
          Incomplete: {incompleteNames(estimate).join(', ')} could not be fully priced; the totals add up only
          what could (see the warnings).
        </p>
      )}
    </>
  );
}

/** A line by name (the id where it has none, or where no line has that id). */
function lineNameOf(estimate: ScenarioEstimate, id: string): string {
  const line = estimate.lines.find((l) => l.id === id);
  return line ? lineName(line) : id;
}

/** The incomplete lines by name (the id where a line has none). */
function incompleteNames(estimate: ScenarioEstimate): string[] {
  return estimate.totals.incompleteLineIds.map((id) => lineNameOf(estimate, id));
}

/** "m5.large, reserved"; "r7i.2xlarge, Dedicated Instance, on-demand"; a host line's purchase is its hosts'. */
function lineKind(l: LineEstimate): string {
  if (l.tenancy === 'host') return `${l.instanceType}, ${TENANCY_LABELS.host}`;
  if (l.tenancy === 'dedicated') return `${l.instanceType}, ${TENANCY_LABELS.dedicated}, ${l.model}`;
  return `${l.instanceType}, ${l.model}`;
}
