/** The rows of a DataTable without React: sorting in memory and the CSV of what is shown. */
import type { ReactNode } from 'react';
import { type CsvValue, csvDocument } from '#core/csv';

export interface DataColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** What the column sorts by (in memory, or the server's sort key when `sort` is controlled); absent: not sortable. */
  sortValue?: (row: Row) => number | string | null;
  /** The column's value in the CSV (Latin digits, no grouping); absent: the sort value, else left out of the CSV. */
  csv?: (row: Row) => CsvValue;
  /** Numbers keep to one line and sort largest first on the first click. */
  numeric?: boolean;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

function compare(x: number | string, y: number | string): number {
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fa');
}

/** Rows sorted by a column; rows without a value come last whichever the direction. */
export function sortRows<Row>(rows: Row[], columns: DataColumn<Row>[], sort: SortState | null | undefined): Row[] {
  const value = columns.find((c) => c.key === sort?.key)?.sortValue;
  if (!sort || !value) return rows;
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return compare(x, y) * dir;
  });
}

export function rowsAsCsv<Row>(rows: Row[], columns: DataColumn<Row>[]): string {
  const exported = columns.filter((c) => c.csv ?? c.sortValue);
  return csvDocument(
    exported.map((c) => c.header),
    rows.map((row) => exported.map((c) => (c.csv ?? c.sortValue)?.(row) ?? null)),
  );
}
