import type { StrategyResult } from '@shared/pricing/estimate-types';
import type { TotalsExplanation } from '@shared/pricing/explanation-types';
import { Explain } from '../../components/Explain';
import { formatMoney } from '../../format';

/** Asks for the comparison again with every strategy's arithmetic (useExplainLoader). */
export type CompareExplainer = (() => Promise<StrategyResult[]>) | undefined;

/** A strategy's figure in the table, opening to its arithmetic. */
export function StrategyFigure(props: {
  explain: CompareExplainer;
  strategy: StrategyResult;
  part: keyof TotalsExplanation;
  label: string;
  usd: string | null;
}) {
  const { explain, strategy, part, label, usd } = props;
  return (
    <Explain
      label={`${strategy.label}, ${label}`}
      load={usd === null ? undefined : explain}
      pick={(rows) => rows.find((r) => r.id === strategy.id)?.explanation?.[part]}
      testId={`explain-strategy-${part}`}
    >
      {formatMoney(usd)}
    </Explain>
  );
}
