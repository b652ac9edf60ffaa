/**
 * /statistics — services at one place of the drill-down (nation → province → county → office),
 * its figures beside a chart, and the places one level down; the place and the filters live in
 * the address, so a shared link opens the same view and the back button goes back up.
 */
import '../i18n/index.ts';
import {
  Anchor,
  Breadcrumbs,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type ServicesDashboard, useServicesDashboard } from '../api/get-services';
import { AnnualReportsSection } from '../components/AnnualReportsSection';
import { BoardReportsSection } from '../components/BoardReportsSection';
import { FilingsSection } from '../components/FilingsSection';
import { KpiSection } from '../components/KpiSection';
import { NoticesSection } from '../components/NoticesSection';
import { placeSearch, viewOf, withFilter } from '../components/view-params';

const MonthsChart = lazy(async () => ({ default: (await import('../components/MonthsChart')).MonthsChart }));

type Child = ServicesDashboard['children'][number];
type ByService = ServicesDashboard['byService'][number];
type ByMonth = ServicesDashboard['byMonth'][number];

export function StatisticsPage() {
  const { t } = useTranslation();
  const { lang, count, text } = useDigits();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewOf(params), [params]);
  const dashboard = useServicesDashboard(view);
  const services = useCatalogServices();
  const data = dashboard.data;
  const fieldErrors = fieldErrorsOf(dashboard.error, lang);
  // The board's reports hold every province's figures: national oversight only (as the API decides).
  const { user } = useAuth();
  const nationalGrants = (user?.roles ?? []).filter(
    (g) => g.scope.kind === 'nation' && (g.role === 'association_admin' || g.role === 'regulator_admin'),
  );

  const thisMonth = useMemo(() => jalaliMonthOfIso(tehranIsoDate()), []);
  const monthOptions = useMemo(
    () =>
      Array.from({ length: 36 }, (_, i) => addJalaliMonths(thisMonth, -i)).map((m) => ({
        value: m,
        label: formatJalaliMonth(m, lang),
      })),
    [thisMonth, lang],
  );
  const percent = (value: number | null) =>
    value == null
      ? '—'
      : `${new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(value)}${lang === 'fa' ? '٪' : '%'}`;
  const signed = (value: number | null) => (value != null && value > 0 ? `+${percent(value)}` : percent(value));
  const setFilter = (key: Parameters<typeof withFilter>[1], value: string | null) =>
    setParams(withFilter(params, key, value));

  /** Office, online, amount, the year before and the change: the figures every table shows. */
  const figures = <
    R extends {
      office: number;
      online: number;
      amountRials: number;
      previousRecords: number;
      changePercent: number | null;
    },
  >(): DataColumn<R>[] => [
    {
      key: 'office',
      header: t('stats.services.office'),
      cell: (r) => count(r.office),
      sortValue: (r) => r.office,
      numeric: true,
    },
    {
      key: 'online',
      header: t('stats.services.online'),
      cell: (r) => count(r.online),
      sortValue: (r) => r.online,
      numeric: true,
    },
    {
      key: 'amount',
      header: t('stats.services.amount'),
      cell: (r) => <Money rials={r.amountRials} />,
      sortValue: (r) => r.amountRials,
      numeric: true,
    },
    {
      key: 'previous',
      header: t('stats.services.yearBefore'),
      cell: (r) => count(r.previousRecords),
      sortValue: (r) => r.previousRecords,
      numeric: true,
    },
    {
      key: 'change',
      header: t('stats.services.change'),
      cell: (r) => signed(r.changePercent),
      sortValue: (r) => r.changePercent,
      numeric: true,
    },
  ];

  const childColumns: DataColumn<Child>[] = [
    {
      key: 'name',
      header: t('stats.services.name'),
      cell: (c) =>
        data?.childLevel ? (
          <Anchor component={Link} to={placeSearch(params, data.childLevel, c.id)} data-testid={`drill-${c.id}`}>
            {text(c.name)}
          </Anchor>
        ) : (
          text(c.name)
        ),
      sortValue: (c) => text(c.name),
      rowHeader: true,
    },
    ...figures<Child>(),
    {
      key: 'takeUp',
      header: t('stats.services.takeUp'),
      cell: (c) => percent(c.digitalTakeUpPercent),
      sortValue: (c) => c.digitalTakeUpPercent,
      numeric: true,
    },
  ];
  const serviceColumns: DataColumn<ByService>[] = [
    {
      key: 'service',
      header: t('stats.services.service'),
      cell: (s) => (lang === 'fa' ? s.titleFa : s.titleEn),
      sortValue: (s) => (lang === 'fa' ? s.titleFa : s.titleEn),
      rowHeader: true,
    },
    ...figures<ByService>(),
  ];
  const monthColumns: DataColumn<ByMonth>[] = [
    {
      key: 'month',
      header: t('stats.services.month'),
      // The running month is counted up to today: said so beside its name, so a short bar is not read as a fall.
      cell: (m) =>
        m.month === thisMonth ? (
          <>
            {formatJalaliMonth(m.month, lang)}{' '}
            <Text span size="xs" c="dimmed" data-testid="month-so-far">
              ({t('stats.services.soFar')})
            </Text>
          </>
        ) : (
          formatJalaliMonth(m.month, lang)
        ),
      sortValue: (m) => m.month,
      rowHeader: true,
    },
    ...figures<ByMonth>(),
  ];

  const totals = data?.totals;
  const cards: { key: string; value: ReactNode; note?: string }[] = totals
    ? [
        {
          key: 'records',
          value: count(totals.records),
          note: t('stats.services.vsYearBefore', { value: count(totals.previousRecords) }),
        },
        { key: 'office', value: count(totals.office) },
        {
          key: 'online',
          value: count(totals.online),
          note: `${t('stats.services.takeUp')}: ${percent(totals.digitalTakeUpPercent)}`,
        },
        {
          key: 'amount',
          value: <Money rials={totals.amountRials} />,
          note: `${t('stats.services.change')}: ${signed(totals.changePercent)}`,
        },
      ]
    : [];

  return (
    <Stack>
      <PageTitle title={t('stats.services.title')} subtitle={t('stats.services.subtitle')} />
      {data && (
        <Breadcrumbs separator="›" aria-label={t('stats.services.path')} data-testid="stats-path">
          {data.path.map((p, i) =>
            i === data.path.length - 1 ? (
              <Text key={p.level} component="span" fw={700} data-testid="stats-place">
                {text(p.name)}
              </Text>
            ) : (
              <Anchor
                key={p.level}
                component={Link}
                to={placeSearch(params, p.level, p.id)}
                data-testid={`up-${p.level}`}
              >
                {text(p.name)}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label={t('stats.services.service')}
          placeholder={t('stats.services.allServices')}
          clearable
          searchable
          data={(services.data?.items ?? []).map((s) => ({
            value: s.code,
            label: text(s.title),
          }))}
          value={view.service ?? null}
          onChange={(v) => setFilter('service', v)}
          error={fieldErrors.service}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-service"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('stats.services.channel')}
          </Text>
          <SegmentedControl
            data={[
              { value: 'both', label: t('stats.services.bothChannels') },
              { value: 'office', label: t('stats.services.office') },
              { value: 'online', label: t('stats.services.online') },
            ]}
            value={view.channel ?? 'both'}
            onChange={(v) => setFilter('channel', v === 'both' ? null : v)}
            data-testid="filter-channel"
          />
        </Stack>
        <Select
          label={t('stats.services.fromMonth')}
          data={monthOptions}
          value={view.fromMonth ?? data?.months[0] ?? null}
          onChange={(v) => setFilter('fromMonth', v)}
          allowDeselect={false}
          error={fieldErrors.fromMonth}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-from"
        />
        <Select
          label={t('stats.services.toMonth')}
          data={monthOptions}
          value={view.toMonth ?? data?.months[data.months.length - 1] ?? null}
          onChange={(v) => setFilter('toMonth', v)}
          allowDeselect={false}
          error={fieldErrors.toMonth}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-to"
        />
      </SimpleGrid>
      <ProblemAlert error={dashboard.error} />
      {!dashboard.error && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {cards.map((c) => (
              <Card key={c.key} withBorder padding="md" data-testid={`total-${c.key}`}>
                <Text size="sm" c="dimmed">
                  {t(`stats.services.cards.${c.key}`)}
                </Text>
                <Text fz={26} fw={700} lh={1.4}>
                  {c.value}
                </Text>
                {c.note && (
                  <Text size="xs" c="dimmed">
                    {c.note}
                  </Text>
                )}
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('stats.services.byMonth')}
              </Title>
              {data && (
                <Suspense fallback={<div style={{ height: 340 }} />}>
                  <MonthsChart data={data} runningMonth={thisMonth} />
                </Suspense>
              )}
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {data?.childLevel ? t(`stats.services.children.${data.childLevel}`) : t('stats.services.byMonth')}
              </Title>
              {data?.childLevel ? (
                <Stack gap="xs">
                  <DataTable
                    testId="stats-children"
                    label={t(`stats.services.children.${data.childLevel}`)}
                    columns={childColumns}
                    rowKey={(c) => c.id}
                    rows={data.children}
                    isPending={dashboard.isPending}
                    isFetching={dashboard.isFetching}
                    pageSize={10}
                    sort={{ key: 'office', dir: 'desc' }}
                    csvFileName="statistics-places.csv"
                  />
                  {data.childrenCover === 'office' && (
                    <Text size="xs" c="dimmed">
                      {t('stats.services.officeOnly')}
                    </Text>
                  )}
                </Stack>
              ) : (
                <DataTable
                  testId="stats-months"
                  label={t('stats.services.byMonth')}
                  columns={monthColumns}
                  rowKey={(m) => m.month}
                  rows={data?.byMonth}
                  isPending={dashboard.isPending}
                  pageSize="all"
                />
              )}
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t('stats.services.byService')}
              </Title>
            </Group>
            <DataTable
              testId="stats-services"
              label={t('stats.services.byService')}
              columns={serviceColumns}
              rowKey={(s) => s.service}
              rows={data?.byService.filter((s) => s.office + s.online + s.previousRecords > 0)}
              isPending={dashboard.isPending}
              pageSize={10}
              csvFileName="statistics-services.csv"
            />
          </Card>
          <KpiSection view={view} />
          <FilingsSection view={view} />
          <NoticesSection view={view} />
        </>
      )}
      {nationalGrants.length > 0 && (
        <>
          <BoardReportsSection canMake={nationalGrants.some((g) => g.role === 'regulator_admin')} />
          <AnnualReportsSection canMake={nationalGrants.some((g) => g.role === 'regulator_admin')} />
        </>
      )}
    </Stack>
  );
}
