import { formatUsd, Decimal } from '../money';
import type { ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import { explainSupportFee, tierArithmetic } from '../pricing/support-plan';
import type { ReportSupport } from './schema';

const usd = (v: string | null) => formatUsd(v === null ? null : new Decimal(v));

/**
 * The report's AWS Support notes when the scenario names a plan: the estimate's fee with its tier
 * arithmetic and totals with support, what AWS bases it on, then each compared strategy's fee on its
 * own charges.
 */
export function supportReportNotes(
  estimate: ScenarioEstimate,
  comparison: readonly StrategyResult[],
): string[] {
  const s = estimate.support;
  if (!s) return [];
  if (!s.monthly) return [`${s.label} Support: ${s.note}`];
  const fee = s.monthly;
  const notes = [
    `${s.label} Support: ${usd(s.supportMonthlyUsd)} a month on ${usd(fee.chargesUsd)} of monthly charges — ` +
      `greater of the ${usd(fee.minimumUsd)} minimum and ${tierArithmetic(fee)}` +
      (s.firstMonthUsd !== s.supportMonthlyUsd
        ? `; ${usd(s.firstMonthUsd)} in a month with upfront fees`
        : '') +
      `. With support: monthly ${usd(s.monthlyWithSupportUsd)}, amortized ${usd(s.amortizedMonthlyWithSupportUsd)}` +
      ` a month, 1 year ${usd(s.oneYearWithSupportUsd)}, 3 years ${usd(s.threeYearWithSupportUsd)}.`,
    `${s.note} Rules: ${s.source}, as of ${s.asOf}.`,
  ];
  const rows = comparison.filter((r) => r.support?.monthly);
  if (rows.length > 0)
    notes.push(
      `${s.label} Support by strategy, each on its own charges (a month; 3 years with support): ` +
        rows
          .map(
            (r) =>
              `${r.label} ${usd(r.support!.supportMonthlyUsd)}; ${usd(r.support!.threeYearWithSupportUsd)}`,
          )
          .join(', ') +
        '.',
    );
  return notes;
}

/** The report's support figures (null when the scenario names no plan). */
export function reportSupport(estimate: ScenarioEstimate): ReportSupport | null {
  const s = estimate.support;
  if (!s) return null;
  return {
    plan: s.plan,
    label: s.label,
    supportMonthlyUsd: s.supportMonthlyUsd,
    firstMonthUsd: s.firstMonthUsd,
    amortizedMonthlyUsd: s.amortizedMonthlyUsd,
    oneYearUsd: s.oneYearUsd,
    threeYearUsd: s.threeYearUsd,
    monthlyWithSupportUsd: s.monthlyWithSupportUsd,
    amortizedMonthlyWithSupportUsd: s.amortizedMonthlyWithSupportUsd,
    oneYearWithSupportUsd: s.oneYearWithSupportUsd,
    threeYearWithSupportUsd: s.threeYearWithSupportUsd,
    arithmetic: s.monthly ? explainSupportFee(s.monthly).formula : null,
    note: s.note,
    source: s.source,
    asOf: s.asOf,
  };
}

/** A compared strategy's fee on its own charges, in words (null without a plan). */
export function strategySupportText(r: StrategyResult): string | null {
  const s = r.support;
  if (!s) return null;
  return s.monthly
    ? `${s.label} Support ${usd(s.supportMonthlyUsd)} a month; 3 years with support ${usd(s.threeYearWithSupportUsd)}`
    : `${s.label} Support n/a`;
}
