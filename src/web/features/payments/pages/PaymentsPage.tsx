/** An office's payments for its manager (oversight sees its province or the nation), newest first. */
import '../i18n/index.ts';
import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { PAYMENT_STATUSES, usePayments } from '../api/get-payments';
import type { PaymentStatus } from '../api/get-payment';
import { PaymentStatusBadge } from '../components/PaymentStatusBadge';
import { RefNumber } from '#web/ui/RefNumber.tsx';

export function PaymentsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [status, setStatus] = useState<PaymentStatus | 'all'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const query = usePayments({ status: status === 'all' ? null : status, from: from || null, to: to || null, page });
  const total = query.data?.items.filter((p) => p.status === 'paid').reduce((sum, p) => sum + p.amountRials, 0) ?? 0;
  return (
    <Stack>
      <PageTitle title={t('payments.list.title')} subtitle={t('payments.list.subtitle')} />
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as PaymentStatus | 'all');
            setPage(1);
          }}
          data-testid="payments-status-filter"
          data={[
            { value: 'all', label: t('payments.list.all') },
            ...PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`payments.status.${s}`) })),
          ]}
        />
        <JalaliDateInput
          label={t('payments.list.from')}
          value={from}
          onChange={(v) => {
            setFrom(v);
            setPage(1);
          }}
          data-testid="payments-from"
          w={160}
        />
        <JalaliDateInput
          label={t('payments.list.to')}
          value={to}
          onChange={(v) => {
            setTo(v);
            setPage(1);
          }}
          data-testid="payments-to"
          w={160}
        />
      </Group>
      <ProblemAlert error={query.error} />
      <Table striped withTableBorder data-testid="payments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.fields.receiptNumber')}</Table.Th>
            <Table.Th>{t('payments.fields.status')}</Table.Th>
            <Table.Th>{t('payments.fields.purpose')}</Table.Th>
            <Table.Th>{t('payments.fields.payer')}</Table.Th>
            <Table.Th>{t('payments.fields.office')}</Table.Th>
            <Table.Th>{t('payments.fields.amount')}</Table.Th>
            <Table.Th>{t('payments.fields.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data?.items.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed">{t('payments.list.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {query.data?.items.map((p) => (
            <Table.Tr key={p.id} data-testid={`payment-row-${p.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/payments/${p.id}`}>
                  <RefNumber value={p.receiptNumber} />
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PaymentStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                {p.purpose === 'filing' && p.filingId != null
                  ? t('payments.purpose.filing', { id: digits(p.filingId) })
                  : t('payments.purpose.service')}
              </Table.Td>
              <Table.Td>{p.payer?.name ?? '—'}</Table.Td>
              <Table.Td>{p.office ? p.office.name[lang] : t('payments.fields.online')}</Table.Td>
              <Table.Td>
                <Money rials={p.amountRials} />
              </Table.Td>
              <Table.Td>
                <JalaliDate value={p.createdAt} withTime />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data ? (
        <Group justify="space-between">
          <Text size="sm" data-testid="payments-page-paid">
            {t('payments.list.paidOnPage')}: <Money rials={total} />
          </Text>
          <Pager
            page={page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onChange={setPage}
            testId="payments-pager"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
