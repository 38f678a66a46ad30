import { demandSummary } from '../capacity/capacity-words';
import type { DemandEstimate } from '../capacity/demand';
import type { ReportDemand } from './schema';

/** The report's view of a line sized from demand. */
export function reportDemand(d: DemandEstimate): ReportDemand {
  return {
    peakInstances: d.peakInstances,
    instancesPerZoneAtPeak: d.instancesPerZoneAtPeak,
    zones: d.zones,
    surviveZoneLoss: d.surviveZoneLoss,
    targetUtilizationPct: d.targetUtilizationPct,
    underProvisionedHours: d.underProvisionedHours,
    periodHours: d.periodHours,
    summary: demandSummary(d),
    working: d.working,
  };
}
