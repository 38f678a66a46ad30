import { FINDER_PURCHASE_LABELS, type FinderResult } from '@shared/capacity/finder';
import { formatGpus, formatMoney, formatNetwork, formatNumber, formatRate } from '../../format';
import { screenHref } from '../../hooks/useHashParams';

/** The finder's answer: cheapest first, with what a vCPU and a GiB cost an hour and each rate's date. */
export function FinderTable({ result, loading }: { result: FinderResult | undefined; loading: boolean }) {
  const how = result ? FINDER_PURCHASE_LABELS[result.purchase] : '';
  const showOnDemand = result !== undefined && result.purchase !== 'on-demand';
  return (
    <div className={loading ? 'regions-table-scroll is-loading' : 'regions-table-scroll'}>
      <table className="data-table regions-table finder-table" data-testid="finder-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Type</th>
            <th scope="col">Region</th>
            <th scope="col" className="num">
              vCPU
            </th>
            <th scope="col" className="num">
              Memory GiB
            </th>
            <th scope="col">Arch</th>
            <th scope="col">Network</th>
            <th scope="col" className="num" title="EBS baseline throughput, as AWS quotes it">
              EBS MB/s
            </th>
            <th scope="col" className="num" title="EBS baseline IOPS">
              EBS IOPS
            </th>
            <th scope="col">GPUs</th>
            <th scope="col" className="num" title={`${how}: an effective hourly rate for commitments`}>
              Per hour
            </th>
            <th scope="col" className="num">
              Per month
            </th>
            <th scope="col" className="num" title="The hourly rate over the vCPUs">
              $/vCPU-hour
            </th>
            <th scope="col" className="num" title="The hourly rate over the memory">
              $/GiB-hour
            </th>
            {showOnDemand && (
              <th scope="col" className="num">
                On-Demand/h
              </th>
            )}
            <th scope="col">
              <span className="visually-hidden">Links</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(!result || result.rows.length === 0) && (
            <tr className="empty-row">
              <td colSpan={16}>
                {loading || !result
                  ? 'Searching…'
                  : result.matchedTypes > 0
                    ? `${result.matchedTypes} types meet these requirements, but none has a ${how} price in the catalog.`
                    : 'No instance type meets these requirements.'}
              </td>
            </tr>
          )}
          {result?.rows.map((row, i) => (
            <tr
              key={`${row.instanceType}|${row.region}`}
              data-testid="finder-row"
              data-type={row.instanceType}
            >
              <td className="num">{i + 1}</td>
              <td className="type-cell" title={row.processor ?? undefined}>
                {row.instanceType}
              </td>
              <td title={row.sameRateIn.length ? `Same rate in ${row.sameRateIn.join(', ')}` : undefined}>
                {row.region}
                {row.sameRateIn.length > 0 && <span className="muted small"> +{row.sameRateIn.length}</span>}
              </td>
              <td className="num">{formatNumber(row.vcpu)}</td>
              <td className="num">{formatNumber(row.memoryGiB)}</td>
              <td>{row.arch}</td>
              <td>{formatNetwork(row.networkPerformance, row.networkBaselineGbps)}</td>
              <td className="num">{formatNumber(row.ebsBaselineThroughputMBps)}</td>
              <td className="num">{formatNumber(row.ebsBaselineIops)}</td>
              <td>{formatGpus(row.gpuCount, row.gpuModel)}</td>
              <td className="num" title={row.option ?? undefined} data-testid="finder-hourly">
                <span className="region-price">{formatRate(row.hourlyUsd)}</span>
                {row.asOf && <span className="region-date">as of {row.asOf}</span>}
              </td>
              <td className="num" data-testid="finder-monthly">
                {formatMoney(row.monthlyUsd)}
              </td>
              <td className="num" data-testid="finder-per-vcpu">
                {formatRate(row.perVcpuHourUsd)}
              </td>
              <td className="num" data-testid="finder-per-gib">
                {formatRate(row.perGiBHourUsd)}
              </td>
              {showOnDemand && <td className="num">{formatRate(row.onDemandHourlyUsd)}</td>}
              <td>
                <a
                  href={screenHref('regions', { types: row.instanceType })}
                  data-testid="finder-compare-regions"
                >
                  Regions
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
