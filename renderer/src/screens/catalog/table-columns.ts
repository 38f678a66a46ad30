import type { ListingRow } from '@shared/catalog-listing';
import type { PriceUnit } from '../../format';
import { COLUMNS, type ColumnDef, type ColumnId } from './columns';

/** A column of the table: one of COLUMNS, or the region column the all-regions view adds. */
export type TableColumn = Omit<ColumnDef, 'id' | 'cell'> & {
  id: ColumnId | 'region';
  cell: (row: ListingRow, unit: PriceUnit) => string;
};

export const REGION_COLUMN: TableColumn = {
  id: 'region',
  label: 'Region',
  header: 'Region',
  title: 'The region this row’s prices are for',
  sort: null,
  numeric: false,
  price: false,
  widthPx: 132,
  cell: (r) => r.region,
};

/** The visible columns in the picker's order; with every region listed, the region after the type. */
export function tableColumns(visible: readonly ColumnId[], allRegions: boolean): TableColumn[] {
  const columns: TableColumn[] = COLUMNS.filter((c) => visible.includes(c.id));
  if (allRegions) columns.splice(1, 0, REGION_COLUMN);
  return columns;
}
