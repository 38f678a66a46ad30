import type { ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import { SPOT_ADVISOR_HINT, spotBandsText } from '../pricing/spot-interruption';
import { OS_NAMES } from '../operating-systems';
import { lineName } from './describe';

/**
 * The report's lines on spot: one per line priced as spot, with its Spot Advisor band, the advisor's
 * savings and date, and (when the line states what an interruption costs) the expected interruption
 * cost with its arithmetic; then the spot strategy's band range across the lines it puts on spot.
 */
export function spotReportNotes(estimate: ScenarioEstimate, comparison: readonly StrategyResult[]): string[] {
  const notes: string[] = [];
  for (const l of estimate.lines) {
    const si = l.spotInterruption;
    if (!si) continue;
    const what = `Spot, line ${lineName(l)} (${l.instanceType}, ${l.region}, ${OS_NAMES[l.os]})`;
    let text =
      si.band === null
        ? `${what}: interruption band n/a — ${SPOT_ADVISOR_HINT}`
        : `${what}: interruption band ${si.band} of instances a month (AWS Spot Advisor, ${si.asOf}; the advisor's savings over On-Demand ${si.advisorSavingsPct} %)`;
    if (si.kind !== null) {
      text +=
        si.label !== null && si.working !== null
          ? `; ${si.label}: ${si.working}`
          : '; expected interruption cost: n/a';
    }
    notes.push(text + '.');
  }
  for (const s of comparison) {
    const bands = spotBandsText(s.spotBands);
    if (bands) notes.push(`${s.label}: ${bands}.`);
  }
  return notes;
}
