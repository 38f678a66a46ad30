/**
 * What a spot interruption costs, worked by hand on the test book: m5.large us-east-1 Linux, on-demand
 * $0.096/h, spot $0.0366/h (MADE UP), Spot Advisor band 5-10% (MADE UP: upper bound 10 %); c5.large has
 * spot but no band. The real catalog's case (15-20%) is in tests/integration/spot-advisor.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import { bandRangeText, bandUpperBoundPct, spotBandsText } from '@shared/pricing/spot-interruption';
import { buildReport } from '@shared/reports/model';
import { scenarioSchema } from '@shared/scenario/schema';
import { line, scenario, testBook } from './test-book';

const book = testBook();
const spotLine = (id: string, interruption?: object, fields: object = {}) =>
  line(id, {
    usage: { pattern: 'constant', count: 2 },
    purchase: interruption ? ({ model: 'spot', interruption } as never) : { model: 'spot' },
    interruptionTolerant: true,
    ...fields,
  });

describe('band upper bounds', () => {
  it('reads the upper figure of each AWS label; ">20%" takes the file’s max (100)', () => {
    expect(bandUpperBoundPct('<5%', 5)).toBe(5);
    expect(bandUpperBoundPct('5-10%', 11)).toBe(10);
    expect(bandUpperBoundPct('10-15%', 16)).toBe(15);
    expect(bandUpperBoundPct('15-20%', 22)).toBe(20);
    expect(bandUpperBoundPct('>20%', 100)).toBe(100);
    expect(bandUpperBoundPct('often', 50)).toBeNull();
    expect(bandUpperBoundPct('20-15%', 22)).toBeNull();
  });
});

describe('the scenario schema', () => {
  it('still takes a spot purchase without an interruption (documents written before it existed)', () => {
    const r = scenarioSchema.safeParse({ name: 's', lines: [{ ...spotLine('a') }] });
    expect(r.success).toBe(true);
  });

  it('takes a re-run or an On-Demand fallback, and refuses anything else', () => {
    const ok = (interruption: object) =>
      scenarioSchema.safeParse({ name: 's', lines: [spotLine('a', interruption)] }).success;
    expect(ok({ kind: 'rerun', rerunMinutes: 30 })).toBe(true);
    expect(ok({ kind: 'fallback-on-demand', fallbackMinutes: 60 })).toBe(true);
    expect(ok({ kind: 'rerun', fallbackMinutes: 60 })).toBe(false);
    expect(ok({ kind: 'rerun', rerunMinutes: -1 })).toBe(false);
    expect(ok({ kind: 'retry', rerunMinutes: 30 })).toBe(false);
  });
});

describe('the estimate of a spot line', () => {
  it('without an interruption cost prices as before: 2 × 730 h × 0.0366 = 53.436, nothing added', () => {
    const l = estimateScenario(scenario([spotLine('batch')]), book).lines[0]!;
    expect(l.compute.spotUsd).toBe('53.436');
    expect(l.compute.interruptionUsd).toBe('0');
    expect(l.computeMonthlyUsd).toBe('53.436');
    expect(l.complete).toBe(true);
    // The band is still shown, dated.
    expect(l.spotInterruption).toMatchObject({
      band: '5-10%',
      upperBoundPct: 10,
      advisorSavingsPct: 62,
      asOf: '2025-06-28',
      kind: null,
      monthlyUsd: null,
      label: null,
    });
  });

  it('re-run: 2 instances × 10 % = 0.2 interruptions × 30 min = 0.1 h × $0.0366 = $0.00366 a month', () => {
    const l = estimateScenario(scenario([spotLine('batch', { kind: 'rerun', rerunMinutes: 30 })]), book)
      .lines[0]!;
    expect(l.spotInterruption).toMatchObject({
      interruptions: '0.2',
      extraInstanceHours: '0.1',
      rateUsd: '0.0366',
      monthlyUsd: '0.00366',
      label: "expected interruption cost (derived from the Spot Advisor's upper bound 10 %, 2025-06-28)",
    });
    expect(l.compute.interruptionUsd).toBe('0.00366');
    // 53.436 + 0.00366
    expect(l.computeMonthlyUsd).toBe('53.43966');
    expect(l.monthlyUsd).toBe('53.43966');
    expect(l.spotInterruption?.working).toContain('2 instances × 10 % = 0.2 interruptions a month × 30 min');
  });

  it('fallback: 0.2 interruptions × 60 min = 0.2 h at On-Demand minus spot (0.096 − 0.0366 = 0.0594) = $0.01188', () => {
    const l = estimateScenario(
      scenario([spotLine('batch', { kind: 'fallback-on-demand', fallbackMinutes: 60 })]),
      book,
    ).lines[0]!;
    expect(l.spotInterruption).toMatchObject({
      interruptions: '0.2',
      extraInstanceHours: '0.2',
      rateUsd: '0.0594',
      monthlyUsd: '0.01188',
    });
    expect(l.computeMonthlyUsd).toBe('53.44788');
  });

  it('a line running part of the time counts its average instances: 2 × (12 of 24 h) = 1 × 10 % × 60 min', () => {
    const l = estimateScenario(
      scenario([
        spotLine(
          'half',
          { kind: 'rerun', rerunMinutes: 60 },
          { usage: { pattern: 'daily-spike', baseCount: 0, peakCount: 2, peakStartHour: 0, peakHours: 12 } },
        ),
      ]),
      book,
    ).lines[0]!;
    expect(l.spotInterruption?.interruptions).toBe('0.1');
    expect(l.spotInterruption?.monthlyUsd).toBe('0.00366');
  });

  it('with an interruption cost but no band, the line is incomplete and says what to get', () => {
    const est = estimateScenario(
      scenario([spotLine('c5', { kind: 'rerun', rerunMinutes: 30 }, { instanceType: 'c5.large' })]),
      book,
    );
    const l = est.lines[0]!;
    expect(l.spotInterruption?.band).toBeNull();
    expect(l.compute.interruptionUsd).toBeNull();
    expect(l.complete).toBe(false);
    expect(est.totals.incompleteLineIds).toEqual(['c5']);
    const w = l.warnings.find((x) => x.code === 'missing-price');
    expect(w?.message).toContain('no Spot Advisor interruption band for c5.large in us-east-1 (linux)');
    expect(w?.message).toContain('spot-advisor-data.json');
  });

  it('is null for lines not priced as spot', () => {
    const est = estimateScenario(
      scenario([
        line('od', { usage: { pattern: 'constant', count: 1 } }),
        spotLine('nt', undefined, { interruptionTolerant: false }),
      ]),
      book,
    );
    expect(est.lines.map((l) => l.spotInterruption)).toEqual([null, null]);
  });
});

describe('Compare and reports', () => {
  const mix = scenario([
    spotLine('batch', { kind: 'rerun', rerunMinutes: 30 }),
    line('web', {
      instanceType: 'c5.large',
      usage: { pattern: 'constant', count: 1 },
      interruptionTolerant: true,
    }),
    line('db', { usage: { pattern: 'constant', count: 1 } }),
  ]);

  it('the spot strategy states the band range across the lines it puts on spot', () => {
    const results = compareStrategies(mix, book);
    const spot = results.find((s) => s.id === 'spot-where-allowed')!;
    // batch (m5.large, 5-10%) and web (c5.large, no band) are on spot; db is not tolerant.
    expect(spot.spotBands).toEqual({ range: '5-10%', asOf: '2025-06-28', lines: 2, linesWithoutBand: 1 });
    expect(spotBandsText(spot.spotBands)).toBe(
      'Interruption band 5-10% (Spot Advisor, 2025-06-28); n/a for 1 of 2 spot lines',
    );
    expect(results.filter((s) => s.spotBands !== null).map((s) => s.id)).toEqual(['spot-where-allowed']);
  });

  it('a range across bands runs from the least to the most interrupted', () => {
    const band = (label: string, rangeIndex: number) => ({
      label,
      rangeIndex,
      upperBoundPct: 0,
      savingsPct: 0,
      asOf: '2025-06-28',
      sourceId: 't',
    });
    expect(bandRangeText([band('>20%', 4), band('<5%', 0), band('15-20%', 3)])).toBe('<5% … >20%');
  });

  it('the report has a line on each spot line with its band and the interruption cost', () => {
    const estimate = estimateScenario(mix, book);
    const report = buildReport(
      mix,
      estimate,
      compareStrategies(mix, book),
      { source: 'test', asOf: '2025-09-12', sources: [] },
      {},
      '2026-01-01T00:00:00Z',
    );
    const notes = report.assumptions.notes.filter((n) => /^Spot(,| where)/.test(n));
    expect(notes[0]).toContain(
      'Spot, line batch (m5.large, us-east-1, Linux): interruption band 5-10% of instances a month (AWS Spot Advisor, 2025-06-28',
    );
    expect(notes[0]).toContain(
      "expected interruption cost (derived from the Spot Advisor's upper bound 10 %, 2025-06-28)",
    );
    expect(notes[0]).toContain('$0.00/month');
    expect(notes).toHaveLength(2);
    expect(notes[1]).toBe(
      'Spot where allowed: Interruption band 5-10% (Spot Advisor, 2025-06-28); n/a for 1 of 2 spot lines.',
    );
  });
});
