/**
 * A paged table of saved runs (tariff simulations, siting runs) within the reader's scope, newest
 * first: when it was run and by whom around the feature's own columns, and a button that opens one.
 */
import { Button, Paper, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';

const PAGE_SIZE = 10;

interface SavedRun {
  id: number;
  createdAt: string;
  createdBy: string;
}

export interface SavedRunsTableProps<R extends SavedRun> {
  /** The feature's hook for one page of its runs. */
  useRuns: (page: number, pageSize: number) => UseQueryResult<{ items: R[]; total: number }>;
  /** The feature's own columns, shown between "when" and "by". */
  columns: DataColumn<R>[];
  /** Labels `${labels}.title|when|by|open|none`. */
  labels: 'simulator.saved' | 'siting.saved';
  testIds: { table: string; row: string; open: string };
  csvFileName: string;
  minWidth: number;
  openId: number | null;
  onOpen: (id: number) => void;
}

export function SavedRunsTable<R extends SavedRun>(props: SavedRunsTableProps<R>) {
  const { t } = useTranslation();
  const { labels, testIds, openId, onOpen } = props;
  const [page, setPage] = useState(1);
  const runs = props.useRuns(page, PAGE_SIZE);
  const titleId = `${testIds.table}-title`;
  const columns: DataColumn<R>[] = [
    {
      key: 'when',
      header: t(`${labels}.when`),
      cell: (r) => <JalaliDate value={r.createdAt} withTime />,
      csv: (r) => r.createdAt,
      numeric: true,
    },
    ...props.columns,
    { key: 'by', header: t(`${labels}.by`), cell: (r) => r.createdBy, csv: (r) => r.createdBy },
    {
      key: 'open',
      header: t(`${labels}.open`),
      hideHeader: true,
      cell: (r) => (
        <Button
          size="compact-sm"
          variant={r.id === openId ? 'filled' : 'light'}
          onClick={() => onOpen(r.id)}
          data-testid={testIds.open}
        >
          {t(`${labels}.open`)}
        </Button>
      ),
    },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t(`${labels}.title`)}
      </Title>
      <DataTable
        testId={testIds.table}
        label={t(`${labels}.title`)}
        columns={columns}
        rowKey={(r) => r.id}
        rows={runs.data?.items}
        isPending={runs.isPending}
        isFetching={runs.isFetching}
        error={runs.error}
        paging={runs.data ? { page, pageSize: PAGE_SIZE, total: runs.data.total, onChange: setPage } : undefined}
        empty={t(`${labels}.none`)}
        minWidth={props.minWidth}
        csvFileName={props.csvFileName}
        rowProps={(r) => ({ 'data-testid': testIds.row, 'aria-current': r.id === openId ? 'true' : undefined })}
      />
    </Paper>
  );
}
