import type { PlanLine } from '@shared/optimizer/types';
import { formatNumber } from '../../format';
import { pctWords, usdWords } from './plan-words';

/** How each line is paid for under the plan: the shares of its instance-hours per way of buying. */
export function PlanLinesTable({ lines }: { lines: PlanLine[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table plan-lines" data-testid="plan-lines">
        <caption className="plan-caption">How each line is paid for</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Instance type</th>
            <th scope="col" className="num">
              Instance-hours / mo
            </th>
            <th scope="col" className="num">
              Reserved
            </th>
            <th scope="col" className="num">
              Savings Plans
            </th>
            <th scope="col" className="num">
              Spot
            </th>
            <th scope="col" className="num">
              On-Demand
            </th>
            <th scope="col" className="num">
              Monthly
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr
              key={l.lineId}
              data-testid="plan-line"
              data-line-id={l.lineId}
              data-monthly-usd={l.monthlyUsd}
            >
              <td className="plan-line-name">{l.lineName}</td>
              <td className="mono">
                {l.instanceType} <span className="muted small">{l.region}</span>
              </td>
              <td className="num">{formatNumber(l.instanceHoursPerMonth)}</td>
              <td className="num">{pctWords(l.reservedPct)}</td>
              <td className="num">{pctWords(l.savingsPlanPct)}</td>
              <td className="num">{pctWords(l.spotPct)}</td>
              <td className="num">{pctWords(l.onDemandPct)}</td>
              <td className="num">{usdWords(l.monthlyUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
