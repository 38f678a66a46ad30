import { explanation, num, usdText, type Explanation } from '../explanation';
import { Decimal, toUsdString, type UsdString } from '../money';
import {
  SUPPORT_PLAN_RULES,
  SUPPORT_RULES_AS_OF,
  SUPPORT_RULES_SOURCE,
  SUPPORT_RULES_SOURCE_ID,
  type SupportPlan,
} from './support-plan-rules';

// An AWS Support plan's monthly fee on a month's charges, by the published rules (support-plan-rules.ts),
// exact in Decimal, with the arithmetic by tier.

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/** One band of the charges and what it adds. */
export interface SupportTierCharge {
  fromUsd: UsdString;
  /** null: no top. */
  toUsd: UsdString | null;
  pct: string;
  /** The part of the charges in this band. */
  sliceUsd: UsdString;
  feeUsd: UsdString;
}

export interface SupportFee {
  plan: SupportPlan;
  chargesUsd: UsdString;
  /** The bands the charges reach (the first always). */
  tiers: SupportTierCharge[];
  tieredUsd: UsdString;
  minimumUsd: UsdString;
  feeUsd: UsdString;
  /** Which rule set the fee: the monthly minimum or the percentages. */
  rule: 'minimum' | 'percentage';
}

/** The fee for `plan` on a month's AWS charges: the greater of the minimum and the tiered percentages. */
export function supportFee(plan: SupportPlan, chargesUsd: Decimal.Value): SupportFee {
  const rule = SUPPORT_PLAN_RULES[plan];
  const charges = Decimal.max(ZERO, new Decimal(chargesUsd));
  const tiers: SupportTierCharge[] = [];
  let from = ZERO;
  let tiered = ZERO;
  for (const t of rule.tiers) {
    if (tiers.length > 0 && charges.lte(from)) break;
    const top = t.upToUsd === null ? null : new Decimal(t.upToUsd);
    const slice = Decimal.max(ZERO, (top === null ? charges : Decimal.min(charges, top)).minus(from));
    const fee = slice.times(t.pct).dividedBy(HUNDRED);
    tiered = tiered.plus(fee);
    tiers.push({
      fromUsd: toUsdString(from),
      toUsd: top === null ? null : toUsdString(top),
      pct: t.pct,
      sliceUsd: toUsdString(slice),
      feeUsd: toUsdString(fee),
    });
    if (top === null) break;
    from = top;
  }
  const minimum = new Decimal(rule.minimumUsd);
  const percentage = tiered.gte(minimum);
  return {
    plan,
    chargesUsd: toUsdString(charges),
    tiers,
    tieredUsd: toUsdString(tiered),
    minimumUsd: toUsdString(minimum),
    feeUsd: toUsdString(percentage ? tiered : minimum),
    rule: percentage ? 'percentage' : 'minimum',
  };
}

/** "10% × 10,000 + 7% × 70,000 + 5% × 20,000 = 1,000 + 4,900 + 1,000 = 6,900 USD". */
export function tierArithmetic(fee: SupportFee): string {
  const products = fee.tiers.map((t) => `${t.pct}% × ${num(t.sliceUsd)}`).join(' + ');
  const sums = fee.tiers.length > 1 ? ` = ${fee.tiers.map((t) => num(t.feeUsd)).join(' + ')}` : '';
  return `${products}${sums} = ${usdText(fee.tieredUsd)}`;
}

/** Says the charges are only the scenario's EC2 and EBS part of what AWS bases the fee on. */
export const SUPPORT_SCOPE_NOTE =
  "AWS charges the percentage on the account's whole monthly AWS charges (before discounts and credits); " +
  'this planner knows only the scenario’s EC2 and EBS part, so this is the fee those charges alone bring.';

const sourceNote = `AWS Support plan pricing, ${SUPPORT_RULES_SOURCE}, as of ${SUPPORT_RULES_AS_OF}.`;

/** The fee as "show calculation" arithmetic: the tiers, then the greater of them and the minimum. */
export function explainSupportFee(fee: SupportFee, label?: string): Explanation {
  const rule = SUPPORT_PLAN_RULES[fee.plan];
  const formula =
    `greater of ${usdText(fee.minimumUsd)} minimum and ${tierArithmetic(fee)} on ${usdText(fee.chargesUsd)} ` +
    `of charges → ${fee.rule === 'minimum' ? 'the minimum' : 'the percentages'}`;
  return explanation(label ?? `${rule.label} Support on ${usdText(fee.chargesUsd)}`, formula, fee.feeUsd, {
    note: `${SUPPORT_SCOPE_NOTE} ${sourceNote}`,
    rows: [
      {
        what: `AWS ${rule.label} Support: minimum`,
        rate: fee.minimumUsd,
        unit: 'USD per month',
        sourceId: SUPPORT_RULES_SOURCE_ID,
        asOf: SUPPORT_RULES_AS_OF,
      },
      ...rule.tiers.map((t, i) => ({
        what: `AWS ${rule.label} Support: ${tierRange(rule.tiers, i)}`,
        rate: t.pct,
        unit: '% of monthly AWS charges',
        sourceId: SUPPORT_RULES_SOURCE_ID,
        asOf: SUPPORT_RULES_AS_OF,
      })),
    ],
  });
}

function tierRange(tiers: readonly { upToUsd: string | null }[], i: number): string {
  const from = i === 0 ? '0' : (tiers[i - 1]?.upToUsd ?? '0');
  const to = tiers[i]?.upToUsd ?? null;
  if (to === null) return from === '0' ? 'all charges' : `over ${num(from)} USD`;
  return `${num(from)}–${num(to)} USD`;
}
