import type { Region } from '@shared/catalog-types';
import { IMPORT_KIND_LABELS, REGIONLESS_KIND } from '@shared/import/kinds';

/**
 * Asked before a Dedicated Host Reservation offerings import starts: the region the AWS output was
 * read in, which the output itself does not name. Chosen from the catalog's regions.
 */
export function HostRegionQuestion({
  regions,
  region,
  onChange,
}: {
  regions: Region[];
  region: string;
  onChange: (code: string) => void;
}) {
  return (
    <fieldset className="import-region" data-testid="import-region-question">
      <legend className="strong">Which region are these {IMPORT_KIND_LABELS[REGIONLESS_KIND]} for?</legend>
      <p className="muted small">
        The output of <code>aws ec2 describe-host-reservation-offerings</code> names no region: AWS answered
        for the region the AWS CLI was pointed at (its <code>--region</code>, or the profile&apos;s). Choose
        that region; the offerings are stored as its Dedicated Host Reservation prices.
      </p>
      <label className="filter-field">
        <span className="filter-label">Region</span>
        <select
          value={region}
          required
          data-testid="import-region"
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="" disabled>
            Choose the region…
          </option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} — {r.name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
