/**
 * Services per month at the place shown: office and online as stacked bars, the same month a year
 * before as a line. Drawn by the shared chart (loaded only with this page).
 */
import { Box } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import type { ServicesDashboard } from '../api/get-services';

export function MonthsChart({ data }: { data: ServicesDashboard }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 400,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, align: rtl ? 'right' : 'left', itemGap: 24 },
      grid: { left: 56, right: 56, top: 64, bottom: 48 },
      xAxis: {
        type: 'category',
        data: data.byMonth.map((m) => formatJalaliMonth(m.month, lang).replace(' ', '\n')),
        axisLabel: { interval: 0, lineHeight: 16 },
      },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', name: t('stats.services.records') },
      series: [
        {
          name: t('stats.services.office'),
          type: 'bar',
          stack: 'records',
          data: data.byMonth.map((m) => m.office),
          itemStyle: { color: '#228be6' },
        },
        {
          name: t('stats.services.online'),
          type: 'bar',
          stack: 'records',
          data: data.byMonth.map((m) => m.online),
          itemStyle: { color: '#12b886' },
        },
        {
          name: t('stats.services.yearBefore'),
          type: 'line',
          data: data.byMonth.map((m) => m.previousRecords),
          symbolSize: 7,
          itemStyle: { color: '#868e96' },
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [data, lang, rtl, t],
  );
  return (
    <Box role="img" aria-label={t('stats.services.chartLabel')} data-testid="services-chart">
      <Chart option={option} height={340} />
    </Box>
  );
}
