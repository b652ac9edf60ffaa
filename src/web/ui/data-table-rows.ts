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
  /** The header is said to screen readers only (a column of buttons needs no visible title). */
  hideHeader?: boolean;
  /** The cell names its row (a header cell for screen readers), as a service's title does. */
  rowHeader?: boolean;
  /** Attributes of the column's cells, such as a test id naming the cell. */
  cellProps?: (row: Row) => Record<string, unknown>;
  /** The column's cell in the closing row (a total, or its label); the row is shown when a column has one. */
  footer?: ReactNode;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

function compare(x: number | string, y: number | string): number {
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fa');
}

/** Rows sorted by a column; rows without a value come last whichever the direction. */
/**
 * Whether a header click may sort the rows: always when the server sorts, and in memory only when
 * every row of the list is here — a server page sorted on its own would read as the whole list's order.
 */
/**
 * The `sort` query value of a list the server sorts, for the table's sort: `<column>:<asc|desc>`, the
 * column being the table column's key (each such column's key is one the endpoint sorts by).
 */
export function sortParam<Value extends `${string}:${'asc' | 'desc'}`>(sort: SortState | null): Value | undefined {
  return sort ? (`${sort.key}:${sort.dir}` as Value) : undefined;
}

export function canSort(list: { serverSorts: boolean; total: number | null; rowsHere: number }): boolean {
  return list.serverSorts || list.total === null || list.total <= list.rowsHere;
}

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

/** Rows shown at a time: a number, or every row at once (no pager). */
export type PageSize = number | 'all';

/**
 * The page of rows in memory to show: the page asked for, or the last one when the rows have
 * shrunk under it (a row removed on the last page), with the count of pages.
 */
export function pageOfRows<Row>(
  rows: Row[],
  page: number,
  pageSize: PageSize,
): { rows: Row[]; page: number; pages: number } {
  if (pageSize === 'all') return { rows, page: 1, pages: 1 };
  const size = Math.max(1, Math.floor(pageSize));
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const shown = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((shown - 1) * size, shown * size), page: shown, pages };
}
