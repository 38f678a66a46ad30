import { describe, expect, it } from 'vitest';
import { fitEnvelopes, layoutEnvelope } from '@shared/ebs/envelope';
import { instanceEbsLimits, solveEbsLayout } from '@shared/ebs/solver';
import {
  capLines,
  envelopePath,
  fitChartGeometry,
  polygonContains,
  requirementPoint,
} from '../../../renderer/src/charts/ebs-fit-geometry';
import { usEast1Prices } from '../ebs/prices-us-east-1';

/** Compares chart points to hand-worked ones within a relative 1e-9 (they pass through log10 and back). */
function expectPoints(actual: { x: number; y: number }[], expected: [number, number][]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    const [x, y] = expected[i]!;
    expect(Math.abs(p.x - x) / x).toBeLessThan(1e-9);
    expect(Math.abs(p.y - y) / y).toBeLessThan(1e-9);
  });
}

describe('EBS fit chart geometry', () => {
  // One 100 GiB gp3 volume: at most 500 × 100 = 50,000 IOPS and 2,000 MiB/s. Its band runs between
  // 1 KiB and 256 KiB per operation: the 256 KiB diagonal meets 2,000 MiB/s at 2,000 × 1,024 / 256 =
  // 8,000 IOPS; at 50,000 IOPS the 1 KiB diagonal is at 50,000 / 1,024 = 48.828125 MiB/s.
  const gp3 = layoutEnvelope('gp3', { volumes: 1, sizeGiB: 100 });
  const requirement = { iops: 12000, throughputMiBps: 250 };

  it('spans whole decades from a tenth of the smallest figure to the largest', () => {
    // IOPS: 12,000 / 10 = 1,200 → 1,000; 50,000 → 100,000. MiB/s: 250 / 10 = 25 → 10; 2,000 → 10,000.
    const geometry = fitChartGeometry([gp3], requirement, null);
    expect(geometry.xDomain).toEqual([1000, 100000]);
    expect(geometry.yDomain).toEqual([10, 10000]);
  });

  it("clips gp3's one-volume band to the plot, keeping its IOPS × throughput corners", () => {
    const { shapes } = fitChartGeometry([gp3], requirement, null);
    expect(shapes.map((s) => [s.key, s.layout, s.containsRequirement])).toEqual([
      ['gp3-proposed', '1 × 100 GiB', true],
    ]);
    // The band's left edge (1 IOPS) is cut at x = 1,000: the 256 KiB diagonal there is 1,000 / 4 = 250 MiB/s;
    // its floor is cut at y = 10 MiB/s, where the 1 KiB diagonal is at 10 × 1,024 = 10,240 IOPS.
    expectPoints(shapes[0]!.points, [
      [10240, 10],
      [1000, 10],
      [1000, 250],
      [8000, 2000],
      [50000, 2000],
      [50000, 48.828125],
    ]);
  });

  it('draws a striped layout as the sum of its volumes', () => {
    // 16 volumes of 7 GiB: 16 × 3,500 = 56,000 IOPS, 16 × 875 = 14,000 MiB/s.
    const striped = layoutEnvelope('gp3', { volumes: 16, sizeGiB: 7 });
    const geometry = fitChartGeometry([striped], requirement, null);
    expect(geometry.shapes.map((s) => s.key)).toEqual(['gp3-proposed']);
    // 14,000 MiB/s lifts the throughput domain to 100,000.
    expect(geometry.yDomain).toEqual([10, 100000]);
    const outline = geometry.shapes[0]!.points;
    // The 256 KiB diagonal meets 14,000 MiB/s at 56,000 IOPS, the stripe's IOPS maximum: one corner.
    expect(outline.some((p) => Math.abs(p.x - 56000) < 1e-6 && Math.abs(p.y - 14000) < 1e-6)).toBe(true);
  });

  it("puts the requirement inside sc1's region when sc1 is the cheapest: 20,480 GiB, 300 MiB/s sequential", () => {
    // 300 IOPS of 1,024 KiB sequential = 300 MiB/s, sustained. sc1 (12 MiB/s per TiB baseline) needs
    // 300 / 12 = 25 TiB = 25,600 GiB: 2 × 12,800 GiB (16 TiB at most each) × 0.015 = $384, the cheapest.
    const need = { iops: 300, throughputMiBps: 300 };
    const sizing = solveEbsLayout(
      { capacityGiB: 20480, ...need, ioSizeKiB: 1024, pattern: 'sequential' },
      usEast1Prices(),
    );
    const top = sizing.options[0]!;
    expect([top.volumeType, top.volumes, top.sizeGiBPerVolume]).toEqual(['sc1', 2, 12800]);
    const envelopes = fitEnvelopes(['sc1'], 20480, sizing.options, { maxStripeVolumes: 16 });
    const [shape] = fitChartGeometry(envelopes, need, null).shapes;
    // Its region: 2 × 150 = 300 MiB/s and 2 × 250 = 500 operations; 300 operations of 1,024 KiB sit on
    // its upper edge, at the corner where it meets the 300 MiB/s ceiling: inside, edge included.
    expect(shape).toMatchObject({ key: 'sc1-proposed', layout: '2 × 12,800 GiB', containsRequirement: true });
    // Drawn for the 20,480 GiB asked (16 × 1,280 GiB: 16 × 15 = 240 MiB/s), the point fell outside.
    expect(polygonContains(layoutEnvelope('sc1', { volumes: 16, sizeGiB: 1280 }).points, need)).toBe(false);
  });

  it('tells a point inside a region, on its edge and outside it', () => {
    // One 100 GiB gp3: between 1 and 256 KiB per operation, up to 50,000 IOPS and 2,000 MiB/s.
    expect(polygonContains(gp3.points, { iops: 12000, throughputMiBps: 250 })).toBe(true);
    expect(polygonContains(gp3.points, { iops: 50000, throughputMiBps: 1000 })).toBe(true);
    expect(polygonContains(gp3.points, { iops: 60000, throughputMiBps: 1000 })).toBe(false);
    // 1,000 operations carry at most 1,000 × 256 KiB = 250 MiB/s.
    expect(polygonContains(gp3.points, { iops: 1000, throughputMiBps: 251 })).toBe(false);
  });

  it("widens the domains to the instance's caps and draws them as lines", () => {
    // m5.large: 3,600 / 18,750 IOPS; 81.25 / 593.75 MB/s = 77.49 / 566.24 MiB/s.
    const m5Large = instanceEbsLimits({
      instanceType: 'm5.large',
      ebsBaselineIops: 3600,
      ebsMaxIops: 18750,
      ebsBaselineThroughputMBps: 81.25,
      ebsMaxThroughputMBps: 593.75,
    });
    const geometry = fitChartGeometry([gp3], { iops: 20000, throughputMiBps: 500 }, m5Large);
    // Smallest IOPS figure 3,600 / 10 = 360 → 100; smallest MiB/s 77.49 / 10 → 1.
    expect(geometry.xDomain).toEqual([100, 100000]);
    expect(geometry.yDomain).toEqual([1, 10000]);
    expect(capLines(m5Large).map((c) => [c.key, c.value, c.dash ?? 'solid'])).toEqual([
      ['x-base', 3600, 'solid'],
      ['x-max', 18750, '2 3'],
      ['y-base', m5Large.baselineThroughputMiBps, 'solid'],
      ['y-max', m5Large.maxThroughputMiBps, '2 3'],
    ]);
    // Every cap names its figure and unit; a throughput converted to MiB/s keeps AWS's MB/s beside it.
    expect(capLines(m5Large).map((c) => c.label)).toEqual([
      'm5.large baseline 3,600 IOPS',
      'm5.large max 18,750 IOPS',
      'm5.large baseline 77.5 MiB/s (AWS: 81.25 MB/s)',
      'm5.large max 566.2 MiB/s (AWS: 593.75 MB/s)',
    ]);
  });

  it('draws one line when the baseline is the maximum', () => {
    // r6i.2xlarge: 312.5 / 1,250 MB/s; r5.24xlarge: 19,000 MB/s both, 19,000 × 10^6 / 2^20 = 18,119.8 MiB/s.
    const r5 = instanceEbsLimits({
      instanceType: 'r5.24xlarge',
      ebsBaselineIops: 80000,
      ebsMaxIops: 80000,
      ebsBaselineThroughputMBps: 19000,
      ebsMaxThroughputMBps: 19000,
    });
    expect(capLines(r5).map((c) => c.label)).toEqual([
      'r5.24xlarge baseline = max 80,000 IOPS',
      'r5.24xlarge baseline = max 18,119.8 MiB/s (AWS: 19,000 MB/s)',
    ]);
  });

  it("labels r6i.2xlarge's throughput caps in MiB/s with AWS's MB/s beside them", () => {
    // 312.5 × 10^6 / 2^20 = 298.02 MiB/s; 1,250 × 10^6 / 2^20 = 1,192.09 MiB/s.
    const r6i = instanceEbsLimits({
      instanceType: 'r6i.2xlarge',
      ebsBaselineIops: 12000,
      ebsMaxIops: 40000,
      ebsBaselineThroughputMBps: 312.5,
      ebsMaxThroughputMBps: 1250,
    });
    expect(
      capLines(r6i)
        .filter((c) => c.axis === 'y')
        .map((c) => c.label),
    ).toEqual([
      'r6i.2xlarge baseline 298 MiB/s (AWS: 312.5 MB/s)',
      'r6i.2xlarge max 1,192.1 MiB/s (AWS: 1,250 MB/s)',
    ]);
  });

  it('keeps the requirement mark on the plot when it lies outside the domains', () => {
    const geometry = fitChartGeometry([gp3], requirement, null);
    expect(requirementPoint({ iops: 5, throughputMiBps: 1e6 }, geometry)).toEqual({ x: 1000, y: 10000 });
    expect(requirementPoint(requirement, geometry)).toEqual({ x: 12000, y: 250 });
  });

  it('turns points into a closed SVG path, or none when a point falls off a scale', () => {
    const double = (v: number) => v * 2;
    expect(
      envelopePath(
        [
          { x: 1, y: 2 },
          { x: 3, y: 4.25 },
        ],
        double,
        double,
      ),
    ).toBe('M2.0,4.0 L6.0,8.5 Z');
    expect(envelopePath([{ x: 1, y: 2 }], () => undefined, double)).toBeNull();
  });
});
