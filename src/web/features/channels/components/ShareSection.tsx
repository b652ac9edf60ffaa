/**
 * Channel share over time: filters (service, province, months), a chart of office and online
 * records per month with the online share, and the figures per month and per province.
 */
import { Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onlineSharePercent } from '#core/channel-share';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import type { CurrentUser } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import type { ChannelPolicy } from '../api/channel-policies';
import { type ChannelShare, useChannelShare } from '../api/channel-share';
import { statsScope } from './channel-access';
import { formatPercent, monthTotals } from './share-totals';

interface MonthRow {
  month: string;
  office: number;
  online: number;
  share: number | null;
}
type ProvinceShare = ChannelShare['byProvince'][number];

const ShareChart = lazy(async () => ({ default: (await import('./ShareChart')).ShareChart }));

/** Months people can pick: the last three years up to this month, newest first. */
function monthOptions(thisMonth: string, lang: 'fa' | 'en') {
  return Array.from({ length: 36 }, (_, i) => addJalaliMonths(thisMonth, -i)).map((m) => ({
    value: m,
    label: formatJalaliMonth(m, lang),
  }));
}

export function ShareSection({ user, services }: { user: CurrentUser | null; services: ChannelPolicy[] }) {
  const { t } = useTranslation();
  const { lang, count, text } = useDigits();
  const scope = statsScope(user);
  const thisMonth = useMemo(() => jalaliMonthOfIso(tehranIsoDate()), []);
  const [fromMonth, setFromMonth] = useState(() => addJalaliMonths(thisMonth, -11));
  const [toMonth, setToMonth] = useState(thisMonth);
  const [service, setService] = useState<string | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const share = useChannelShare({ fromMonth, toMonth, service, provinceId: provinceId ? Number(provinceId) : null });
  const months = monthOptions(thisMonth, lang);
  const percent = (value: number | null) => (value == null ? '—' : formatPercent(value, lang));
  const fieldErrors = fieldErrorsOf(share.error, lang);

  const totals = share.data ? monthTotals(share.data) : null;
  const provinces = (share.data?.byProvince ?? []).filter((p) => p.office + p.online > 0);
  const sum = totals
    ? { office: totals.office.reduce((a, b) => a + b, 0), online: totals.online.reduce((a, b) => a + b, 0) }
    : null;
  const byMonth: MonthRow[] = (totals?.months ?? []).map((month, i) => ({
    month,
    office: totals?.office[i] ?? 0,
    online: totals?.online[i] ?? 0,
    share: totals?.onlineSharePercent[i] ?? null,
  }));
  /** Office, online and share columns; with the sums, the closing row adds them up. */
  const figures = <R extends { office: number; online: number }>(
    share: (r: R) => number | null,
    sums?: { office: number; online: number },
  ): DataColumn<R>[] => [
    {
      key: 'office',
      header: t('channels.share.office'),
      cell: (r) => count(r.office),
      sortValue: (r) => r.office,
      numeric: true,
      footer: sums ? count(sums.office) : undefined,
    },
    {
      key: 'online',
      header: t('channels.share.online'),
      cell: (r) => count(r.online),
      sortValue: (r) => r.online,
      numeric: true,
      footer: sums ? count(sums.online) : undefined,
    },
    {
      key: 'share',
      header: t('channels.share.onlineShare'),
      cell: (r) => percent(share(r)),
      sortValue: share,
      csv: (r) => {
        const value = share(r);
        return value == null ? null : Math.round(value * 10) / 10;
      },
      numeric: true,
      footer: sums ? percent(onlineSharePercent(sums.office, sums.online)) : undefined,
    },
  ];
  const monthColumns: DataColumn<MonthRow>[] = [
    {
      key: 'month',
      header: t('channels.share.month'),
      cell: (m) => formatJalaliMonth(m.month, lang),
      sortValue: (m) => m.month,
      rowHeader: true,
    },
    ...figures<MonthRow>((m) => m.share),
  ];
  const provinceColumns: DataColumn<ProvinceShare>[] = [
    {
      key: 'province',
      header: t('channels.share.province'),
      cell: (p) => text(p.name),
      sortValue: (p) => text(p.name),
      rowHeader: true,
      footer: sum ? t('channels.share.total') : undefined,
    },
    ...figures<ProvinceShare>((p) => p.onlineSharePercent, sum ?? undefined),
  ];

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('channels.share.title')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            label={t('channels.share.service')}
            placeholder={t('channels.share.allServices')}
            clearable
            searchable
            data={services.map((s) => ({ value: s.code, label: lang === 'fa' ? s.titleFa : s.titleEn }))}
            value={service}
            onChange={setService}
            error={fieldErrors.service}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-service"
          />
          {scope.national ? (
            <ProvinceSelect
              value={provinceId}
              onChange={setProvinceId}
              error={fieldErrors.provinceId}
              data-testid="share-province"
            />
          ) : scope.provinces.length > 1 ? (
            <Select
              label={t('channels.share.province')}
              clearable
              data={scope.provinces.map((p) => ({ value: String(p.id), label: text(p.label) }))}
              value={provinceId}
              onChange={setProvinceId}
              comboboxProps={{ withinPortal: true }}
              data-testid="share-province"
            />
          ) : (
            <Text size="sm" mt="lg" data-testid="share-own-province">
              {t('channels.share.ownProvince', { province: text(scope.provinces[0]?.label) })}
            </Text>
          )}
          <Select
            label={t('channels.share.fromMonth')}
            data={months}
            value={fromMonth}
            onChange={(v) => v && setFromMonth(v)}
            allowDeselect={false}
            error={fieldErrors.fromMonth}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-from"
          />
          <Select
            label={t('channels.share.toMonth')}
            data={months}
            value={toMonth}
            onChange={(v) => v && setToMonth(v)}
            allowDeselect={false}
            error={fieldErrors.toMonth}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-to"
          />
        </SimpleGrid>
        <ProblemAlert error={share.error} shownFields={['service', 'provinceId', 'fromMonth', 'toMonth']} />

        {totals && sum ? (
          <>
            {sum.office + sum.online === 0 ? (
              <Text c="dimmed" data-testid="share-empty">
                {t('channels.share.noVolume')}
              </Text>
            ) : null}
            <Suspense fallback={<Text c="dimmed">{t('common.loading')}</Text>}>
              <ShareChart totals={totals} />
            </Suspense>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('channels.share.byMonth')}
                </Title>
                <DataTable
                  testId="share-month-table"
                  label={t('channels.share.byMonth')}
                  columns={monthColumns}
                  rowKey={(m) => m.month}
                  rows={byMonth}
                  isFetching={share.isFetching}
                  pageSize="all"
                  minWidth={420}
                  csvFileName={`channel-share-months-${fromMonth}-${toMonth}.csv`}
                  rowProps={(m) => ({ 'data-testid': 'share-month-row', 'data-month': m.month })}
                />
              </Stack>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('channels.share.byProvince')}
                </Title>
                <DataTable
                  testId="share-province-table"
                  caption={t('channels.share.provinceCaption')}
                  columns={provinceColumns}
                  rowKey={(p) => p.provinceId}
                  rows={provinces}
                  isFetching={share.isFetching}
                  sort={{ key: 'share', dir: 'desc' }}
                  pageSize="all"
                  minWidth={420}
                  csvFileName={`channel-share-provinces-${fromMonth}-${toMonth}.csv`}
                  rowProps={(p) => ({ 'data-testid': 'share-province-row', 'data-province': p.provinceId })}
                />
              </Stack>
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
