import type { PlanPurchase } from '@shared/optimizer/types';
import { breakEvenMonthWords } from '@shared/pricing/break-even';
import {
  paymentWords,
  pctWords,
  purchaseAmount,
  purchaseScope,
  purchaseWhat,
  purchaseWhere,
  termWords,
  usdWords,
} from './plan-words';

const COLUMNS: { label: string; num?: boolean }[] = [
  { label: 'What to buy' },
  { label: 'Where' },
  { label: 'How many / commitment', num: true },
  { label: 'Term' },
  { label: 'Payment' },
  { label: 'Upfront', num: true },
  { label: 'Monthly (amortized)', num: true },
  { label: 'Utilization', num: true },
  { label: 'Break-even', num: true },
];

/** The plan's purchases, one row each; an empty plan says everything stays On-Demand or on spot. */
export function PurchaseTable({ purchases }: { purchases: PlanPurchase[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table plan-purchases" data-testid="plan-purchases">
        <caption className="plan-caption">What to buy</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {purchases.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="muted" data-testid="plan-no-purchases">
                No commitment pays for itself here: the plan keeps every line On-Demand (or on spot where
                allowed).
              </td>
            </tr>
          ) : (
            purchases.map((p, i) => <PurchaseRow key={i} purchase={p} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

function PurchaseRow({ purchase: p }: { purchase: PlanPurchase }) {
  return (
    <tr
      data-testid="plan-purchase"
      data-kind={p.kind}
      data-term-years={p.termYears}
      data-payment={p.paymentOption}
      data-amount={p.kind === 'reserved' ? p.count : p.commitmentHourlyUsd}
      data-upfront-usd={p.upfrontUsd}
      data-amortized-usd={p.amortizedMonthlyUsd}
    >
      <td className="plan-what">
        <span className="strong">{purchaseWhat(p)}</span>
        <span className="muted small">{purchaseScope(p)}</span>
      </td>
      <td>{purchaseWhere(p)}</td>
      <td className="num">{purchaseAmount(p)}</td>
      <td>{termWords(p.termYears)}</td>
      <td>{paymentWords(p)}</td>
      <td className="num">{usdWords(p.upfrontUsd)}</td>
      <td className="num">{usdWords(p.amortizedMonthlyUsd)}</td>
      <td className="num">{pctWords(p.utilizationPct)}</td>
      <td className="num">{breakEvenMonthWords(p.breakEvenMonth)}</td>
    </tr>
  );
}
