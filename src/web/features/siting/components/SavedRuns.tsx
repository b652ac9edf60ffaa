/** The saved siting runs within the reader's scope, newest first; opening one draws it again. */
import { Button, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type SitingRunListItem, useSavedRuns } from '../api/siting';

const PAGE_SIZE = 10;

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { count, digits, text, lang } = useDigits();
  const [page, setPage] = useState(1);
  const runs = useSavedRuns(page, PAGE_SIZE);
  const pct = (v: number) =>
    digits(new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(v)) +
    (lang === 'fa' ? '٪' : '%');

  const where = (r: SitingRunListItem) => (r.provinceName ? text(r.provinceName) : t('siting.form.wholeCountry'));
  const columns: DataColumn<SitingRunListItem>[] = [
    {
      key: 'when',
      header: t('siting.saved.when'),
      cell: (r) => <JalaliDate value={r.createdAt} withTime />,
      csv: (r) => r.createdAt,
      numeric: true,
    },
    { key: 'where', header: t('siting.saved.where'), cell: where, csv: where },
    {
      key: 'params',
      header: t('siting.saved.params'),
      cell: (r) =>
        t('siting.saved.paramsValue', {
          radius: digits(r.radiusKm),
          k: digits(r.k),
          solver: t(`siting.solver.${r.solver}`),
        }),
      csv: (r) => t('siting.saved.paramsValue', { radius: r.radiusKm, k: r.k, solver: t(`siting.solver.${r.solver}`) }),
    },
    {
      key: 'chosen',
      header: t('siting.saved.chosen'),
      cell: (r) => count(r.chosen),
      csv: (r) => r.chosen,
      numeric: true,
    },
    {
      key: 'gain',
      header: t('siting.saved.gain'),
      cell: (r) => `${count(r.newlyCovered)} (${pct(r.gainPercent)})`,
      csv: (r) => r.newlyCovered,
      numeric: true,
    },
    { key: 'by', header: t('siting.saved.by'), cell: (r) => r.createdBy, csv: (r) => r.createdBy },
    {
      key: 'open',
      header: t('siting.saved.open'),
      hideHeader: true,
      cell: (r) => (
        <Button
          size="compact-sm"
          variant={r.id === openId ? 'filled' : 'light'}
          onClick={() => onOpen(r.id)}
          data-testid="siting-saved-open"
        >
          {t('siting.saved.open')}
        </Button>
      ),
    },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="siting-saved-title">
      <Title order={2} size="h4" id="siting-saved-title" mb="sm">
        {t('siting.saved.title')}
      </Title>
      <DataTable
        testId="siting-saved-runs"
        label={t('siting.saved.title')}
        columns={columns}
        rowKey={(r) => r.id}
        rows={runs.data?.items}
        isPending={runs.isPending}
        isFetching={runs.isFetching}
        error={runs.error}
        paging={runs.data ? { page, pageSize: PAGE_SIZE, total: runs.data.total, onChange: setPage } : undefined}
        empty={t('siting.saved.none')}
        minWidth={760}
        csvFileName="saved-siting-runs.csv"
        rowProps={(r) => ({ 'data-testid': 'siting-saved-run', 'aria-current': r.id === openId ? 'true' : undefined })}
      />
    </Paper>
  );
}
