import '../i18n/index.ts';
import { Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallResult } from '#web/app/api-client.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useQueue } from '../api/get-queue';

type QueueItem = CallResult<'court.queue'>['items'][number];

/** /court — the clerk's queue: submitted filings of their court, oldest submission first. */
export function CourtQueuePage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const [page, setPage] = useState(1);
  const queue = useQueue(page);
  const columns: DataColumn<QueueItem>[] = [
    {
      key: 'trackingCode',
      header: t('court.fields.trackingCode'),
      rowHeader: true,
      cell: (f) => (f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'),
      csv: (f) => f.trackingCode,
    },
    {
      key: 'service',
      header: t('court.fields.service'),
      cell: (f) => t(`court.services.${f.serviceCode}`, { defaultValue: f.serviceCode }),
    },
    { key: 'subject', header: t('court.fields.subject'), cell: (f) => f.subject },
    { key: 'court', header: t('court.fields.court'), cell: (f) => text(f.court.name) },
    {
      key: 'parties',
      header: t('court.fields.parties'),
      numeric: true,
      cell: (f) => <PersianDigits>{f.partyCount}</PersianDigits>,
    },
    {
      key: 'submittedAt',
      header: t('court.fields.submittedAt'),
      cell: (f) => <JalaliDate value={f.submittedAt} withTime />,
    },
    {
      key: 'action',
      header: t('court.queue.action'),
      cell: (f) => (
        <Anchor component={Link} to={`/court/filings/${f.id}`} data-testid={`court-review-${f.id}`}>
          {t('court.queue.review')}
        </Anchor>
      ),
    },
  ];

  return (
    <Stack>
      <PageTitle title={t('court.queue.title')} subtitle={t('court.queue.subtitle')} />
      <DataTable
        testId="court-queue"
        caption={t('court.queue.caption')}
        columns={columns}
        rowKey={(f) => f.id}
        rows={queue.data?.items}
        isPending={queue.isPending}
        isFetching={queue.isFetching}
        error={queue.error}
        paging={
          queue.data ? { page, pageSize: queue.data.pageSize, total: queue.data.total, onChange: setPage } : undefined
        }
        empty={t('court.queue.empty')}
        minWidth={760}
      />
    </Stack>
  );
}
