import { describe, expect, it } from 'vitest';
import { canSort, type DataColumn, pageOfRows, rowsAsCsv, sortParam, sortRows } from './data-table-rows';

interface Office {
  name: string;
  filings: number | null;
  code: string;
}

const columns: DataColumn<Office>[] = [
  { key: 'name', header: 'نام دفتر', cell: (o) => o.name, sortValue: (o) => o.name },
  { key: 'filings', header: 'پرونده‌ها', cell: (o) => o.filings, sortValue: (o) => o.filings, numeric: true },
  { key: 'code', header: 'کد', cell: (o) => o.code, csv: (o) => o.code },
  { key: 'actions', header: '', cell: () => null },
];

const rows: Office[] = [
  { name: 'دفتر ونک', filings: 12, code: '11001' },
  { name: 'دفتر آزادی', filings: null, code: '11002' },
  { name: 'دفتر پونک', filings: 3, code: '11003' },
];

describe('table rows', () => {
  it('sorts Persian names in alphabetical order (آ before پ before و)', () => {
    const sorted = sortRows(rows, columns, { key: 'name', dir: 'asc' }).map((r) => r.code);
    expect(sorted).toEqual(['11002', '11003', '11001']);
  });

  it('sorts numbers by value, with the missing ones last either way', () => {
    expect(sortRows(rows, columns, { key: 'filings', dir: 'desc' }).map((r) => r.filings)).toEqual([12, 3, null]);
    expect(sortRows(rows, columns, { key: 'filings', dir: 'asc' }).map((r) => r.filings)).toEqual([3, 12, null]);
  });

  it('leaves the order alone without a sort or for a column that does not sort', () => {
    expect(sortRows(rows, columns, null)).toBe(rows);
    expect(sortRows(rows, columns, { key: 'actions', dir: 'asc' })).toBe(rows);
  });

  it('writes the columns with a value as CSV, in the order shown, with the byte-order mark', () => {
    expect(rowsAsCsv(rows.slice(0, 2), columns)).toBe(
      '\uFEFFنام دفتر,پرونده‌ها,کد\r\nدفتر ونک,12,11001\r\nدفتر آزادی,,11002\r\n',
    );
  });

  it('leaves out of the CSV a column whose cell carries only a footer or attributes', () => {
    const withExtras: DataColumn<Office>[] = [
      ...columns,
      { key: 'more', header: 'بیشتر', cell: () => null, footer: 'جمع', cellProps: () => ({ 'data-testid': 'x' }) },
    ];
    expect(rowsAsCsv(rows.slice(0, 1), withExtras)).toBe('\uFEFFنام دفتر,پرونده‌ها,کد\r\nدفتر ونک,12,11001\r\n');
  });
});

describe('pages of rows in memory', () => {
  const many = Array.from({ length: 45 }, (_, i) => i + 1);

  it('shows the page asked for, and counts the pages', () => {
    expect(pageOfRows(many, 1, 20)).toEqual({ rows: many.slice(0, 20), page: 1, pages: 3 });
    expect(pageOfRows(many, 3, 20).rows).toEqual([41, 42, 43, 44, 45]);
  });

  it('falls back to the last page when the rows shrink under the page shown', () => {
    const left = many.slice(0, 39);
    expect(pageOfRows(left, 3, 20)).toEqual({ rows: left.slice(20), page: 2, pages: 2 });
    expect(pageOfRows([], 2, 20)).toEqual({ rows: [], page: 1, pages: 1 });
  });

  it('shows every row at once with "all"', () => {
    expect(pageOfRows(many, 2, 'all')).toEqual({ rows: many, page: 1, pages: 1 });
  });
});

describe('canSort', () => {
  it('sorts a list held whole in memory', () => {
    expect(canSort({ serverSorts: false, total: null, rowsHere: 120 })).toBe(true);
  });
  it('sorts a server-paged list in memory only while all of it is on this page', () => {
    expect(canSort({ serverSorts: false, total: 12, rowsHere: 12 })).toBe(true);
    // 45 licences, 20 on this page: sorting these 20 would pass for the order of all 45.
    expect(canSort({ serverSorts: false, total: 45, rowsHere: 20 })).toBe(false);
  });
  it('always lets the server sort', () => {
    expect(canSort({ serverSorts: true, total: 45, rowsHere: 20 })).toBe(true);
  });
});

describe('sortParam', () => {
  it('asks the server for the clicked column and direction, and for its own order before any click', () => {
    expect(sortParam({ key: 'expires', dir: 'desc' })).toBe('expires:desc');
    expect(sortParam({ key: 'name', dir: 'asc' })).toBe('name:asc');
    expect(sortParam(null)).toBeUndefined();
  });
});
