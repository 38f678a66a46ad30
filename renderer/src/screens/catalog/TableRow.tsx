import { memo, type CSSProperties } from 'react';
import type { ListingRow } from '@shared/catalog-listing';
import type { PriceUnit } from '../../format';
import type { TableColumn } from './table-columns';

/** Fixed row height: lets the virtualizer place thousands of rows without measuring them. */
export const ROW_HEIGHT_PX = 28;

/** A column kept in view at the table's left or right edge. */
export interface Pin {
  className: string;
  style: CSSProperties;
}

export interface TableRowProps {
  row: ListingRow;
  /** Its place among the rows shown (its key for the keyboard and the virtualizer). */
  index: number;
  columns: readonly TableColumn[];
  pins: ReadonlyMap<string, Pin>;
  unit: PriceUnit;
  selected: boolean;
  /** The row that takes the keyboard focus (the only one in the tab order). */
  active: boolean;
}

/**
 * One row of the catalog table. Memoized, like its cells: a keystroke that keeps a row on screen
 * neither formats its cells again nor replaces its elements. Clicks and keys are handled by the table.
 */
export const TableRow = memo(function TableRow(props: TableRowProps) {
  const { row, index, selected } = props;
  return (
    <tr
      data-testid="instance-row"
      data-instance-type={row.instanceType}
      data-region={row.region}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'instance-row is-selected' : 'instance-row'}
      tabIndex={props.active ? 0 : -1}
    >
      <RowCells row={row} columns={props.columns} pins={props.pins} unit={props.unit} />
    </tr>
  );
});

/**
 * Each row's cell texts by column and price unit: a row that comes back on screen (the search
 * widened again, a sort) isn't formatted again.
 */
const cellTexts = new WeakMap<ListingRow, Map<string, string>>();

function cellText(row: ListingRow, column: TableColumn, unit: PriceUnit): string {
  let texts = cellTexts.get(row);
  if (!texts) {
    texts = new Map();
    cellTexts.set(row, texts);
  }
  const key = `${column.id} ${unit}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = column.cell(row, unit);
    texts.set(key, text);
  }
  return text;
}

/** A cell's horizontal padding (styles.css, .instance-table td). */
const CELL_PADDING_PX = 12;
/** Widest advance of a digit or the punctuation of a number, and of any other character, in ems: generous. */
const NARROW_CHAR_EM = 0.7;
const WIDE_CHAR_EM = 1.1;
const NARROW_CHARS = /[\d .,:/$()-]/;
/** Cell font sizes in px (styles.css: the page's 13px; the type cell's 12px monospace, 0.6em a character). */
const FONT_PX = 13;
const TYPE_FONT_PX = 12;
const MONOSPACE_CHAR_EM = 0.65;

/**
 * Whether `text` may be wider than its column's narrowest width: only such a cell is clipped (with an
 * ellipsis). A clip per cell costs each new row's paint and compositing; the estimate errs wide, so a
 * cell left unclipped always fits.
 */
function mayOverflow(text: string, column: TableColumn): boolean {
  const room = column.widthPx - CELL_PADDING_PX;
  if (column.id === 'instanceType') return text.length * MONOSPACE_CHAR_EM * TYPE_FONT_PX > room;
  let ems = 0;
  for (const ch of text) ems += NARROW_CHARS.test(ch) ? NARROW_CHAR_EM : WIDE_CHAR_EM;
  return ems * FONT_PX > room;
}

/**
 * The cells, as few nodes and attributes as will do: a cell's full text shows as its tooltip only
 * when it is cut short (InstanceTable sets it on hover).
 */
const RowCells = memo(function RowCells(props: {
  row: ListingRow;
  columns: readonly TableColumn[];
  pins: ReadonlyMap<string, Pin>;
  unit: PriceUnit;
}) {
  const { row, pins, unit } = props;
  return props.columns.map((c) => {
    const text = cellText(row, c, unit);
    const pin = pins.get(c.id);
    const classes = [
      c.numeric ? 'num' : '',
      text === 'n/a' ? 'muted' : '',
      c.id === 'instanceType' ? 'type-cell' : '',
      mayOverflow(text, c) ? 'clip' : '',
      pin?.className ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <td key={c.id} data-testid={`cell-${c.id}`} className={classes || undefined} style={pin?.style}>
        {text}
      </td>
    );
  });
});
