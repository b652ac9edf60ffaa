import '../i18n/index.ts';
import { Badge, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits } from '#web/ui/PersianDigits.tsx';
import { type OutboxMessage, useOutbox, type OutboxStatus } from '../api/get-outbox';

const STATUS_COLOR: Record<OutboxStatus, string> = { pending: 'yellow', sent: 'teal', failed: 'red' };

/** /outbox — messages the notifier has queued or sent (SMS), for the regulator and the Association. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'all' | OutboxStatus>('all');
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ status: status === 'all' ? null : status, page });

  const columns: DataColumn<OutboxMessage>[] = [
    {
      key: 'createdAt',
      header: t('notices.outbox.columns.createdAt'),
      cell: (m) => <JalaliDate value={m.createdAt} withTime />,
      csv: (m) => m.createdAt,
      numeric: true,
    },
    {
      key: 'recipient',
      header: t('notices.outbox.columns.recipient'),
      cell: (m) => <PersianDigits ltr>{m.recipient}</PersianDigits>,
      csv: (m) => m.recipient,
    },
    {
      key: 'body',
      header: t('notices.outbox.columns.body'),
      // The message exactly as sent (one-time codes masked by the server): a record, so its digits are not localized.
      cell: (m) => m.body,
      cellProps: () => ({
        style: { whiteSpace: 'pre-wrap', maxWidth: 420 },
        dir: 'auto',
        'data-testid': 'outbox-body',
      }),
      csv: (m) => m.body,
    },
    {
      key: 'status',
      header: t('notices.outbox.columns.status'),
      cell: (m) => (
        <Badge variant="light" color={STATUS_COLOR[m.status] ?? 'gray'}>
          {t(`notices.outbox.status.${m.status}`, { defaultValue: m.status })}
        </Badge>
      ),
      csv: (m) => m.status,
    },
    {
      key: 'attempts',
      header: t('notices.outbox.columns.attempts'),
      cell: (m) => <PersianDigits>{m.attempts}</PersianDigits>,
      csv: (m) => m.attempts,
      numeric: true,
    },
    {
      key: 'sentAt',
      header: t('notices.outbox.columns.sentAt'),
      cell: (m) => <JalaliDate value={m.sentAt} withTime />,
      csv: (m) => m.sentAt ?? '',
      numeric: true,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('notices.outbox.title')}
        subtitle={t('notices.outbox.subtitle')}
        actions={
          <Button
            variant="default"
            onClick={() => void outbox.refetch()}
            loading={outbox.isFetching}
            data-testid="outbox-refresh"
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <Group>
        <SegmentedControl
          aria-label={t('notices.outbox.statusFilter')}
          value={status}
          onChange={(v) => {
            setStatus(v as 'all' | OutboxStatus);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('notices.outbox.status.all') },
            { value: 'pending', label: t('notices.outbox.status.pending') },
            { value: 'sent', label: t('notices.outbox.status.sent') },
            { value: 'failed', label: t('notices.outbox.status.failed') },
          ]}
          data-testid="outbox-status"
        />
      </Group>

      <DataTable
        testId="outbox-table"
        caption={t('notices.outbox.caption')}
        columns={columns}
        rowKey={(m) => m.id}
        rows={outbox.data?.items}
        isPending={outbox.isPending}
        isFetching={outbox.isFetching}
        error={outbox.error}
        paging={outbox.data ? { ...outbox.data, onChange: setPage } : undefined}
        empty={t('notices.outbox.empty')}
        csvFileName="sms-outbox.csv"
        minWidth={800}
        rowProps={() => ({ 'data-testid': 'outbox-row' })}
      />
    </Stack>
  );
}
