import '../i18n/index.ts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useQueue } from '../api/get-queue';
import { RefNumber } from '#web/ui/RefNumber.tsx';

/** /court — the clerk's queue: submitted filings of their court, oldest submission first. */
export function CourtQueuePage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const [page, setPage] = useState(1);
  const queue = useQueue(page);

  return (
    <Stack>
      <PageTitle title={t('court.queue.title')} subtitle={t('court.queue.subtitle')} />
      <ProblemAlert error={queue.error} />
      {queue.data ? (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder data-testid="court-queue">
              <Table.Caption>{t('court.queue.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('court.fields.trackingCode')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.service')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.subject')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.court')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.parties')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.submittedAt')}</Table.Th>
                  <Table.Th scope="col">{t('court.queue.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((f) => (
                  <Table.Tr key={f.id} data-testid="court-queue-row">
                    <Table.Td>{f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'}</Table.Td>
                    <Table.Td>{t(`court.services.${f.serviceCode}`, { defaultValue: f.serviceCode })}</Table.Td>
                    <Table.Td>{f.subject}</Table.Td>
                    <Table.Td>{text(f.court.name)}</Table.Td>
                    <Table.Td>
                      <PersianDigits>{f.partyCount}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <JalaliDate value={f.submittedAt} withTime />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/court/filings/${f.id}`} data-testid={`court-review-${f.id}`}>
                        {t('court.queue.review')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {queue.data.items.length === 0 ? <Text data-testid="court-queue-empty">{t('court.queue.empty')}</Text> : null}
          <Pager page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} onChange={setPage} />
        </>
      ) : queue.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
