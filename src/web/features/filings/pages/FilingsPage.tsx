/** An office's filings (staff: by status, or found by tracking code, national ID, name or case number) or one's own filings (citizens), newest first. */
import '../i18n/index.ts';
import { Anchor, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { useOnlineFilingServices } from '#web/features/catalog/api/services.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useFilings } from '../api/get-filings';
import type { FilingStatus } from '../api/get-filing';

const STATUSES: (FilingStatus | 'all')[] = ['all', 'draft', 'confirmed', 'paid', 'submitted', 'accepted', 'returned'];

type FilingRow = NonNullable<ReturnType<typeof useFilings>['data']>['items'][number];

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
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const query = useFilings({ status: status === 'all' ? null : status, q, page, mine });
  const online = useOnlineFilingServices();

  const columns: DataColumn<FilingRow>[] = [
    {
      key: 'number',
      header: t('filings.list.number'),
      cell: (f) => (
        <Anchor component={Link} to={`/filings/${f.id}`}>
          {digits(f.id)}
        </Anchor>
      ),
    },
    { key: 'service', header: t('filings.list.service'), cell: (f) => f.service.title[lang] },
    ...(mine
      ? []
      : [{ key: 'applicant', header: t('filings.fields.applicant'), cell: (f: FilingRow) => f.applicant.name }]),
    { key: 'subject', header: t('filings.fields.subject'), cell: (f) => f.subject },
    { key: 'status', header: t('filings.list.status'), cell: (f) => <FilingStatusBadge status={f.status} /> },
    {
      key: 'trackingCode',
      header: t('filings.trackingCode'),
      cell: (f) => (f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'),
    },
    {
      key: 'total',
      header: t('filings.quote.total'),
      numeric: true,
      cell: (f) => (f.totalRials != null ? <Money rials={f.totalRials} /> : '—'),
    },
    { key: 'createdAt', header: t('filings.fields.createdAt'), cell: (f) => <JalaliDate value={f.createdAt} /> },
  ];

  return (
    <Stack>
      <PageTitle
        title={mine ? t('filings.list.mine') : t('filings.list.title')}
        actions={
          mine ? (
            // A citizen starts on the service they mean: one button per service offered online.
            <Group gap="xs" wrap="wrap">
              {online.data?.map((s) => (
                <Button
                  key={s.code}
                  component={Link}
                  to={`/filings/new?service=${encodeURIComponent(s.code)}`}
                  data-testid={`filings-new-${s.code}`}
                >
                  {s.title[lang]}
                </Button>
              ))}
            </Group>
          ) : (
            <Button component={Link} to="/filings/new" data-testid="filings-new">
              {t('filings.list.new')}
            </Button>
          )
        }
      />
      {!mine ? (
        <Group align="flex-end" role="search" aria-label={t('filings.list.searchLabel')} wrap="wrap">
          <TextInput
            label={t('filings.list.search')}
            placeholder={t('filings.list.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={{ base: '100%', sm: 320 }}
            data-testid="filings-search"
          />
          <Select
            label={t('filings.list.status')}
            value={status}
            allowDeselect={false}
            onChange={(v) => {
              setStatus((v ?? 'all') as FilingStatus | 'all');
              setPage(1);
            }}
            w={{ base: '100%', sm: 240 }}
            data-testid="filings-status-filter"
            data={STATUSES.map((s) => ({
              value: s,
              label: s === 'all' ? t('filings.list.all') : t(`filingStatus.${s}`),
            }))}
          />
        </Group>
      ) : null}
      <DataTable
        testId="filings-table"
        label={mine ? t('filings.list.mine') : t('filings.list.title')}
        columns={columns}
        rowKey={(f) => f.id}
        rows={query.data?.items}
        isPending={query.isPending}
        isFetching={query.isFetching}
        error={query.error}
        empty={t('filings.list.empty')}
        rowProps={(f) => ({ 'data-testid': `filing-row-${f.id}` })}
        paging={
          query.data ? { page, pageSize: query.data.pageSize, total: query.data.total, onChange: setPage } : undefined
        }
      />
    </Stack>
  );
}
