/** The saved runs within the reader's scope, newest first; opening one shows its result as computed. */
import { Button, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type SavedRun, useSavedRuns } from '../api/simulator';
import { FromTo } from '#web/ui/Direction.tsx';
import { fromToText } from '#web/ui/reading-direction.ts';

const PAGE_SIZE = 10;

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [page, setPage] = useState(1);
  const runs = useSavedRuns(page, PAGE_SIZE);
  const period = (r: SavedRun) => `${formatJalaliMonth(r.fromMonth, lang)} – ${formatJalaliMonth(r.toMonth, lang)}`;
  const columns: DataColumn<SavedRun>[] = [
    {
      key: 'when',
      header: t('simulator.saved.when'),
      cell: (r) => <JalaliDate value={r.createdAt} withTime />,
      csv: (r) => r.createdAt,
      numeric: true,
    },
    {
      key: 'schedule',
      header: t('simulator.saved.schedule'),
      cell: (r) => <FromTo from={digits(r.scheduleCode)} to={digits(r.baselineCode)} />,
      csv: (r) => fromToText(r.scheduleCode, r.baselineCode, lang),
    },
    {
      key: 'period',
      header: t('simulator.saved.period'),
      cell: (r) => digits(period(r)),
      csv: (r) => `${r.fromMonth} – ${r.toMonth}`,
    },
    {
      key: 'costChange',
      header: t('simulator.saved.costChange'),
      cell: (r) => <Money rials={r.citizenCostChangeRials} />,
      csv: (r) => r.citizenCostChangeRials,
      numeric: true,
    },
    {
      key: 'revenueChange',
      header: t('simulator.saved.revenueChange'),
      cell: (r) => <Money rials={r.officeRevenueChangeRials} />,
      csv: (r) => r.officeRevenueChangeRials,
      numeric: true,
    },
    {
      key: 'below',
      header: t('simulator.saved.below'),
      cell: (r) => <FromTo from={digits(r.belowBreakEvenBefore)} to={digits(r.belowBreakEvenAfter)} />,
      csv: (r) => fromToText(r.belowBreakEvenBefore, r.belowBreakEvenAfter, lang),
    },
    { key: 'by', header: t('simulator.saved.by'), cell: (r) => r.createdBy, csv: (r) => r.createdBy },
    {
      key: 'open',
      header: t('simulator.saved.open'),
      hideHeader: true,
      cell: (r) => (
        <Button
          size="compact-sm"
          variant={r.id === openId ? 'filled' : 'light'}
          onClick={() => onOpen(r.id)}
          data-testid="saved-run-open"
        >
          {t('simulator.saved.open')}
        </Button>
      ),
    },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="saved-runs-title">
      <Title order={2} size="h4" id="saved-runs-title" mb="sm">
        {t('simulator.saved.title')}
      </Title>
      <DataTable
        testId="saved-runs"
        label={t('simulator.saved.title')}
        columns={columns}
        rowKey={(r) => r.id}
        rows={runs.data?.items}
        isPending={runs.isPending}
        isFetching={runs.isFetching}
        error={runs.error}
        paging={runs.data ? { page, pageSize: PAGE_SIZE, total: runs.data.total, onChange: setPage } : undefined}
        empty={t('simulator.saved.none')}
        minWidth={860}
        csvFileName="saved-simulations.csv"
        rowProps={(r) => ({ 'data-testid': 'saved-run', 'aria-current': r.id === openId ? 'true' : undefined })}
      />
    </Paper>
  );
}
