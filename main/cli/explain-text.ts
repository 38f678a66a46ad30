import type { Explanation } from '@shared/explanation';
import { formatUsd, Decimal } from '@shared/money';

/**
 * An explanation as indented text under a CLI table (`--explain`; the JSON carries the whole tree):
 * each figure's label, value and arithmetic, its notes and the catalog rows with their source and date.
 */
export function explanationText(root: Explanation, depth = 1, maxDepth = Infinity): string {
  const pad = '  '.repeat(depth);
  const value = root.valueUsd === null ? '' : ` ${formatUsd(new Decimal(root.valueUsd))}`;
  const lines = [`${pad}- ${root.label}:${value} — ${root.formula}`];
  if (root.note) lines.push(`${pad}    ${root.note}`);
  for (const r of root.rows)
    lines.push(
      `${pad}    row: ${r.what}: ${r.rate} ${r.unit} (${r.sourceId ?? 'no source'}, ${r.asOf ?? 'undated'})`,
    );
  if (depth < maxDepth) for (const c of root.children) lines.push(explanationText(c, depth + 1, maxDepth));
  return lines.join('\n');
}
