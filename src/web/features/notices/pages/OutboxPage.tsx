import '../i18n/index.ts';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOutbox, type OutboxStatus } from '../api/get-outbox';

const STATUS_COLOR: Record<OutboxStatus, string> = { pending: 'yellow', sent: 'teal', failed: 'red' };

/** /outbox — messages the notifier has queued or sent (SMS), for the regulator and the Association. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'all' | OutboxStatus>('all');
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ status: status === 'all' ? null : status, page });

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

      <ProblemAlert error={outbox.error} />

      {outbox.data ? (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped withTableBorder data-testid="outbox-table">
              <Table.Caption>{t('notices.outbox.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('notices.outbox.columns.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('notices.outbox.columns.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('notices.outbox.columns.body')}</Table.Th>
                  <Table.Th scope="col">{t('notices.outbox.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('notices.outbox.columns.attempts')}</Table.Th>
                  <Table.Th scope="col">{t('notices.outbox.columns.sentAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((m) => (
                  <Table.Tr key={m.id} data-testid="outbox-row">
                    <Table.Td>
                      <JalaliDate value={m.createdAt} withTime />
                    </Table.Td>
                    <Table.Td>
                      <PersianDigits ltr>{m.recipient}</PersianDigits>
                    </Table.Td>
                    {/* The message exactly as sent: a record, so its digits are not localized. */}
                    <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 420 }} dir="auto">
                      {m.body}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[m.status] ?? 'gray'}>
                        {t(`notices.outbox.status.${m.status}`, { defaultValue: m.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <PersianDigits>{m.attempts}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <JalaliDate value={m.sentAt} withTime />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {outbox.data.items.length === 0 ? <Text>{t('notices.outbox.empty')}</Text> : null}
          <Pager page={outbox.data.page} pageSize={outbox.data.pageSize} total={outbox.data.total} onChange={setPage} />
        </>
      ) : outbox.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
