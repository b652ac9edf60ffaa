/**
 * The one table for lists: loading, error and empty states, sorting by a header click, paging
 * (the server's pages, or pages of rows already in memory) with Persian digits, and a CSV of what
 * it shows where a list offers one. Cells are the page's own (they localize their digits and
 * dates with the shared ui pieces); the table keeps the mechanics the same everywhere.
 */
import { Button, Center, Group, Loader, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canSort,
  type DataColumn,
  type PageSize,
  pageOfRows,
  rowsAsCsv,
  type SortState,
  sortRows,
} from './data-table-rows';
import { Pager } from './Pager';
import { ProblemAlert } from './ProblemAlert';

export type { DataColumn, SortState };

/** The server's pages: the answer's page, size and total, and how to ask for another page. */
interface ServerPaging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export interface DataTableProps<Row> {
  testId: string;
  /** Said to screen readers and printed above the table. */
  caption?: string;
  /** Names the table for screen readers where no caption is printed (a heading above it says what it is). */
  label?: string;
  columns: DataColumn<Row>[];
  rowKey: (row: Row) => string | number;
  /** The rows; undefined while the first answer is awaited. */
  rows: Row[] | undefined;
  isPending?: boolean;
  /** A refetch under way: the shown rows stay, marked busy. */
  isFetching?: boolean;
  error?: unknown;
  /** The server pages the list; without it, rows in memory are shown `pageSize` at a time ('all': every row, no pager). */
  paging?: ServerPaging;
  pageSize?: PageSize;
  /** Sorting in memory from this start; or, with `onSortChange`, the server sorts. */
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Shown when there is no row. */
  empty?: ReactNode;
  /** Offers a CSV of the rows it has (all of them for rows in memory, the page for server pages). */
  csvFileName?: string;
  minWidth?: number;
  /** A height beyond which the rows scroll under a header that stays in view. */
  maxHeight?: number;
  rowProps?: (row: Row) => Record<string, unknown>;
  /** A row opens or picks something: the whole row is clickable, and reachable with Tab, Enter and Space. */
  onRowClick?: (row: Row) => void;
  /** The row picked, marked for the eye and for screen readers. */
  isSelected?: (row: Row) => boolean;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DataTable<Row>({
  testId,
  caption,
  label,
  columns,
  rowKey,
  rows,
  isPending = false,
  isFetching = false,
  error,
  paging,
  pageSize = 20,
  sort: sortProp,
  onSortChange,
  empty,
  csvFileName,
  minWidth = 700,
  maxHeight,
  rowProps,
  onRowClick,
  isSelected,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [ownSort, setOwnSort] = useState<SortState | null>(sortProp ?? null);
  const [ownPage, setOwnPage] = useState(1);
  const serverSorts = Boolean(onSortChange);
  const sortable = canSort({ serverSorts, total: paging?.total ?? null, rowsHere: rows?.length ?? 0 });
  const sort = serverSorts ? sortProp : sortable ? ownSort : null;
  const sorted = useMemo(
    () => (serverSorts || !sortable ? (rows ?? []) : sortRows(rows ?? [], columns, ownSort)),
    [rows, columns, ownSort, serverSorts, sortable],
  );
  const own = pageOfRows(sorted, ownPage, paging ? 'all' : pageSize);
  const shown = own.rows;
  const withFooter = columns.some((c) => c.footer !== undefined);

  const toggle = (key: string) => {
    const numeric = columns.find((c) => c.key === key)?.numeric;
    const next: SortState =
      sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' };
    if (onSortChange) onSortChange(next);
    else setOwnSort(next);
    if (paging) paging.onChange(1);
    else setOwnPage(1);
  };

  const clickable = (row: Row) =>
    onRowClick
      ? {
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => onRowClick(row),
          onKeyDown: (event: KeyboardEvent) => {
            if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
            event.preventDefault();
            onRowClick(row);
          },
        }
      : {};
  const picked = (row: Row) =>
    isSelected
      ? { 'aria-selected': isSelected(row), bg: isSelected(row) ? 'var(--mantine-color-blue-light)' : undefined }
      : {};

  if (error && !rows) return <ProblemAlert error={error} data-testid={`${testId}-error`} />;
  if (!rows) {
    return isPending ? (
      <Center py="lg">
        <Loader size="sm" role="status" aria-label={t('common.loading')} data-testid={`${testId}-loading`} />
      </Center>
    ) : null;
  }

  return (
    <>
      <ProblemAlert error={error} />
      {csvFileName && rows.length > 0 ? (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            onClick={() => download(csvFileName, rowsAsCsv(sorted, columns))}
            data-testid={`${testId}-csv`}
          >
            {t('common.table.csv')}
          </Button>
        </Group>
      ) : null}
      <Table.ScrollContainer
        minWidth={minWidth}
        maxHeight={maxHeight}
        // A table wider than a phone scrolls sideways: the scrolling area takes the keyboard's focus.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption ?? label } }}
      >
        <Table
          striped
          highlightOnHover
          withTableBorder
          stickyHeader={maxHeight != null}
          data-testid={testId}
          aria-busy={isFetching}
          aria-label={caption ? undefined : label}
        >
          {caption ? <Table.Caption>{caption}</Table.Caption> : null}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th
                  key={c.key}
                  scope="col"
                  aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortValue && sortable ? (
                    <UnstyledButton
                      onClick={() => toggle(c.key)}
                      fw={700}
                      fz="sm"
                      data-testid={`${testId}-sort-${c.key}`}
                      aria-label={t('common.table.sortBy', { column: c.header })}
                    >
                      {c.header} {sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </UnstyledButton>
                  ) : c.hideHeader ? (
                    <VisuallyHidden>{c.header}</VisuallyHidden>
                  ) : (
                    c.header
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                data-testid={`${testId}-row`}
                {...clickable(row)}
                {...picked(row)}
                {...rowProps?.(row)}
              >
                {columns.map((c) => {
                  const Cell = c.rowHeader ? Table.Th : Table.Td;
                  return (
                    <Cell
                      key={c.key}
                      scope={c.rowHeader ? 'row' : undefined}
                      fw={c.rowHeader ? 500 : undefined}
                      style={c.numeric ? { whiteSpace: 'nowrap' } : undefined}
                      {...c.cellProps?.(row)}
                    >
                      {c.cell(row)}
                    </Cell>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {withFooter && rows.length > 0 ? (
            <Table.Tfoot>
              <Table.Tr data-testid={`${testId}-footer`}>
                {columns.map((c, i) => (
                  <Table.Th
                    key={c.key}
                    scope={i === 0 ? 'row' : undefined}
                    style={c.numeric ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {c.footer}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid={`${testId}-empty`}>
          {empty ?? t('common.nothingFound')}
        </Text>
      ) : null}
      {/* Nothing to count or page through: the empty message says it. */}
      {(paging ? paging.total === 0 : rows.length === 0 || pageSize === 'all') ? null : paging ? (
        <Pager
          page={paging.page}
          pageSize={paging.pageSize}
          total={paging.total}
          onChange={paging.onChange}
          testId={`${testId}-pager`}
        />
      ) : (
        <Pager
          page={own.page}
          pageSize={pageSize === 'all' ? rows.length : pageSize}
          total={rows.length}
          onChange={setOwnPage}
          testId={`${testId}-pager`}
        />
      )}
    </>
  );
}
