/**
 * The four service KPIs at the place shown — digital take-up, completion rate, cost per
 * transaction, user satisfaction — each with its "great" threshold, a chart by month with the
 * threshold as a reference line, and the places one level down; a KPI without a source says so.
 */
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { meetsTarget, type ServiceKpi } from '#core/service-kpis';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ServicesQuery } from '../api/get-services';
import { type KpisDashboard, useKpisDashboard } from '../api/get-kpis';

const KpiChart = lazy(async () => ({ default: (await import('./KpiChart')).KpiChart }));

type Figures = KpisDashboard['totals'];
type Child = KpisDashboard['children'][number];

const PERCENT_OF: Record<ServiceKpi, keyof Figures> = {
  digitalTakeUp: 'digitalTakeUpPercent',
  completionRate: 'completionRatePercent',
  costPerTransaction: 'costPerTransactionRials',
  userSatisfaction: 'userSatisfactionPercent',
};

export function KpiSection({ view }: { view: ServicesQuery }) {
  const { t } = useTranslation();
  const { lang, digits } = useDigits();
  const kpis = useKpisDashboard(view);
  const data = kpis.data;
  if (kpis.error) return null;
  const percent = (v: unknown) => (typeof v === 'number' ? t('stats.kpis.percent', { value: digits(v) }) : '—');
  const shown = data?.kpis.filter((k) => k.kpi !== 'costPerTransaction') ?? [];
  const columns: DataColumn<Child>[] = [
    { key: 'name', header: t('stats.services.name'), cell: (c) => c.name[lang], rowHeader: true },
    ...shown.map((k) => ({
      key: k.kpi,
      header: t(`stats.kpis.names.${k.kpi}`),
      cell: (c: Child) => percent(c[PERCENT_OF[k.kpi]]),
      numeric: true,
    })),
  ];
  return (
    <Card withBorder data-testid="stats-kpis">
      <Title order={2} size="h4" mb={4}>
        {t('stats.kpis.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('stats.kpis.subtitle')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {data?.kpis.map((k) => {
          const value = data.totals[PERCENT_OF[k.kpi]];
          const meets = meetsTarget(k.kpi, typeof value === 'number' ? value : null);
          return (
            <Stack key={k.kpi} gap={2} data-testid={`kpi-${k.kpi}`}>
              <Text size="sm" c="dimmed">
                {t(`stats.kpis.names.${k.kpi}`)}
              </Text>
              {k.available ? (
                <Group gap="xs" align="baseline">
                  <Text fz={22} fw={700} data-testid={`kpi-${k.kpi}-value`}>
                    {percent(value)}
                  </Text>
                  {meets != null && (
                    <Badge color={meets ? 'teal' : 'orange'} variant="light">
                      {meets ? t('stats.kpis.meets') : t('stats.kpis.below')}
                    </Badge>
                  )}
                </Group>
              ) : (
                <Text fz="sm" fw={600} data-testid={`kpi-${k.kpi}-value`}>
                  {t('stats.kpis.notAvailable')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {k.available
                  ? k.targetPercent == null
                    ? ''
                    : t('stats.kpis.target', { value: digits(k.targetPercent) })
                  : k.note?.[lang]}
              </Text>
              {k.available && k.targetPercent != null && (
                <Suspense fallback={null}>
                  <KpiChart
                    kpi={k.kpi}
                    months={data.months}
                    values={data.byMonth.map((m) => {
                      const v = m[PERCENT_OF[k.kpi]];
                      return typeof v === 'number' ? v : null;
                    })}
                    target={k.targetPercent}
                  />
                </Suspense>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      {data?.childLevel && (
        <DataTable
          testId="stats-kpis-children"
          label={t('stats.kpis.children')}
          columns={columns}
          rowKey={(c) => c.id}
          rows={data.children}
          isPending={kpis.isPending}
          pageSize={10}
          minWidth={420}
        />
      )}
    </Card>
  );
}
