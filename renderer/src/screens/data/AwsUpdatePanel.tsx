import { useState } from 'react';
import type { Region } from '@shared/catalog-types';

const DEFAULT_REGIONS = ['us-east-1'];

/**
 * "Update from AWS": download the chosen regions' current EC2 offer files and Savings Plans files from
 * the Price List Bulk API, and AWS's Spot Advisor data (resuming a broken download), and import them.
 * Offline it fails with a clear message; nothing changes.
 */
export function AwsUpdatePanel({
  regions,
  busy,
  onUpdate,
}: {
  regions: Region[];
  busy: boolean;
  onUpdate: (regions: string[]) => void;
}) {
  const [chosen, setChosen] = useState<string[]>(DEFAULT_REGIONS);
  const toggle = (code: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== code), code] : c.filter((x) => x !== code)));
  return (
    <section className="data-panel">
      <h2 className="section-title">Update from AWS</h2>
      <p className="muted small">
        Brings each chosen region&apos;s EC2 offer file (several hundred MB) and Savings Plans file, and
        AWS&apos;s Spot Advisor interruption bands, each dated by AWS. Needs a network connection: without
        one, download the files on another machine and use Import price file above.
      </p>
      <div className="aws-regions" data-testid="aws-regions">
        {regions.map((r) => (
          <label key={r.code} className="filter-check">
            <input
              type="checkbox"
              checked={chosen.includes(r.code)}
              onChange={(e) => toggle(r.code, e.target.checked)}
            />
            {r.code}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="button-primary"
        data-testid="aws-update"
        disabled={busy || chosen.length === 0}
        onClick={() => onUpdate([...chosen].sort())}
      >
        Update {chosen.length} {chosen.length === 1 ? 'region' : 'regions'} from AWS
      </button>
    </section>
  );
}
