import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { rowKey, type ListingRow } from '@shared/catalog-listing';
import type { SortColumn } from '@shared/contract';
import type { PriceUnit } from '../../format';
import { PRICE_UNIT_SUFFIX } from '../../format';
import { pinnedRight } from './pane-width';
import type { TableColumn } from './table-columns';
import { ROW_HEIGHT_PX, TableRow, type Pin } from './TableRow';

/** What the screen may ask of the table. */
export interface InstanceTableHandle {
  /** Moves the keyboard focus to the first row (from the search box's Arrow Down). */
  focusFirstRow(): void;
}

export interface InstanceTableProps {
  rows: ListingRow[];
  columns: TableColumn[];
  unit: PriceUnit;
  sortBy: SortColumn;
  sortDir: 'asc' | 'desc';
  onSort: (column: SortColumn) => void;
  /** The selected row's key (rowKey: type and region). */
  selected: string | null;
  onSelect: (key: string) => void;
  loading: boolean;
  emptyMessage: string;
  ref?: Ref<InstanceTableHandle>;
}

/**
 * The rows, virtualized. One row at a time takes the keyboard focus (a roving tabindex): arrow keys,
 * Page Up/Down, Home and End move it, Enter or Space opens the row's details.
 */
export function InstanceTable(props: InstanceTableProps) {
  const { rows, columns, unit } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The focusable row's index, for these rows; a new result starts again at its first row.
  const [active, setActive] = useState({ rows, index: 0 });
  const activeIndex = active.rows === rows ? Math.min(active.index, rows.length - 1) : 0;
  // The row index that should take the focus once it is drawn (null: none pending).
  const focusWanted = useRef<number | null>(null);
  // TanStack Virtual returns fresh measurements on every render by design; nothing here is memoized on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 3,
  });

  // A new result (other filters or sort) starts at its top. Only when scrolled: scrollTo lays the page
  // out at once, which would cost every keystroke a layout of its own.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [rows, virtualizer]);

  /** Focuses the wanted row if it is drawn; true when done (or nothing was wanted). */
  const focusWantedRow = (): boolean => {
    const index = focusWanted.current;
    if (index === null) return true;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (!row) return false;
    focusWanted.current = null;
    row.focus({ preventScroll: true });
    return true;
  };
  // A far move focuses its row once the virtualizer has drawn it, after the scroll.
  useEffect(() => {
    focusWantedRow();
  });

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const to = Math.max(0, Math.min(rows.length - 1, index));
    // The focus moves now when the row is drawn: it must not wait for a render, which other work
    // (the detail pane's prices arriving) may have taken before this move's state was set.
    focusWanted.current = to;
    setActive({ rows, index: to });
    scrollIntoView(to);
    focusWantedRow();
  };
  /** Scrolls just enough for row `index` to show whole below the sticky header. */
  const scrollIntoView = (index: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const header = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = index * ROW_HEIGHT_PX;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (header + top + ROW_HEIGHT_PX > el.scrollTop + el.clientHeight) {
      el.scrollTop = header + top + ROW_HEIGHT_PX - el.clientHeight;
    }
  };
  useImperativeHandle(props.ref, () => ({ focusFirstRow: () => moveTo(0) }));

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const tableStyle = useMemo(() => gridStyle(columns), [columns]);
  const pins = useMemo(() => pinning(columns), [columns]);

  /** The row an event happened in: its index among the rows shown. */
  const rowIndexOf = (e: { target: EventTarget }): number | null => {
    const tr = e.target instanceof Element ? e.target.closest('tr[data-index]') : null;
    return tr ? Number(tr.getAttribute('data-index')) : null;
  };
  const onRowClick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(e);
    const row = index === null ? undefined : rows[index];
    if (index === null || !row) return;
    setActive({ rows, index });
    props.onSelect(rowKey(row));
  };
  /** A cell cut short (an ellipsis) shows its whole text as a tooltip; one that fits shows none. */
  const onCellHover = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = e.target instanceof Element ? e.target.closest('td') : null;
    if (td) td.title = td.scrollWidth > td.clientWidth ? (td.textContent ?? '') : '';
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(e);
    const row = index === null ? undefined : rows[index];
    if (index === null || !row) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT_PX) - 2);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveTo(to);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onSelect(rowKey(row));
    }
  };

  return (
    <div className={props.loading ? 'table-scroll is-loading' : 'table-scroll'} ref={scrollRef}>
      <table className="instance-table" style={tableStyle} aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {columns.map((c) => {
              const sorted = c.sort !== null && c.sort === props.sortBy;
              const ariaSort = sorted ? (props.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
              const text = (
                <>
                  {c.header}
                  {c.price && <span className="header-unit"> {PRICE_UNIT_SUFFIX[unit]}</span>}
                </>
              );
              return (
                <th
                  key={c.id}
                  scope="col"
                  className={
                    [c.numeric ? 'num' : '', pins.get(c.id)?.className ?? ''].join(' ').trim() || undefined
                  }
                  style={pins.get(c.id)?.style}
                  aria-sort={c.sort ? ariaSort : undefined}
                  title={c.title}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${c.sort}`}
                      aria-sort={ariaSort}
                      onClick={() => c.sort && props.onSort(c.sort)}
                    >
                      <span className="sort-label">{text}</span>
                      <span className="sort-arrow" aria-hidden="true">
                        {sorted ? (props.sortDir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    <span className="header-label">{text}</span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onClick={onRowClick} onKeyDown={onRowKey} onMouseOver={onCellHover}>
          {rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={columns.length}>{props.emptyMessage}</td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns.length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const key = rowKey(row);
            return (
              <TableRow
                key={key}
                row={row}
                index={item.index}
                columns={columns}
                pins={pins}
                unit={unit}
                selected={key === props.selected}
                active={item.index === activeIndex}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The table's rows are grids of the same columns (styles.css, .instance-table): each column at least
 * its width, a wider table shared out in proportion, as a fixed table layout would; laying out a grid
 * row costs the browser less than a table row (a keystroke replaces most rows on screen).
 */
function gridStyle(columns: readonly TableColumn[]): CSSProperties {
  return {
    minWidth: columns.reduce((sum, c) => sum + c.widthPx, 0),
    '--row-height': `${ROW_HEIGHT_PX}px`,
    '--columns': columns.map((c) => `minmax(${c.widthPx}px, ${c.widthPx}fr)`).join(' '),
  } as CSSProperties;
}

/**
 * Columns that stay in view when the table is narrower than its columns (the detail pane beside it):
 * the first (instance type) on the left, the price columns on the right; the other columns scroll
 * underneath (one after the prices shows once the table is scrolled to its end).
 */
function pinning(columns: readonly TableColumn[]): Map<string, Pin> {
  const pins = new Map<string, Pin>();
  const first = columns[0];
  if (first) pins.set(first.id, { className: 'pin-left', style: { left: 0 } });
  let right = 0;
  const pinned = pinnedRight(columns);
  for (let i = pinned.length - 1; i >= 0; i--) {
    const c = pinned[i]!;
    pins.set(c.id, { className: i === 0 ? 'pin-right pin-edge' : 'pin-right', style: { right } });
    right += c.widthPx;
  }
  return pins;
}
