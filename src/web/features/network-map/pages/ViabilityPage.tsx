/** /network/viability — each office's demand, revenue and break-even, and its viability. */
import '../i18n/index.ts';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useAuth } from '#web/app/auth.tsx';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { viabilityQueryOptions, type OfficeViability } from '../api/network';
import { useFigureFormat } from '../components/ProvincePanel';

const STATUS_COLOURS = { viable: 'green.9', marginal: 'yellow', below: 'red.9' } as const;
const STATUS_ORDER = { below: 0, marginal: 1, viable: 2 } as const;

export function StatusBadge({ status }: { status: OfficeViability['viability'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" autoContrast data-testid={`status-${status}`}>
      {t(`networkMap.viability.status.${status}`)}
    </Badge>
  );
}

/** An office's monthly demand against the volume it needs to break even. */
function DemandChart({ office }: { office: OfficeViability }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      // Two bars need no entrance: drawn at once, the chart reads the same in print and in screenshots.
      animation: false,
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: [t('networkMap.viability.chartDemand'), t('networkMap.viability.chartBreakEven')],
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          barWidth: '40%',
          data: [
            { value: office.demandMonthly, itemStyle: { color: office.viability === 'below' ? '#e03131' : '#2f9e44' } },
            { value: office.breakEvenVolume, itemStyle: { color: '#868e96' } },
          ],
        },
      ],
    }),
    [office, t],
  );
  return <Chart option={option} height={260} testId="viability-chart" />;
}

export function ViabilityPage() {
  const { t } = useTranslation();
  const { lang, text } = useDigits();
  const f = useFigureFormat();
  const { user } = useAuth();
  const officeOnly = (user?.roles ?? []).every((g) => g.scope.kind === 'office');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const query = useQuery(viabilityQueryOptions(provinceId));
  // By office number first: offices of the same standing keep that order whichever column sorts.
  const items = useMemo(
    () => (query.data ? [...query.data.items].sort((a, b) => a.code.localeCompare(b.code)) : undefined),
    [query.data],
  );
  const columns: DataColumn<OfficeViability>[] = [
    {
      key: 'office',
      header: t('networkMap.viability.columns.office'),
      cell: (o) => (
        <Group gap={6} wrap="nowrap">
          <PersianDigits ltr>{o.code}</PersianDigits>
          <Text size="sm" c="dimmed" lineClamp={1}>
            {text(o.name).split('—').pop()?.trim()}
          </Text>
        </Group>
      ),
      sortValue: (o) => o.code,
      csv: (o) => `${o.code} ${text(o.name)}`,
    },
    {
      key: 'demand',
      header: t('networkMap.viability.columns.demand'),
      cell: (o) => f.decimal(o.demandMonthly, 0),
      sortValue: (o) => o.demandMonthly,
      csv: (o) => Math.round(o.demandMonthly),
      numeric: true,
    },
    {
      key: 'revenue',
      header: t('networkMap.viability.columns.revenue'),
      cell: (o) => <Money rials={o.revenueMonthlyRials} />,
      sortValue: (o) => o.revenueMonthlyRials,
      numeric: true,
    },
    {
      key: 'cost',
      header: t('networkMap.viability.columns.cost'),
      cell: (o) => <Money rials={o.costMonthlyRials} />,
      sortValue: (o) => o.costMonthlyRials,
      numeric: true,
    },
    {
      key: 'breakEven',
      header: t('networkMap.viability.columns.breakEven'),
      cell: (o) => f.count(o.breakEvenVolume),
      sortValue: (o) => o.breakEvenVolume,
      numeric: true,
    },
    {
      key: 'status',
      header: t('networkMap.viability.columns.status'),
      cell: (o) => <StatusBadge status={o.viability} />,
      sortValue: (o) => STATUS_ORDER[o.viability],
      csv: (o) => t(`networkMap.viability.status.${o.viability}`),
    },
  ];
  const period = query.data?.period;
  const below = (items ?? []).filter((o) => o.viability === 'below').length;
  return (
    <Stack>
      <PageTitle title={t('nav.viability')} />
      {period ? (
        <Text size="sm" c="dimmed">
          {t('networkMap.viability.intro', {
            from: formatJalaliMonth(period.fromMonth, lang),
            to: formatJalaliMonth(period.toMonth, lang),
          })}
        </Text>
      ) : null}
      {!officeOnly ? (
        <ProvinceSelect value={provinceId} onChange={setProvinceId} w={280} data-testid="viability-province" />
      ) : null}
      {query.data ? (
        <Text size="sm" data-testid="viability-summary">
          {t('networkMap.viability.summary', { below: f.count(below), total: f.count(items?.length ?? 0) })}
        </Text>
      ) : null}
      {officeOnly && items?.length === 1 ? (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('networkMap.viability.chartTitle')}
          </Text>
          <DemandChart office={items[0]} />
        </Card>
      ) : null}
      <DataTable
        testId="viability-table"
        columns={columns}
        rowKey={(o) => o.officeId}
        rows={items}
        isPending={query.isPending}
        isFetching={query.isFetching}
        error={query.error}
        sort={{ key: 'status', dir: 'asc' }}
        empty={t('networkMap.viability.empty')}
        minWidth={800}
        csvFileName="office-viability.csv"
        rowProps={(o) => ({ 'data-testid': `viability-row-${o.code}` })}
      />
    </Stack>
  );
}
