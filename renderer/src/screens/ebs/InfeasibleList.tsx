import type { VolumeType } from '@shared/catalog-types';
import { VOLUME_TYPE_COLORS } from '@shared/charts/palette';

/** Volume types that cannot meet the requirement, each with the reason in the solver's words. */
export function InfeasibleList({ rows }: { rows: { volumeType: VolumeType; reason: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="ebs-infeasible" data-testid="ebs-infeasible" aria-label="Types that cannot meet it">
      <h3 className="ebs-subheading">Cannot meet the requirement</h3>
      <ul>
        {rows.map((r, i) => {
          // The instance's cap often rules out every type for the same reason: say it once.
          const first = rows.find((other) => other.reason === r.reason);
          const repeated = first !== undefined && rows.indexOf(first) < i;
          return (
            <li key={r.volumeType} data-testid="ebs-infeasible-row" data-volume-type={r.volumeType}>
              <span className="ebs-type-swatch" style={{ background: VOLUME_TYPE_COLORS[r.volumeType] }} />
              <span className="type-cell">{r.volumeType}</span>
              {repeated ? (
                <span className="ebs-infeasible-reason muted" title={r.reason}>
                  Same reason as {first.volumeType}.<span className="ebs-visually-hidden"> {r.reason}</span>
                </span>
              ) : (
                <span className="ebs-infeasible-reason">{r.reason}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
