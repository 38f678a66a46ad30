import { useState } from 'react';
import { scopeName } from '@shared/catalog-scopes';
import type { CatalogMeta } from '@shared/catalog-types';
import { formatCount } from './data-format';

const ALL = '';

/**
 * The as-of date of every scope the catalog holds, per source: a scope is what one price file replaces
 * (EC2: region × purchase model × OS, Savings Plans: region × plan type; EBS: region). One region or all.
 */
export function ScopeDatesTable({ meta }: { meta: CatalogMeta }) {
  const [region, setRegion] = useState(ALL);
  const regions = [...new Set(meta.scopes.map((s) => s.region))].sort();
  const shown = region === ALL ? meta.scopes : meta.scopes.filter((s) => s.region === region);
  const sourceName = new Map(meta.sources.map((s) => [s.id, s.name]));
  return (
    <section className="data-panel" data-testid="scope-dates">
      <div className="section-header">
        <h2 className="section-title">Dates per scope</h2>
        <label className="filter-field">
          <span className="filter-label">Region</span>
          <select value={region} data-testid="scope-region" onChange={(e) => setRegion(e.target.value)}>
            <option value={ALL}>All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        Each scope is what one AWS price file replaces: a region&apos;s prices of one purchase model and OS
        (Savings Plans: one plan type), or its EBS prices. A scope can take figures from more than one source:
        each figure comes from the newest source that has it.
      </p>
      <div className="scope-dates-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>Region</th>
              <th>Scope</th>
              <th>Source</th>
              <th>As of</th>
              <th className="num">Rows</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr
                key={`${s.product}|${s.region}|${s.model ?? ''}|${s.os ?? ''}|${s.planType ?? ''}|${s.sourceId}`}
                data-testid="scope-date"
                data-region={s.region}
                data-scope={scopeName(s)}
                data-source-id={s.sourceId}
              >
                <td>{s.region}</td>
                <td>{scopeName(s)}</td>
                <td title={sourceName.get(s.sourceId) ?? s.sourceId}>{s.sourceId}</td>
                <td className="nowrap">{s.asOf}</td>
                <td className="num">{formatCount(s.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
