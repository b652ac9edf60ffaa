/** An office's filings (staff) or one's own filings (citizens), newest first. */
import '../i18n/index.ts';
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useFilings } from '../api/get-filings';
import type { FilingStatus } from '../api/get-filing';
import { StatusBadge } from '../components/StatusBadge';
import { RefNumber } from '#web/ui/RefNumber.tsx';

const STATUSES: (FilingStatus | 'all')[] = ['all', 'draft', 'confirmed', 'paid', 'submitted', 'accepted', 'returned'];

export function FilingsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const { user } = useAuth();
  const mine = user?.kind === 'citizen';
  // `?status=paid`: the counter's link to the paid filings not yet sent.
  const asked = useSearchParams()[0].get('status');
  const [status, setStatus] = useState<FilingStatus | 'all'>(
    STATUSES.includes(asked as FilingStatus) ? (asked as FilingStatus) : 'all',
  );
  const [page, setPage] = useState(1);
  const query = useFilings({ status: status === 'all' ? null : status, page, mine });
  return (
    <Stack>
      <PageTitle
        title={mine ? t('filings.list.mine') : t('filings.list.title')}
        actions={
          <Button component={Link} to="/filings/new" data-testid="filings-new">
            {t('filings.list.new')}
          </Button>
        }
      />
      {!mine ? (
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as FilingStatus | 'all');
            setPage(1);
          }}
          data-testid="filings-status-filter"
          data={STATUSES.map((s) => ({
            value: s,
            label: s === 'all' ? t('filings.list.all') : t(`filings.status.${s}`),
          }))}
        />
      ) : null}
      <ProblemAlert error={query.error} />
      <Table striped withTableBorder data-testid="filings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('filings.list.number')}</Table.Th>
            <Table.Th>{t('filings.list.service')}</Table.Th>
            <Table.Th>{t('filings.fields.applicant')}</Table.Th>
            <Table.Th>{t('filings.fields.subject')}</Table.Th>
            <Table.Th>{t('filings.list.status')}</Table.Th>
            <Table.Th>{t('filings.trackingCode')}</Table.Th>
            <Table.Th>{t('filings.quote.total')}</Table.Th>
            <Table.Th>{t('filings.fields.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data?.items.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed">{t('filings.list.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {query.data?.items.map((f) => (
            <Table.Tr key={f.id} data-testid={`filing-row-${f.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/filings/${f.id}`}>
                  {digits(f.id)}
                </Anchor>
              </Table.Td>
              <Table.Td>{f.service.title[lang]}</Table.Td>
              <Table.Td>{f.applicant.name}</Table.Td>
              <Table.Td>{f.subject}</Table.Td>
              <Table.Td>
                <StatusBadge status={f.status} />
              </Table.Td>
              <Table.Td>{f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'}</Table.Td>
              <Table.Td>{f.totalRials != null ? <Money rials={f.totalRials} /> : '—'}</Table.Td>
              <Table.Td>
                <JalaliDate value={f.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data ? (
        <Group>
          <Pager
            page={page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onChange={setPage}
            testId="filings-pager"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
