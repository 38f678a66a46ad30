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
