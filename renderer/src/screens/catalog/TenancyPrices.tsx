import {
  TENANCIES,
  TENANCY_LABELS,
  type HostOptions,
  type OperatingSystem,
  type PriceOptions,
  type PriceSource,
  type Tenancy,
} from '@shared/catalog-types';
import { OS_FACTS, OS_LABELS } from '@shared/operating-systems';
import { PAYMENT_LABELS } from '@shared/pricing/purchase-options';
import { HOURS_PER_MONTH, Decimal, toUsdString } from '@shared/money';
import { formatMoney, formatNumber, formatRate } from '../../format';
import './catalog-tenancy.css';

/** The tenancy a pane opens on: shared, unless the OS is not sold there (Windows BYOL: Dedicated Instance). */
export function tenancyFor(os: OperatingSystem, wanted: Tenancy): Tenancy {
  const sold = OS_FACTS[os].tenancies;
  return sold.includes(wanted) ? wanted : (sold[0] as Tenancy);
}

/** Which tenancy's prices the pane shows; those AWS does not sell the OS on are greyed out. */
export function TenancyPicker(props: {
  os: OperatingSystem;
  value: Tenancy;
  onChange: (tenancy: Tenancy) => void;
}) {
  const sold = OS_FACTS[props.os].tenancies;
  return (
    <label className="detail-tenancy">
      <span className="muted small">Tenancy</span>{' '}
      <select
        data-testid="detail-tenancy"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Tenancy)}
      >
        {TENANCIES.map((t) => (
          <option
            key={t}
            value={t}
            disabled={!sold.includes(t)}
            title={
              sold.includes(t)
                ? undefined
                : `AWS does not sell ${OS_LABELS[props.os]} as ${TENANCY_LABELS[t]}`
            }
          >
            {TENANCY_LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What a tenancy adds beside the instance's own options: the host it runs on, or the per-Region fee. */
export function TenancyExtras({
  data,
  sources,
}: {
  data: PriceOptions;
  sources: ReadonlyMap<string, PriceSource>;
}) {
  if (data.tenancy === 'host' && data.host)
    return <HostPrices host={data.host} data={data} sources={sources} />;
  if (data.tenancy === 'dedicated') {
    const fee = data.dedicatedFee ?? null;
    return (
      <p className="small" data-testid="detail-dedicated-fee">
        Plus AWS’s Dedicated per-Region fee, once per hour in which at least one Dedicated Instance of the
        account runs in {data.region}:{' '}
        {fee === null ? (
          <span className="muted">n/a — not in this catalog: import AWS’s price files (Data screen)</span>
        ) : (
          <strong>
            {formatRate(fee.hourlyUsd)}/h (
            {formatMoney(toUsdString(new Decimal(fee.hourlyUsd).times(HOURS_PER_MONTH)))} a month if one
            always runs)
          </strong>
        )}
        {fee !== null && <SourceDate id={fee.sourceId} sources={sources} />}
      </p>
    );
  }
  return null;
}

function HostPrices({
  host,
  data,
  sources,
}: {
  host: HostOptions;
  data: PriceOptions;
  sources: ReadonlyMap<string, PriceSource>;
}) {
  const cores = [
    host.vcpu === null ? null : `${formatNumber(host.vcpu)} vCPU`,
    host.physicalCores === null ? null : `${formatNumber(host.physicalCores)} physical cores`,
  ].filter((s) => s !== null);
  return (
    <div className="detail-host" data-testid="detail-host">
      <p className="small">
        Dedicated Host family <strong>{host.family}</strong>
        {cores.length > 0 ? ` (${cores.join(', ')})` : ''}, billed per host-hour whatever runs on it; one host
        holds{' '}
        <strong data-testid="detail-host-capacity">
          {host.instancesOfThisSize === null ? 'n/a' : formatNumber(host.instancesOfThisSize)}{' '}
          {data.instanceType}
        </strong>
        . Below the host: the per-instance charge on it (the licence), On-Demand.
      </p>
      {host.note && (
        <p className="muted small missing-note" data-testid="detail-host-note">
          {host.note}
        </p>
      )}
      <table className="options-table" data-testid="host-options">
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col">Payment</th>
            <th scope="col" className="num">
              Upfront
            </th>
            <th scope="col" className="num">
              Hourly
            </th>
            <th scope="col" className="num">
              Effective /h
            </th>
            <th scope="col" className="num" title={`Effective hourly × ${data.hoursPerMonth} hours`}>
              Monthly
            </th>
            <th scope="col">Source, as of</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="host-option" data-model="on-demand">
            <td>On-Demand</td>
            <td>—</td>
            <td className="num">{host.onDemandHourlyUsd === null ? 'n/a' : formatMoney('0')}</td>
            <td className="num">{formatRate(host.onDemandHourlyUsd)}</td>
            <td className="num strong">{formatRate(host.onDemandHourlyUsd)}</td>
            <td className="num">{monthly(host.onDemandHourlyUsd, data.hoursPerMonth)}</td>
            <td>
              <SourceDate id={host.onDemandSourceId} sources={sources} />
            </td>
          </tr>
          {host.reservations.map((r) => (
            <tr
              key={`${r.termYears}-${r.paymentOption}`}
              data-testid="host-option"
              data-model="reserved"
              data-term={r.termYears}
              data-payment={r.paymentOption}
            >
              <td>Reservation {r.termYears} yr</td>
              <td>{PAYMENT_LABELS[r.paymentOption]}</td>
              <td className="num">{formatMoney(r.upfrontUsd)}</td>
              <td className="num">{formatRate(r.hourlyUsd)}</td>
              <td className="num strong">{formatRate(r.effectiveHourlyUsd)}</td>
              <td className="num">{monthly(r.effectiveHourlyUsd, data.hoursPerMonth)}</td>
              <td>
                <SourceDate id={r.sourceId} sources={sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const monthly = (hourlyUsd: string | null, hours: number) =>
  hourlyUsd === null ? 'n/a' : formatMoney(toUsdString(new Decimal(hourlyUsd).times(hours)));

function SourceDate({ id, sources }: { id: string | null; sources: ReadonlyMap<string, PriceSource> }) {
  if (id === null) return null;
  const s = sources.get(id);
  return (
    <span className="muted small" title={s ? `${s.name} (${s.licence})` : undefined}>
      {' '}
      {s ? `${s.asOf}` : id}
    </span>
  );
}
