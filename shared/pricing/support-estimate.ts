import { explanation, num, usdText, type Explanation } from '../explanation';
import { Decimal, toUsdString, type UsdString } from '../money';
import { explainSupportFee, supportFee, SUPPORT_SCOPE_NOTE, type SupportFee } from './support-plan';
import {
  SUPPORT_PLAN_RULES,
  SUPPORT_RULES_AS_OF,
  SUPPORT_RULES_SOURCE,
  type SupportPlan,
} from './support-plan-rules';

/**
 * The scenario's AWS Support fee beside its totals. AWS bills support monthly on the month's charges,
 * Reserved Instance and Savings Plan fees included ("AWS Support fees associated with Reserved Instance
 * and Savings Plan purchases", docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/
 * consolidatedbilling-support.html), so a month that pays an upfront fee is charged support on it too:
 *  - `monthly`: the fee on a month without upfront payments (the monthly total);
 *  - 1 and 3 years: the fee of each month 0..11 / 0..35 on that month's charges plus its upfront;
 *  - amortized: the 3-year fee over 36 months.
 * The estimate's own totals stay EC2 and EBS; the `…WithSupportUsd` figures add the fee to them.
 * All null when the estimate is incomplete (the fee of a partial bill would be understated).
 */
export interface SupportEstimate {
  plan: SupportPlan;
  label: string;
  source: string;
  asOf: string;
  monthly: SupportFee | null;
  supportMonthlyUsd: UsdString | null;
  firstMonthUsd: UsdString | null;
  amortizedMonthlyUsd: UsdString | null;
  oneYearUsd: UsdString | null;
  threeYearUsd: UsdString | null;
  monthlyWithSupportUsd: UsdString | null;
  amortizedMonthlyWithSupportUsd: UsdString | null;
  oneYearWithSupportUsd: UsdString | null;
  threeYearWithSupportUsd: UsdString | null;
  note: string;
  /** The arithmetic (with `explain`): the month's fee by tier, and the 1- and 3-year sums. */
  explanation?: Explanation;
}

/** What the fee is worked on: the estimate's totals and its upfront payments by month 0..36. */
export interface SupportBasis {
  monthlyUsd: UsdString;
  amortizedMonthlyUsd: UsdString;
  oneYearUsd: UsdString;
  threeYearUsd: UsdString;
  complete: boolean;
  upfrontByMonth: readonly Decimal[];
}

const sumOfFees = (plan: SupportPlan, monthly: Decimal, upfront: readonly Decimal[], months: number) => {
  let total = new Decimal(0);
  for (let m = 0; m < months; m++) {
    total = total.plus(supportFee(plan, monthly.plus(upfront[m] ?? 0)).feeUsd);
  }
  return total;
};

export function supportEstimate(plan: SupportPlan, basis: SupportBasis, explain = false): SupportEstimate {
  const label = SUPPORT_PLAN_RULES[plan].label;
  const head = { plan, label, source: SUPPORT_RULES_SOURCE, asOf: SUPPORT_RULES_AS_OF };
  if (!basis.complete) {
    return {
      ...head,
      monthly: null,
      supportMonthlyUsd: null,
      firstMonthUsd: null,
      amortizedMonthlyUsd: null,
      oneYearUsd: null,
      threeYearUsd: null,
      monthlyWithSupportUsd: null,
      amortizedMonthlyWithSupportUsd: null,
      oneYearWithSupportUsd: null,
      threeYearWithSupportUsd: null,
      note: `n/a — the estimate is incomplete, so its ${label} Support fee is not worked. ${SUPPORT_SCOPE_NOTE}`,
    };
  }
  const monthlyCharges = new Decimal(basis.monthlyUsd);
  const monthly = supportFee(plan, monthlyCharges);
  const first = supportFee(plan, monthlyCharges.plus(basis.upfrontByMonth[0] ?? 0));
  const oneYear = sumOfFees(plan, monthlyCharges, basis.upfrontByMonth, 12);
  const threeYear = sumOfFees(plan, monthlyCharges, basis.upfrontByMonth, 36);
  const amortized = threeYear.dividedBy(36);
  const plus = (a: UsdString, b: Decimal.Value) => toUsdString(new Decimal(a).plus(b));
  const result: SupportEstimate = {
    ...head,
    monthly,
    supportMonthlyUsd: monthly.feeUsd,
    firstMonthUsd: first.feeUsd,
    amortizedMonthlyUsd: toUsdString(amortized),
    oneYearUsd: toUsdString(oneYear),
    threeYearUsd: toUsdString(threeYear),
    monthlyWithSupportUsd: plus(basis.monthlyUsd, monthly.feeUsd),
    amortizedMonthlyWithSupportUsd: plus(basis.amortizedMonthlyUsd, amortized),
    oneYearWithSupportUsd: plus(basis.oneYearUsd, oneYear),
    threeYearWithSupportUsd: plus(basis.threeYearUsd, threeYear),
    note:
      `${label} Support (AWS's rules as of ${SUPPORT_RULES_AS_OF}) on the scenario's monthly charges; a month ` +
      `that pays an upfront fee is charged support on it too. Totals with support add it to the EC2 and EBS ` +
      `totals. ${SUPPORT_SCOPE_NOTE}`,
  };
  if (!explain) return result;
  const upfrontMonths = basis.upfrontByMonth.slice(0, 36).filter((u) => !u.isZero()).length;
  return {
    ...result,
    explanation: explanation(
      `${label} Support, 3 years`,
      upfrontMonths === 0
        ? `36 × ${usdText(monthly.feeUsd)} = ${usdText(threeYear)}`
        : `${36 - upfrontMonths} months × ${usdText(monthly.feeUsd)} + ${upfrontMonths} month(s) with upfront fees ` +
            `(month 0: ${usdText(first.feeUsd)}) = ${usdText(threeYear)}`,
      threeYear,
      {
        note: `1 year: ${num(oneYear)} USD; amortized: ${usdText(threeYear)} / 36 = ${usdText(amortized)} a month.`,
        children: [explainSupportFee(monthly, `${label} Support, a month`)],
      },
    ),
  };
}
