import { useState } from 'react';
import { moveScenarioToRegion, type ScenarioRegionEntry } from '@shared/capacity/scenario-regions';
import { Decimal } from '@shared/money';
import type { ScenarioSummary } from '@shared/scenario/types';
import { useApi } from '../../api-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../errors';
import { formatMoney } from '../../format';
import { useApiCall } from '../../hooks/useApiCall';
import { setCurrentScenarioId } from '../../hooks/useCurrentScenario';
import { useSavedScenario } from '../compare/useSavedScenario';

export interface ScenarioRegionsPanelProps {
  scenarioId: string | null;
  scenarios: ScenarioSummary[] | undefined;
  onChoose: (id: string) => void;
  /** After a copy is saved: the list of scenarios changed. */
  onCopied: () => void;
}

const difference = (usd: string | null): string => {
  if (usd === null) return 'n/a';
  const d = new Decimal(usd);
  return d.isZero() ? '—' : (d.isNegative() ? '−' : '+') + formatMoney(d.abs().toFixed());
};

/**
 * A saved scenario priced as if it ran in each region (every line moved there), cheapest first; a
 * region can be tried for real: "Copy to …" saves a copy of the scenario with every line in it.
 */
export function ScenarioRegionsPanel({
  scenarioId,
  scenarios,
  onChoose,
  onCopied,
}: ScenarioRegionsPanelProps) {
  const api = useApi();
  const saved = useSavedScenario(scenarioId);
  const doc = saved.scenario?.document ?? null;
  const regions = useApiCall('pricing.regions', doc ? { document: doc } : null);
  const [copy, setCopy] = useState<{ region: string; id: string; name: string } | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const data = regions.error ? undefined : regions.data;

  const copyTo = async (entry: ScenarioRegionEntry) => {
    if (!doc) return;
    setBusy(entry.region);
    setCopyError(null);
    try {
      const moved = moveScenarioToRegion(doc, entry.region);
      const name = `${doc.name} — in ${entry.region}`.slice(0, 200);
      const created = await api['scenarios.create']({ document: { ...moved, name } });
      setCopy({ region: entry.region, id: created.id, name: created.name });
      onCopied();
    } catch (err) {
      setCopyError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const errors = [saved.error, regions.error, copyError].filter((m): m is string => m !== null);
  return (
    <section
      className="regions-panel"
      aria-labelledby="scenario-regions-heading"
      data-testid="scenario-regions"
    >
      <div className="regions-panel-head">
        <h2 className="regions-title" id="scenario-regions-heading">
          A scenario in every region
        </h2>
        <label className="filter-field">
          <span className="filter-label">Scenario</span>
          <select
            data-testid="regions-scenario"
            value={scenarioId ?? ''}
            onChange={(e) => e.target.value && onChoose(e.target.value)}
          >
            {scenarioId === null && <option value="">Choose a scenario…</option>}
            {(scenarios ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {(regions.loading || saved.loading) && (
          <span className="loading-indicator" role="status">
            Pricing every region…
          </span>
        )}
      </div>
      <ErrorBanner messages={errors} />
      {copy && (
        <p className="regions-copied" role="status" data-testid="regions-copied">
          Saved “{copy.name}”, every line in {copy.region}.{' '}
          <a href="#workloads" data-testid="regions-open-copy" onClick={() => setCurrentScenarioId(copy.id)}>
            Open it in Workloads
          </a>
        </p>
      )}
      {saved.missing && <p className="muted">That scenario no longer exists: choose another.</p>}
      {scenarios?.length === 0 && (
        <p className="muted">
          No saved scenario yet: build one in Workloads, then price it in every region here.
        </p>
      )}
      {data && (
        <>
          <p className="muted small" data-testid="regions-as-is">
            As it is ({data.currentRegions.join(', ') || 'no lines'}): {formatMoney(data.asIs.monthlyUsd)} a
            month, {formatMoney(data.asIs.threeYearUsd)} over 3 years
            {data.asIs.complete ? '' : ' (incomplete)'}. Each row moves every line to the region, with the
            same usage, purchases and volumes; cheapest first.
          </p>
          <div className="regions-table-scroll">
            <table className="data-table regions-table" data-testid="scenario-regions-table">
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col" className="num">
                    Monthly
                  </th>
                  <th scope="col" className="num" title="Monthly against the scenario as it is">
                    vs as is
                  </th>
                  <th scope="col" className="num">
                    Upfront
                  </th>
                  <th scope="col" className="num">
                    3 years
                  </th>
                  <th scope="col">Note</th>
                  <th scope="col">
                    <span className="visually-hidden">What-if</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr
                    key={e.region}
                    data-testid="scenario-region-row"
                    data-region={e.region}
                    className={e.missingTypes.length ? 'is-gap' : e.current ? 'is-current' : undefined}
                  >
                    <td>
                      <span className="type-cell">{e.region}</span>{' '}
                      <span className="muted small">{e.regionName}</span>
                    </td>
                    {e.missingTypes.length > 0 ? (
                      <td colSpan={5} className="region-gap" data-testid="region-missing-types">
                        Not offered here: {e.missingTypes.join(', ')}
                      </td>
                    ) : (
                      <>
                        <td className="num" data-testid="region-monthly">
                          {formatMoney(e.monthlyUsd)}
                        </td>
                        <td className="num">{difference(e.monthlyDifferenceUsd)}</td>
                        <td className="num">{formatMoney(e.upfrontUsd)}</td>
                        <td className="num">{formatMoney(e.threeYearUsd)}</td>
                        <td className="region-note">
                          {e.current && <span className="badge-reference">as it is</span>}{' '}
                          {!e.complete && (
                            <span className="region-missing" title={e.unpriced.join('\n')}>
                              Incomplete: {e.unpriced[0] ?? 'a price is not in the catalog'}
                              {e.unpriced.length > 1 ? ` (+${e.unpriced.length - 1} more)` : ''}
                            </span>
                          )}
                        </td>
                      </>
                    )}
                    <td>
                      {e.missingTypes.length === 0 && !e.current && (
                        <button
                          type="button"
                          className="button-secondary"
                          data-testid="copy-to-region"
                          disabled={busy !== null}
                          onClick={() => void copyTo(e)}
                          title={`Save a copy of the scenario with every line moved to ${e.region}`}
                        >
                          {busy === e.region ? 'Copying…' : `Copy to ${e.region}`}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
