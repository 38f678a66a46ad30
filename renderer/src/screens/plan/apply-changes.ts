import type { Scenario } from '@shared/scenario/schema';
import { plural } from './plan-words';

/** What writing a plan into a scenario changes: lines whose purchase differs, holder lines added. */
export interface PlanChanges {
  purchasesChanged: number;
  linesAdded: number;
  linesRemoved: number;
}

/** JSON with every object's keys in order: a stored purchase and the plan's say their fields in different orders. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

export function planChanges(before: Scenario, after: Scenario): PlanChanges {
  const old = new Map(before.lines.map((l) => [l.id, l]));
  const kept = new Set(after.lines.map((l) => l.id));
  let purchasesChanged = 0;
  let linesAdded = 0;
  for (const line of after.lines) {
    const was = old.get(line.id);
    if (!was) linesAdded++;
    else if (sortedJson(was.purchase) !== sortedJson(line.purchase)) purchasesChanged++;
  }
  const linesRemoved = before.lines.filter((l) => !kept.has(l.id)).length;
  return { purchasesChanged, linesAdded, linesRemoved };
}

export const isUnchanged = (c: PlanChanges): boolean =>
  c.purchasesChanged === 0 && c.linesAdded === 0 && c.linesRemoved === 0;

/** "purchases changed on 2 lines, 1 holder line added". */
export function changesWords(c: PlanChanges): string {
  const parts = [`purchases changed on ${plural(c.purchasesChanged, 'line')}`];
  if (c.linesAdded > 0) parts.push(`${plural(c.linesAdded, 'holder line')} added`);
  if (c.linesRemoved > 0) parts.push(`${plural(c.linesRemoved, 'line')} removed`);
  return parts.join(', ');
}
