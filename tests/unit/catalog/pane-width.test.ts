import { describe, expect, it } from 'vitest';
import { COLUMNS, DEFAULT_COLUMNS } from '../../../renderer/src/screens/catalog/columns';
import {
  DEFAULT_PANE_WIDTH_PX,
  MIN_PANE_WIDTH_PX,
  clampWidth,
  minTableWidthPx,
  paneBounds,
  pinnedRight,
  restorePaneWidth,
} from '../../../renderer/src/screens/catalog/pane-width';

const shown = COLUMNS.filter((c) => DEFAULT_COLUMNS.includes(c.id));

describe('the catalog’s detail pane width', () => {
  it('pins the price columns the table ends with, and keeps room for them and the instance type', () => {
    expect(pinnedRight(shown).map((c) => c.id)).toEqual(['onDemand', 'best1y', 'best3y', 'spot']);
    const pinned = shown[0]!.widthPx + pinnedRight(shown).reduce((s, c) => s + c.widthPx, 0);
    expect(minTableWidthPx(shown)).toBeGreaterThan(pinned);
    // Without price columns nothing is pinned on the right; the first column is pinned left, never right.
    expect(pinnedRight(shown.filter((c) => !c.price))).toEqual([]);
    expect(pinnedRight(COLUMNS.filter((c) => c.price)).map((c) => c.id)).toEqual([
      'best1y',
      'best3y',
      'spot',
    ]);
  });

  it('lets the pane grow only as far as the table keeps its pinned columns whole', () => {
    // 1440 × 900: the catalog body is 1,408 px wide (16 px padding each side).
    const bounds = paneBounds(1408, shown);
    expect(bounds.min).toBe(MIN_PANE_WIDTH_PX);
    expect(bounds.max + 12 + minTableWidthPx(shown)).toBeLessThanOrEqual(1408);
    expect(clampWidth(DEFAULT_PANE_WIDTH_PX, bounds)).toBe(DEFAULT_PANE_WIDTH_PX);
    expect(clampWidth(5000, bounds)).toBe(bounds.max);
    expect(clampWidth(10, bounds)).toBe(MIN_PANE_WIDTH_PX);
    // A window too narrow for both still gives the pane its minimum.
    expect(paneBounds(600, shown)).toEqual({ min: MIN_PANE_WIDTH_PX, max: MIN_PANE_WIDTH_PX });
  });

  it('restores a stored width, and the default for anything else', () => {
    expect(restorePaneWidth(480)).toBe(480);
    for (const bad of [undefined, null, '480', Number.NaN, -5, 1e9, {}])
      expect(restorePaneWidth(bad)).toBe(DEFAULT_PANE_WIDTH_PX);
  });
});
