/** An office's payments for its manager (oversight sees its province or the nation), newest first. */
import '../i18n/index.ts';
import { Anchor, Group, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable, type SortState } from '#web/ui/DataTable.tsx';
import { sortParam } from '#web/ui/data-table-rows.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { PAYMENT_STATUSES, type PaymentListItem, usePayments } from '../api/get-payments';
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
  // The server sorts the whole list (the newest first until a header is clicked).
  const [sort, setSort] = useState<SortState | null>(null);
  const query = usePayments({
    status: status === 'all' ? null : status,
    from: from || null,
    to: to || null,
    sort: sortParam(sort),
    page,
  });
  const total = query.data?.items.filter((p) => p.status === 'paid').reduce((sum, p) => sum + p.amountRials, 0) ?? 0;
  const purpose = (p: PaymentListItem) =>
    p.purpose === 'filing' && p.filingId != null
      ? t('payments.purpose.filing', { id: digits(p.filingId) })
      : t('payments.purpose.service');
  const office = (p: PaymentListItem) => (p.office ? p.office.name[lang] : t('payments.fields.online'));
  const columns: DataColumn<PaymentListItem>[] = [
    {
      key: 'receiptNumber',
      header: t('payments.fields.receiptNumber'),
      cell: (p) => (
        <Anchor component={Link} to={`/payments/${p.id}`}>
          <RefNumber value={p.receiptNumber} />
        </Anchor>
      ),
      sortValue: (p) => p.receiptNumber,
    },
    {
      key: 'status',
      header: t('payments.fields.status'),
      cell: (p) => <PaymentStatusBadge status={p.status} />,
      sortValue: (p) => t(`payments.status.${p.status}`),
    },
    {
      key: 'purpose',
      header: t('payments.fields.purpose'),
      cell: purpose,
      csv: (p) =>
        p.purpose === 'filing' && p.filingId != null
          ? t('payments.purpose.filing', { id: p.filingId })
          : t('payments.purpose.service'),
    },
    {
      key: 'payer',
      header: t('payments.fields.payer'),
      cell: (p) => p.payer?.name ?? '—',
      sortValue: (p) => p.payer?.name ?? null,
    },
    { key: 'office', header: t('payments.fields.office'), cell: office, sortValue: office },
    {
      key: 'amount',
      header: t('payments.fields.amount'),
      cell: (p) => <Money rials={p.amountRials} />,
      sortValue: (p) => p.amountRials,
      numeric: true,
    },
    {
      key: 'createdAt',
      header: t('payments.fields.createdAt'),
      cell: (p) => <JalaliDate value={p.createdAt} withTime />,
      sortValue: (p) => p.createdAt,
      numeric: true,
    },
  ];

  return (
    <Stack>
      <PageTitle title={t('payments.list.title')} subtitle={t('payments.list.subtitle')} />
      <Group align="flex-end" wrap="wrap">
        {/* Six statuses are wider than a phone: the choice scrolls sideways there, not the page. */}
        <ScrollArea type="auto" scrollbars="x" offsetScrollbars maw="100%">
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
        </ScrollArea>
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
      <DataTable
        testId="payments-table"
        label={t('payments.list.title')}
        columns={columns}
        rowKey={(p) => p.id}
        rows={query.data?.items}
        isPending={query.isPending}
        isFetching={query.isFetching}
        error={query.error}
        paging={query.data ? { ...query.data, onChange: setPage } : undefined}
        sort={sort}
        onSortChange={setSort}
        empty={t('payments.list.empty')}
        csvFileName="payments.csv"
        minWidth={900}
        rowProps={(p) => ({ 'data-testid': `payment-row-${p.id}` })}
      />
      {query.data && query.data.items.length > 0 ? (
        <Text size="sm" data-testid="payments-page-paid">
          {t('payments.list.paidOnPage')}: <Money rials={total} />
        </Text>
      ) : null}
    </Stack>
  );
}
