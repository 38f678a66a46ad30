import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import type { LineExplanation, TotalsExplanation } from '@shared/pricing/explanation-types';
import { Explain } from '../../components/Explain';
import { formatMoney } from '../../format';

/** Asks for the estimate again with its explanation (useExplainLoader). */
export type EstimateExplainer = (() => Promise<ScenarioEstimate>) | undefined;

/** One of a line's figures in the estimate table, opening to its arithmetic. */
export function LineFigure(props: {
  explain: EstimateExplainer;
  lineId: string;
  part: Exclude<keyof LineExplanation, 'lineId'>;
  label: string;
  usd: string | null;
}) {
  const { explain, lineId, part, label, usd } = props;
  return (
    <Explain
      label={label}
      load={explain}
      pick={(e) => e.explanation?.lines.find((l) => l.lineId === lineId)?.[part]}
      testId={`explain-line-${part}`}
    >
      {formatMoney(usd)}
    </Explain>
  );
}

/** One of the estimate's totals, opening to its arithmetic. */
export function TotalFigure(props: {
  explain: EstimateExplainer;
  part: keyof TotalsExplanation;
  label: string;
  usd: string;
}) {
  const { explain, part, label, usd } = props;
  return (
    <Explain
      label={label}
      load={explain}
      pick={(e) => e.explanation?.totals[part]}
      testId={`explain-total-${part}`}
    >
      {formatMoney(usd)}
    </Explain>
  );
}
