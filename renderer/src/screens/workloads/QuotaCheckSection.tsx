import { quotaVerdict } from '@shared/capacity/capacity-words';
import type { QuotaCheck } from '@shared/capacity/quotas';
import './capacity.css';

const num = (n: number) => n.toLocaleString('en-US');

/** The estimate's quota check: the mix's peak running vCPUs per quota class and region against the quotas. */
export function QuotaCheckSection({ quotas }: { quotas: QuotaCheck }) {
  return (
    <section className="quota-check" data-testid="quota-check" data-exceeded={quotas.exceeded}>
      <h3 className="subsection-title">Quota check</h3>
      <p className={quotas.exceeded > 0 ? 'field-warning small' : 'muted small'} data-testid="quota-verdict">
        {quotaVerdict(quotas)}: peak running vCPUs, hour by hour, against each quota.
      </p>
      {quotas.uses.length > 0 && (
        <div className="table-wrap">
          <table className="data-table quota-table">
            <thead>
              <tr>
                <th scope="col">Quota</th>
                <th scope="col">Region</th>
                <th scope="col" className="num">
                  Peak vCPUs
                </th>
                <th scope="col" className="num">
                  Quota
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {quotas.uses.map((u) => (
                <tr
                  key={`${u.region}|${u.key}`}
                  data-testid="quota-row"
                  data-key={u.key}
                  data-status={u.status}
                  data-peak={u.peakVcpus}
                  title={u.message}
                >
                  <td>{u.name}</td>
                  <td>{u.region}</td>
                  <td className="num">
                    {num(u.peakVcpus)} <span className="muted small">({u.peakAt})</span>
                  </td>
                  <td className="num">
                    {num(u.quotaVcpus)}
                    {u.quotaSource === 'aws-default' && <span className="muted small"> AWS default</span>}
                  </td>
                  <td className={`status-${u.status}`}>
                    {u.status === 'exceeds' ? `exceeds by ${num(u.peakVcpus - u.quotaVcpus)}` : 'within'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {quotas.notCounted.map((n) => (
        <p key={n.lineId} className="muted small">
          Not counted: line {n.lineId} — {n.reason}.
        </p>
      ))}
    </section>
  );
}
