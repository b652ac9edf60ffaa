/** A table sorted by a column header click and paged on the client (results are already in memory). */
import { Table, UnstyledButton } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '#web/ui/Pager.tsx';

export interface Column<T> {
  key: string;
  label: string;
  /** What the column sorts by; absent: not sortable. */
  sortValue?: (row: T) => number | string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  initialSort,
  pageSize = 20,
  caption,
  testId,
  minWidth = 800,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  pageSize?: number;
  caption?: string;
  testId: string;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? null);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fa')) * dir;
    });
  }, [rows, columns, sort]);
  const shown = sorted.slice((page - 1) * pageSize, page * pageSize);
  const toggle = (key: string) => {
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'desc' }));
    setPage(1);
  };

  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover withTableBorder data-testid={testId}>
          {caption ? <Table.Caption>{caption}</Table.Caption> : null}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th
                  key={c.key}
                  scope="col"
                  aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortValue ? (
                    <UnstyledButton
                      onClick={() => toggle(c.key)}
                      fw={700}
                      fz="sm"
                      data-testid={`${testId}-sort-${c.key}`}
                      aria-label={t('simulator.table.sortBy', { column: c.label })}
                    >
                      {c.label} {sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </UnstyledButton>
                  ) : (
                    c.label
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={rowKey(row)} data-testid={`${testId}-row`}>
                {columns.map((c) => (
                  <Table.Td key={c.key} style={c.numeric ? { whiteSpace: 'nowrap' } : undefined}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={pageSize} total={rows.length} onChange={setPage} testId={`${testId}-pager`} />
    </>
  );
}
