import type { LineEstimate } from '@shared/pricing/estimate-types';
import type { CapacityReservation, ScenarioLine } from '@shared/scenario/schema';
import { formatMoney } from '../../format';
import { omit } from './field-errors';
import { NumberField } from './NumberField';

const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "Reserved 2,920 instance-hours a month in us-east-1a, 1,460 unused; the unused cost $140.16 a month…" */
export function reservationText(r: NonNullable<LineEstimate['capacityReservation']>): string {
  return (
    `Reserved ${hours.format(r.reservedHours)} instance-hours a month in ${r.availabilityZone}, ` +
    `${hours.format(r.unusedReservedHours)} unused; the unused cost ${formatMoney(r.unusedReservationUsd)} a month ` +
    `after Reserved Instances and Savings Plans`
  );
}

/** The line in another region; a reservation's zone in the old region moves with it (us-east-1a → eu-west-1a). */
export function withRegion(line: ScenarioLine, region: string): ScenarioLine {
  const r = line.capacityReservation;
  if (!r || !r.availabilityZone.startsWith(line.region)) return { ...line, region };
  const zone = region + r.availabilityZone.slice(line.region.length);
  return { ...line, region, capacityReservation: { ...r, availabilityZone: zone } };
}

/**
 * The line's On-Demand Capacity Reservation: capacity held in one Availability Zone of its region for
 * the whole horizon, billed at the On-Demand rate whether used or not (shared/pricing/capacity-reservation.ts).
 */
export function CapacityReservationEditor({
  line,
  errors,
  estimate,
  onChange,
}: {
  line: ScenarioLine;
  /** Messages keyed by the reservation's own field ("availabilityZone"). */
  errors: Record<string, string>;
  estimate: LineEstimate | undefined;
  onChange: (line: ScenarioLine) => void;
}) {
  const r = line.capacityReservation;
  // AWS offers no Capacity Reservations on Dedicated Hosts (the host itself is the held capacity).
  const host = line.tenancy === 'host';
  const set = (patch: Partial<CapacityReservation>) =>
    r && onChange({ ...line, capacityReservation: { ...r, ...patch } });
  return (
    <section className="line-section" data-testid="capacity-reservation">
      <h4 className="line-section-title">Capacity reservation</h4>
      <label className="field-check">
        <input
          type="checkbox"
          data-testid="capacity-reservation-on"
          checked={r !== undefined}
          disabled={host && r === undefined}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? { ...line, capacityReservation: { count: 1, availabilityZone: `${line.region}a` } }
                : omit(line, 'capacityReservation'),
            )
          }
        />
        Hold capacity in a zone, billed On-Demand whether used or not
      </label>
      {host && (
        <p
          className={r === undefined ? 'muted small' : 'field-error'}
          data-testid="capacity-reservation-host"
        >
          {r === undefined
            ? 'Not available on Dedicated Hosts: the hosts are the capacity the line holds.'
            : 'Capacity Reservations are not available on Dedicated Hosts: uncheck it or choose another tenancy.'}
        </p>
      )}
      {r && (
        <div className="field-row">
          <NumberField
            label="Reserved instances"
            testId="capacity-reservation-count"
            value={r.count}
            min={1}
            error={errors.count}
            onChange={(count) => count !== undefined && set({ count })}
          />
          <label className="field">
            <span className="field-label">Availability Zone</span>
            <input
              className="text-input mono short"
              data-testid="capacity-reservation-zone"
              value={r.availabilityZone}
              maxLength={33}
              placeholder={`${line.region}a`}
              aria-invalid={errors.availabilityZone !== undefined}
              onChange={(e) => set({ availabilityZone: e.target.value })}
            />
            {errors.availabilityZone && <span className="field-error">{errors.availabilityZone}</span>}
          </label>
        </div>
      )}
      {r && estimate?.capacityReservation && (
        <p className="muted small" data-testid="capacity-reservation-summary">
          {reservationText(estimate.capacityReservation)}.
        </p>
      )}
    </section>
  );
}
