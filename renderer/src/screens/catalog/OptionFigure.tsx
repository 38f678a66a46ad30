import type { PriceOption, PriceOptions } from '@shared/catalog-types';
import type { PriceOptionExplanation } from '@shared/pricing/explanation-types';
import { purchaseOptionOf } from '@shared/pricing/purchase-options';
import type { ReactNode } from 'react';
import { Explain } from '../../components/Explain';

/** Asks for the purchase options again with their arithmetic (useExplainLoader). */
export type OptionsExplainer = (() => Promise<PriceOptions>) | undefined;

const sameOption = (a: PriceOption, b: PriceOption) =>
  a.model === b.model &&
  a.termYears === b.termYears &&
  a.paymentOption === b.paymentOption &&
  a.offeringClass === b.offeringClass &&
  a.planType === b.planType;

/** One figure of a purchase option, opening to its arithmetic and the catalog row behind it. */
export function OptionFigure(props: {
  explain: OptionsExplainer;
  option: PriceOption;
  part: keyof PriceOptionExplanation;
  label: string;
  children: ReactNode;
}) {
  const { explain, option, part, label, children } = props;
  return (
    <Explain
      label={`${purchaseOptionOf(option)?.label ?? option.model}, ${label}`}
      load={explain}
      pick={(answer) => answer.options.find((o) => sameOption(o, option))?.explanation?.[part]}
      testId={`explain-option-${part}`}
    >
      {children}
    </Explain>
  );
}
