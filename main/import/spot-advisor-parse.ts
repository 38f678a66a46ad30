import { z } from 'zod';
import { bandUpperBoundPct } from '@shared/pricing/spot-interruption';
import { REGION_CODE_PATTERN } from '@shared/validation';
import { validate } from '@shared/validation';
import type { SpotAdvisorDbRow } from '../catalog/rows';
import { excerpt, ImportError } from './errors';
import { parseSlice } from './parse-slice';

/**
 * AWS's Spot Advisor file (spot-advisor-data.json, served at spot-bid-advisor.s3.amazonaws.com) →
 * catalog rows. The one parser of that file: the catalog build (pricing-data/build/spot-advisor.ts)
 * and the import (main/import/spot-advisor.ts) both use it. Pure: text in, rows out.
 *
 * The file: `ranges[]` = { index, label ("<5%" … ">20%"), max }, and
 * `spot_advisor[region][Linux|Windows][instance type]` = { s: savings % vs On-Demand, r: range index };
 * its `instance_types` (cores, RAM) and `global_rate` are not needed (the catalog has the specs).
 * Every band label must be one bandUpperBoundPct can read, and every `r` must name a range. OSes the
 * catalog does not price spot for by that name are skipped and counted.
 */

/** The advisor's OS keys → the catalog's OS. */
const OS_OF: Record<string, SpotAdvisorDbRow['os']> = { Linux: 'linux', Windows: 'windows' };

/** Bounds against absurd input only: the real file has 33 regions, 2 OSes, ~900 types, 5 ranges. */
const rangeSchema = z.object({
  index: z.number().int().min(0).max(99),
  label: z.string().min(1).max(20),
  max: z.number().min(0).max(100),
});
const entrySchema = z.object({
  // AWS's savings figure: whole percent in the real file, one of them negative (spot above On-Demand).
  s: z.number().min(-1000).max(100),
  r: z.number().int().min(0).max(99),
});
const fileSchema = z.object({
  ranges: z.array(rangeSchema).min(1).max(100),
  spot_advisor: z.record(
    z.string().regex(REGION_CODE_PATTERN, { message: 'must be a region code such as us-east-1' }),
    z.record(
      z.string().max(40),
      z.record(
        z
          .string()
          .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, { message: 'must be an instance type such as m5.large' }),
        entrySchema,
      ),
    ),
  ),
});

export type SpotAdvisorEntry = Omit<SpotAdvisorDbRow, 'source_id'>;

/** The catalog row of one parsed entry, for the build and the import alike (fields written out: no spread per row). */
export function spotAdvisorDbRow(r: SpotAdvisorEntry, sourceId: string): SpotAdvisorDbRow {
  return {
    region: r.region,
    os: r.os,
    instance_type: r.instance_type,
    range_index: r.range_index,
    band_label: r.band_label,
    band_max_pct: r.band_max_pct,
    savings_pct: r.savings_pct,
    source_id: sourceId,
  };
}

export interface SpotAdvisorData {
  rows: SpotAdvisorEntry[];
  regions: string[];
  instanceTypes: number;
  /** OS keys the catalog does not take ("RHEL", say), with how many entries each had. */
  skippedOs: Record<string, number>;
}

/** True when the text looks like the Spot Advisor file (its first key and the shape of a type's specs). */
export function looksLikeSpotAdvisor(head: string): boolean {
  return (
    /^\s*\{\s*"instance_types"\s*:\s*\{/.test(head.replace(/^\uFEFF/, '')) &&
    (/"spot_advisor"\s*:/.test(head) || /"ram_gb"\s*:/.test(head))
  );
}

/** Parses the file's text; any problem is an ImportError naming the field (`spot_advisor.us-east-1.Linux.m5.large.r`). */
export function parseSpotAdvisor(text: string): SpotAdvisorData {
  const raw = parseSlice(text.replace(/^\uFEFF/, ''), 0, 'spot-advisor-data.json');
  const checked = validate(fileSchema, raw);
  if (!checked.ok) {
    const p = checked.problems[0];
    const missing = p.field === 'ranges' || p.field === 'spot_advisor';
    throw new ImportError(
      missing ? 'wrong-offer' : 'bad-value',
      missing ? `not AWS's Spot Advisor file: ${p.field} ${p.message}` : p.message,
      { byteOffset: 0, ...(p.field ? { field: p.field } : {}) },
    );
  }
  const file = checked.value;
  const ranges = new Map<number, { label: string; max: number }>();
  file.ranges.forEach((r, i) => {
    if (bandUpperBoundPct(r.label, r.max) === null) {
      throw new ImportError(
        'bad-value',
        `band label ${excerpt(r.label)} is not a range such as "<5%", "15-20%" or ">20%"`,
        { byteOffset: 0, field: `ranges.${i}.label` },
      );
    }
    if (ranges.has(r.index)) {
      throw new ImportError('bad-value', `range index ${r.index} appears twice`, {
        byteOffset: 0,
        field: `ranges.${i}.index`,
      });
    }
    ranges.set(r.index, { label: r.label.trim(), max: r.max });
  });

  const rows: SpotAdvisorEntry[] = [];
  const types = new Set<string>();
  const skippedOs: Record<string, number> = {};
  for (const [region, byOs] of Object.entries(file.spot_advisor)) {
    for (const [osKey, byType] of Object.entries(byOs)) {
      const os = OS_OF[osKey];
      if (!os) {
        skippedOs[osKey] = (skippedOs[osKey] ?? 0) + Object.keys(byType).length;
        continue;
      }
      for (const [type, e] of Object.entries(byType)) {
        const range = ranges.get(e.r);
        if (!range) {
          throw new ImportError('bad-value', `range index ${e.r} is not in the file's ranges`, {
            byteOffset: 0,
            field: `spot_advisor.${region}.${osKey}.${type}.r`,
          });
        }
        types.add(type);
        rows.push({
          region,
          os,
          instance_type: type,
          range_index: e.r,
          band_label: range.label,
          band_max_pct: range.max,
          savings_pct: e.s,
        });
      }
    }
  }
  if (rows.length === 0) {
    throw new ImportError('empty', 'the Spot Advisor file lists no Linux or Windows entries', {
      byteOffset: 0,
      field: 'spot_advisor',
    });
  }
  return {
    rows,
    regions: Object.keys(file.spot_advisor).sort(),
    instanceTypes: types.size,
    skippedOs,
  };
}
