import type { Region } from '@shared/catalog-types';
import type { Scenario, ScenarioLine } from '@shared/scenario/schema';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { AddLineBar } from './AddLineBar';
import { under } from './field-errors';
import { LineCard } from './LineCard';
import { NumberField } from './NumberField';
import { QuotasPanel } from './QuotasPanel';
import { BudgetPanel } from './BudgetPanel';
import { AccountsPanel, withAccounts } from './AccountsPanel';
import { duplicateLine, followInstanceType, newLine } from './scenario-draft';
import { SaveStatusBadge } from './SaveStatusBadge';
import { SupportPlanField, withSupport } from './SupportPlanField';
import { ExportButton } from '../../components/ExportDialog';
import type { ScenarioDraft } from './useScenarioDraft';

export interface ScenarioEditorProps {
  document: Scenario;
  draft: ScenarioDraft;
  regions: Region[] | undefined;
  estimate: ScenarioEstimate | undefined;
}

/** The scenario's name, month length and lines; every edit goes to the draft, which autosaves. */
export function ScenarioEditor({ document: doc, draft, regions, estimate }: ScenarioEditorProps) {
  const { edit, validation } = draft;
  const errors = validation.errors;
  const setLines = (update: (lines: ScenarioLine[]) => ScenarioLine[]) =>
    edit((d) => ({ ...d, lines: update(d.lines) }));

  return (
    <section className="scenario-editor" aria-label="Scenario">
      <div className="scenario-header">
        <label className="field field-grow">
          <span className="field-label">Scenario name</span>
          <input
            className="text-input scenario-name-input"
            data-testid="scenario-name"
            value={doc.name}
            maxLength={200}
            aria-invalid={errors.name !== undefined}
            onChange={(e) => {
              const name = e.target.value;
              edit((d) => ({ ...d, name }));
            }}
          />
          {errors.name && <span className="field-error">{errors.name}</span>}
        </label>
        <NumberField
          label="Hours per month"
          testId="scenario-hours"
          min={1}
          max={744}
          step={1}
          value={doc.hoursPerMonth}
          error={errors.hoursPerMonth}
          onChange={(hoursPerMonth) => edit((d) => ({ ...d, hoursPerMonth: hoursPerMonth ?? 0 }))}
        />
        <SupportPlanField value={doc.support} onChange={(plan) => edit((d) => withSupport(d, plan))} />
        <SaveStatusBadge draft={draft} />
        <ExportButton document={doc} />
      </div>
      <AddLineBar
        regions={regions}
        disabled={doc.lines.length >= 2000}
        onAdd={(c) =>
          setLines((lines) => [...lines, newLine(lines, c.region, c.instanceType, c.os, c.tenancy)])
        }
      />
      {doc.lines.length === 0 && (
        <p className="empty-note muted">
          No lines yet: choose a region and instance type above, then “Add line”.
        </p>
      )}
      <div className="line-list">
        {doc.lines.map((line, i) => (
          <LineCard
            // Index keys: a line's id is editable, and the card must keep focus while it is typed.
            key={i}
            line={line}
            regions={regions}
            errors={under(errors, `lines.${i}.`)}
            estimate={estimate?.lines.find((l) => l.id === line.id)}
            stale={!validation.valid}
            accounts={doc.accounts}
            onChange={(next) =>
              setLines((lines) => lines.map((l, j) => (j === i ? followInstanceType(l, next, lines) : l)))
            }
            onRemove={() => setLines((lines) => lines.filter((_, j) => j !== i))}
            onDuplicate={() =>
              setLines((lines) => [
                ...lines.slice(0, i + 1),
                duplicateLine(line, lines),
                ...lines.slice(i + 1),
              ])
            }
          />
        ))}
      </div>
      <AccountsPanel
        accounts={doc.accounts}
        errors={under(errors, 'accounts.')}
        onChange={(accounts, change) => edit((d) => withAccounts(d, accounts, change))}
      />
      <BudgetPanel
        budget={doc.budget}
        errors={under(errors, 'budget.')}
        onChange={(budget) => edit((d) => withBudget(d, budget))}
      />
      <QuotasPanel
        quotas={doc.quotas}
        errors={under(errors, 'quotas.')}
        onChange={(quotas) => edit((d) => withQuotas(d, quotas))}
      />
    </section>
  );
}

/** The document with this budget, or without the field when its amount is emptied. */
function withBudget(doc: Scenario, budget: Scenario['budget']): Scenario {
  const next = { ...doc };
  if (budget) next.budget = budget;
  else delete next.budget;
  return next;
}

/** The document with these quotas, or without the field when none is entered. */
function withQuotas(doc: Scenario, quotas: Scenario['quotas']): Scenario {
  const next = { ...doc };
  if (quotas) next.quotas = quotas;
  else delete next.quotas;
  return next;
}
