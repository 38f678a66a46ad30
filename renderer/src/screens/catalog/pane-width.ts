import { useEffect, useState, type RefObject } from 'react';
import type { ColumnDef } from './columns';

/** What the pane's bounds need of a column. */
type Column = Pick<ColumnDef, 'widthPx' | 'price'>;

/**
 * The detail pane beside the catalog table: how wide it may be. The table keeps room for the columns
 * pinned at its edges (instance type on the left, the prices on the right), so the prices of every row
 * stay readable next to the pane; the other columns scroll underneath.
 */

export const DEFAULT_PANE_WIDTH_PX = 640;
export const MIN_PANE_WIDTH_PX = 360;
/** Keyboard steps: arrows, and with Shift or Page Up/Down. */
export const PANE_STEP_PX = 24;
export const PANE_BIG_STEP_PX = 120;
/** Room around the pinned columns: the table's border and a vertical scroll bar. */
const TABLE_CHROME_PX = 24;
const HANDLE_PX = 12;

/** A stored width, or the default for anything that isn't a sensible number. */
export function restorePaneWidth(stored: unknown): number {
  return typeof stored === 'number' && Number.isFinite(stored) && stored >= 100 && stored <= 10_000
    ? Math.round(stored)
    : DEFAULT_PANE_WIDTH_PX;
}

/** The narrowest the table may get: its pinned columns (the first, and the prices at the end) whole. */
export function minTableWidthPx(columns: readonly Column[]): number {
  const first = columns[0]?.widthPx ?? 0;
  const prices = pinnedRight(columns).reduce((sum, c) => sum + c.widthPx, 0);
  return first + prices + TABLE_CHROME_PX;
}

/**
 * The columns pinned to the table's right edge: its price columns (not the first column). A column
 * after them (spot interruption, say) keeps its place: seen when the table is scrolled to its end.
 */
export function pinnedRight<C extends Column>(columns: readonly C[]): C[] {
  return columns.filter((c, i) => i > 0 && c.price);
}

/** The pane's bounds in a body `bodyWidthPx` wide; the pane never gets narrower than its minimum. */
export function paneBounds(bodyWidthPx: number, columns: readonly Column[]): { min: number; max: number } {
  const max = Math.floor(bodyWidthPx - HANDLE_PX - minTableWidthPx(columns));
  return { min: MIN_PANE_WIDTH_PX, max: Math.max(MIN_PANE_WIDTH_PX, max) };
}

export const clampWidth = (width: number, bounds: { min: number; max: number }): number =>
  Math.min(bounds.max, Math.max(bounds.min, Math.round(width)));

/** The element's width, kept up to date as the window resizes (0 until it is laid out). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
