import { formatDateRange } from '@shared/catalog-scopes';
import type { PurchasePlan } from '@shared/optimizer/types';
import { lineName } from '@shared/reports/describe';
import type { Scenario } from '@shared/scenario/schema';
import { MissingPriceNotices } from '../../components/MissingPriceNotices';
import { WarningList } from '../workloads/WarningList';
import { purchaseSentence, usdWords } from './plan-words';

/** What the plan rests on: the prices' dates, how it was found, prices the catalog lacks, warnings. */
export function PlanNotes({ plan, document }: { plan: PurchasePlan; document: Scenario | undefined }) {
  return (
    <div className="plan-notes">
      <p className="small" data-testid="plan-prices-as-of">
        Prices as of {formatDateRange(plan.pricesAsOf, 'n/a (nothing priced)')}.
      </p>
      <MissingPriceNotices
        missing={plan.missingPrices}
        lineName={(id) => {
          const line = document?.lines.find((l) => l.id === id);
          return line ? lineName(line) : id;
        }}
        testId="plan-missing-prices"
      />
      {plan.ladder && plan.ladder.length > 0 && <Ladder steps={plan.ladder} />}
      <h4 className="plan-notes-title">How this plan was found</h4>
      <ul className="plan-method small" data-testid="plan-method">
        {plan.method.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <h4 className="plan-notes-title">Warnings</h4>
      <WarningList warnings={plan.warnings} testId="plan-warnings" />
    </div>
  );
}

function Ladder({ steps }: { steps: NonNullable<PurchasePlan['ladder']> }) {
  return (
    <>
      <h4 className="plan-notes-title">Laddered purchases (commit part now, more later)</h4>
      <ol className="plan-ladder small" data-testid="plan-ladder">
        {steps.map((s) => (
          <li key={s.month}>
            <span className="strong">Month {s.month}:</span> {s.purchases.map(purchaseSentence).join('; ')}{' '}
            <span className="muted">(upfront {usdWords(s.upfrontUsd)})</span>
          </li>
        ))}
      </ol>
    </>
  );
}
