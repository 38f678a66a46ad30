import { dateRangeOf } from '../catalog-scopes';
import { Decimal, HOURS_PER_YEAR, toUsdString } from '../money';
import { strategyModel } from '../pricing/compare';
import { ON_DEMAND_STRATEGY_ID } from '../optimizer/plan-strategy';
import type { ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import type { Scenario } from '../scenario/schema';
import { describePurchase, describeSnapshot, describeUsage, lineName } from './describe';
import { deliveredPerVolume, EBS_STATUS_LABEL } from './ebs-check';
import { warningsBesideNotices } from '../pricing/missing-prices';
import { comparisonWarningsBesideNotices, reportMissingPrices } from './missing-price-notes';
import { spotReportNotes } from './spot-notes';
import { capacityReservationNotes } from './reservation-notes';
import { reportSupport, strategySupportText, supportReportNotes } from './support-notes';
import { reportDemand } from './capacity-notes';
import {
  hostLinePurchase,
  reportDedicatedFee,
  reportDedicatedHost,
  tenancyAssumption,
  tenancyPriceWords,
  tenancyReportNotes,
} from './tenancy-notes';
import { crossingsText, type BudgetCheck } from '../pricing/budget';
import { exceededWords, quotaVerdict } from '../capacity/capacity-words';
import {
  REPORT_VERSION,
  type Report,
  type ReportEbsCheck,
  type ReportLine,
  type ReportBudget,
  type ReportStrategy,
  type ReportTotals,
  type ReportWarning,
  type StorageDimensions,
} from './schema';

export * from './schema';

/**
 * Catalog facts the report dates its figures with: the catalog's source and as-of date, and every
 * source it holds (buildReport keeps those the estimate and the comparison used).
 */
export interface ReportMeta {
  source: string;
  asOf: string;
  sources: { id: string; name: string; asOf: string }[];
}

type DimensionKey = keyof StorageDimensions;
const DIMENSION_OF: Record<string, DimensionKey> = {
  storage: 'capacityUsd',
  iops: 'iopsUsd',
  'iops-tier2': 'iopsUsd',
  'iops-tier3': 'iopsUsd',
  throughput: 'throughputUsd',
  'io-requests': 'ioRequestsUsd',
};
const DIMENSIONS: DimensionKey[] = ['capacityUsd', 'iopsUsd', 'throughputUsd', 'ioRequestsUsd'];

/** A report line by name (its id when it has none, or when no line has that id). */
export function reportLineName(report: Pick<Report, 'lines'>, lineId: string): string {
  const line = report.lines.find((l) => l.id === lineId);
  return line ? lineName(line) : lineId;
}

/** Instance-hours are not money: six decimals keep float noise out of the exports. */
const roundHours = (h: number) => Math.round(h * 1e6) / 1e6;

const sum = (values: (string | null)[]): string =>
  toUsdString(values.reduce<Decimal>((acc, v) => (v === null ? acc : acc.plus(v)), new Decimal(0)));

function cheapest(rows: ReportStrategy[]): ReportStrategy | null {
  let best: ReportStrategy | null = null;
  for (const r of rows) {
    if (!r.complete || r.threeYearUsd === null) continue;
    if (!best || new Decimal(r.threeYearUsd).lt(best.threeYearUsd!)) best = r;
  }
  return best;
}

function lineOf(
  line: Scenario['lines'][number],
  est: ScenarioEstimate['lines'][number] | undefined,
  check: ReportEbsCheck | null,
): ReportLine {
  const storage: StorageDimensions = {
    capacityUsd: null,
    iopsUsd: null,
    throughputUsd: null,
    ioRequestsUsd: null,
  };
  // A dimension is priced (0 or more) whenever the line's storage is; null follows the storage figure.
  if (est && est.storageMonthlyUsd !== null) {
    const acc: Record<DimensionKey, Decimal> = {
      capacityUsd: new Decimal(0),
      iopsUsd: new Decimal(0),
      throughputUsd: new Decimal(0),
      ioRequestsUsd: new Decimal(0),
    };
    for (const v of est.volumes)
      for (const c of v.components) {
        const key = DIMENSION_OF[c.dimension];
        if (key) acc[key] = acc[key].plus(c.monthlyUsd);
      }
    for (const k of DIMENSIONS) storage[k] = toUsdString(acc[k]);
  }
  return {
    id: line.id,
    name: line.name ?? null,
    instanceType: line.instanceType,
    region: line.region,
    os: line.os,
    tenancy: line.tenancy,
    usage: describeUsage(line.usage),
    purchase: line.tenancy === 'host' ? hostLinePurchase(line.purchase) : describePurchase(line.purchase),
    pricedModel: est?.model ?? line.purchase.model,
    instanceHours: roundHours(est?.instanceHours ?? 0),
    peakCount: est?.peakCount ?? 0,
    minCount: est?.minCount ?? 0,
    computeMonthlyUsd: est?.computeMonthlyUsd ?? null,
    computeAmortizedMonthlyUsd: est?.computeAmortizedMonthlyUsd ?? null,
    storageMonthlyUsd: est?.storageMonthlyUsd ?? null,
    storage,
    snapshotMonthlyUsd: est?.snapshotMonthlyUsd ?? null,
    upfrontUsd: est?.upfrontUsd ?? null,
    monthlyUsd: est?.monthlyUsd ?? null,
    amortizedMonthlyUsd: est?.amortizedMonthlyUsd ?? null,
    complete: est?.complete ?? false,
    volumes: line.volumes.map((v, index) => {
      const ve = est?.volumes.find((x) => x.index === index);
      const d = deliveredPerVolume(v);
      return {
        index,
        volumeType: v.volumeType,
        sizeGiB: v.sizeGiB,
        countPerInstance: v.count,
        billedVolumes: ve?.billedVolumes ?? 0,
        provisionedIops: v.iops ?? null,
        provisionedThroughputMiBps: v.throughputMiBps ?? null,
        deliveredIops: d.iops,
        deliveredThroughputMiBps: d.throughputMiBps,
        monthlyUsd: ve?.monthlyUsd ?? null,
        snapshotMonthlyUsd: ve?.snapshotMonthlyUsd ?? null,
        fastSnapshotRestoreMonthlyUsd: ve?.fastSnapshotRestoreMonthlyUsd ?? null,
        snapshotPolicy: v.snapshot ? describeSnapshot(v.snapshot) : null,
      };
    }),
    ebsCheck: check,
    demand: est?.demand ? reportDemand(est.demand) : null,
    dedicatedHost: est?.dedicatedHost ? reportDedicatedHost(est.dedicatedHost) : null,
    dedicatedFee: est?.dedicatedFee ? reportDedicatedFee(est.dedicatedFee) : null,
  };
}

function totalsOf(lines: ReportLine[], estimate: ScenarioEstimate): ReportTotals {
  const col = (pick: (l: ReportLine) => string | null) => sum(lines.map(pick));
  return {
    computeMonthlyUsd: col((l) => l.computeMonthlyUsd),
    computeAmortizedMonthlyUsd: col((l) => l.computeAmortizedMonthlyUsd),
    storageMonthlyUsd: col((l) => l.storageMonthlyUsd),
    storage: {
      capacityUsd: col((l) => l.storage.capacityUsd),
      iopsUsd: col((l) => l.storage.iopsUsd),
      throughputUsd: col((l) => l.storage.throughputUsd),
      ioRequestsUsd: col((l) => l.storage.ioRequestsUsd),
    },
    snapshotMonthlyUsd: col((l) => l.snapshotMonthlyUsd),
    // The engine's own totals: the report shows them, it does not recompute them.
    upfrontUsd: estimate.totals.upfrontUsd,
    monthlyUsd: estimate.totals.monthlyUsd,
    amortizedMonthlyUsd: estimate.totals.amortizedMonthlyUsd,
    oneYearUsd: estimate.totals.oneYearUsd,
    threeYearUsd: estimate.totals.threeYearUsd,
    instanceHours: roundHours(lines.reduce((a, l) => a + l.instanceHours, 0)),
    complete: estimate.totals.complete,
    incompleteLineIds: estimate.totals.incompleteLineIds,
  };
}

function warningsOf(
  estimate: ScenarioEstimate,
  lines: ReportLine[],
  comparison: StrategyResult[],
): ReportWarning[] {
  const out: ReportWarning[] = [];
  const seen = new Set<string>();
  const add = (w: ReportWarning) => {
    if (seen.has(w.message)) return;
    seen.add(w.message);
    out.push(w);
  };
  // A missing price is said once, in its family's notice (report.missingPrices), never here.
  for (const w of warningsBesideNotices(estimate.warnings))
    add({ scope: 'estimate', code: w.code, message: w.message, lineId: w.lineId });
  for (const l of lines) {
    const c = l.ebsCheck;
    if (!c || (c.status !== 'exceeds-baseline' && c.status !== 'exceeds-maximum')) continue;
    const over = [c.iops, c.throughputMiBps].find((d) => d.status === c.status)!;
    const unit = over === c.iops ? 'IOPS' : 'MiB/s';
    const r1 = (v: number | null) => (v === null ? 'n/a' : (Math.round(v * 10) / 10).toLocaleString('en-US'));
    add({
      scope: 'ebs',
      code: `instance-ebs-${c.status}`,
      message:
        `Line ${l.id} (${l.instanceType}): its volumes deliver ${r1(over.volumes)} ${unit} per instance, ` +
        `${c.status === 'exceeds-maximum' ? 'above the instance maximum' : 'above the instance baseline'} ` +
        `(baseline ${r1(over.instanceBaseline)}, max ${r1(over.instanceMaximum ?? over.instanceBaseline)}): ${EBS_STATUS_LABEL[c.status]}`,
      lineId: l.id,
    });
  }
  for (const s of comparison)
    for (const w of comparisonWarningsBesideNotices(s))
      add({ scope: 'comparison', code: w.code, message: w.message, lineId: w.lineId });
  return out;
}

function reportBudget(b: BudgetCheck): ReportBudget {
  return {
    budgetUsd: b.budgetUsd,
    monthlyUsd: b.monthlyUsd,
    usedPct: b.usedPct,
    amortizedMonthlyUsd: b.amortizedMonthlyUsd,
    within: b.within,
    summary: b.summary,
    thresholds: b.thresholds.map((t) => ({
      pct: t.pct,
      basis: t.basis,
      amountUsd: t.amountUsd,
      crossed: t.crossed,
      months: t.months,
      amortizedCrosses: t.amortizedCrosses,
      headroomUsd: t.headroomUsd,
      words: t.words,
    })),
    complete: b.complete,
  };
}

/** Builds the report model; pure: every figure comes from the engines' results passed in. */
export function buildReport(
  scenario: Scenario,
  estimate: ScenarioEstimate,
  comparison: StrategyResult[],
  meta: ReportMeta,
  ebsChecks: Record<string, ReportEbsCheck | null>,
  producedAt: string,
): Report {
  const lines = scenario.lines.map((line) =>
    lineOf(
      line,
      estimate.lines.find((e) => e.id === line.id),
      ebsChecks[line.id] ?? null,
    ),
  );
  // Quota flags beyond the all On-Demand reference's (the reference says its own). By its id: the
  // optimized plan's id is no fixed strategy's, so strategyModel() calls it on-demand too.
  const reference = comparison.find((s) => s.id === ON_DEMAND_STRATEGY_ID) ?? null;
  const strategies: ReportStrategy[] = comparison.map((s) => ({
    id: s.id,
    label: s.label,
    kind: strategyModel(s.id),
    upfrontUsd: s.upfrontUsd,
    monthlyUsd: s.monthlyUsd,
    amortizedMonthlyUsd: s.amortizedMonthlyUsd,
    oneYearUsd: s.oneYearUsd,
    threeYearUsd: s.threeYearUsd,
    savingsVsOnDemandPct: s.savingsVsOnDemandPct,
    breakEvenMonth: s.breakEvenMonth,
    breakEven: s.breakEven,
    cumulativeUsd: s.cumulativeUsd,
    complete: s.complete,
    warnings: s.warnings.map((w) => w.message),
    quotaExceeded: exceededWords(s.quotas, s === reference ? null : (reference?.quotas ?? null)),
    budget: s.budget ? crossingsText(s.budget) : null,
    support: strategySupportText(s),
  }));
  const charted = [
    strategies.find((s) => s.id === ON_DEMAND_STRATEGY_ID && s.cumulativeUsd !== null) ?? null,
    cheapest(strategies.filter((s) => s.kind === 'reserved')),
    cheapest(strategies.filter((s) => s.kind === 'savings-plan')),
  ].filter((s): s is ReportStrategy => s !== null && s.cumulativeUsd !== null);
  const uniq = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort();
  // The sources of the prices the figures used: the estimate's and every compared strategy's.
  const usedIds = new Set([...estimate.sourceIds, ...comparison.flatMap((s) => s.sourceIds)]);
  const used = meta.sources.filter((s) => usedIds.has(s.id));
  const tenancy = tenancyAssumption(scenario.lines.map((l) => l.tenancy));
  const prices = `USD list prices, ${tenancyPriceWords(tenancy.tenancies)}`;
  return {
    reportVersion: REPORT_VERSION,
    title: `Cost report: ${scenario.name}`,
    scenarioName: scenario.name,
    description: scenario.description ?? null,
    producedAt,
    catalog: {
      source: meta.source,
      asOf: meta.asOf,
      pricesAsOf: dateRangeOf(used.map((s) => s.asOf)),
      sources: used,
    },
    assumptions: {
      hoursPerMonth: scenario.hoursPerMonth,
      regions: uniq(scenario.lines.map((l) => l.region)),
      operatingSystems: uniq(scenario.lines.map((l) => l.os)),
      ...tenancy,
      usage: lines.map((l) => ({ lineId: l.id, description: l.usage })),
      notes: [
        `A month is ${scenario.hoursPerMonth} hours; a year is ${HOURS_PER_YEAR.toLocaleString('en-US')} hours.`,
        estimate.support
          ? `${prices}; excludes tax, data transfer and discounts; the AWS Support plan is beside the totals.`
          : `${prices}; excludes tax, data transfer, support and discounts.`,
        ...tenancyReportNotes(estimate.lines),
        'Upfront payments are amortized over their term; 3-year totals renew 1-year terms at months 12 and 24.',
        'Spot figures are historical averages, never a guaranteed price; spot capacity can be interrupted.',
        ...spotReportNotes(estimate, comparison),
        ...capacityReservationNotes(estimate.lines),
        ...supportReportNotes(estimate, comparison),
        'A figure shown as n/a could not be priced from the catalog and is left out of the totals.',
      ],
    },
    lines,
    totals: totalsOf(lines, estimate),
    comparison: {
      strategies,
      cheapestId: cheapest(strategies)?.id ?? null,
      chartedIds: charted.map((s) => s.id),
    },
    quotas: {
      verdict: quotaVerdict(estimate.quotas),
      uses: estimate.quotas.uses,
      notCounted: estimate.quotas.notCounted,
    },
    budget: estimate.budget ? reportBudget(estimate.budget) : null,
    support: reportSupport(estimate),
    ...(estimate.accounts
      ? {
          accounts: estimate.accounts.map((a) => ({
            id: a.id,
            name: a.name,
            sharing: a.sharing,
            lineIds: a.lineIds,
            monthlyUsd: a.totals.monthlyUsd,
            upfrontUsd: a.totals.upfrontUsd,
            amortizedMonthlyUsd: a.totals.amortizedMonthlyUsd,
            oneYearUsd: a.totals.oneYearUsd,
            threeYearUsd: a.totals.threeYearUsd,
            complete: a.totals.complete,
          })),
        }
      : {}),
    missingPrices: reportMissingPrices(estimate, comparison, (id) => reportLineName({ lines }, id)),
    warnings: warningsOf(estimate, lines, comparison),
  };
}
