import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { formatMoney } from '../../format';
import { accountLabel } from './AccountField';

/**
 * The estimate's cost per account (when the scenario names accounts): each account's lines, monthly,
 * upfront, amortized and 3-year figures; commitments count in the account of the line that buys them.
 */
export function AccountsSummary({ estimate }: { estimate: ScenarioEstimate }) {
  const accounts = estimate.accounts;
  if (!accounts?.length) return null;
  return (
    <div className="table-wrap" data-testid="estimate-accounts">
      <table className="data-table">
        <caption className="muted small">
          Cost per account — Reserved Instances and Savings Plans count in the account of the line that buys
          them, whichever account's usage they cover
        </caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">RI/SP sharing</th>
            <th scope="col">Lines</th>
            <th scope="col" className="num">
              Monthly
            </th>
            <th scope="col" className="num">
              Upfront
            </th>
            <th scope="col" className="num">
              Amortized
            </th>
            <th scope="col" className="num">
              3 years
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-testid="estimate-account-row" data-account={a.id}>
              <th scope="row">{accountLabel(a)}</th>
              <td>{a.sharing ? 'on' : 'off'}</td>
              <td>{a.lineIds.join(', ') || 'none'}</td>
              <td className="num" data-testid="estimate-account-monthly">
                {formatMoney(a.totals.monthlyUsd)}
              </td>
              <td className="num">{formatMoney(a.totals.upfrontUsd)}</td>
              <td className="num">{formatMoney(a.totals.amortizedMonthlyUsd)}</td>
              <td className="num">{formatMoney(a.totals.threeYearUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
