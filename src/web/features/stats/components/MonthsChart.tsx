/**
 * Services per month at the place shown: office and online as stacked bars, the same month a year
 * before as a line. Drawn by the shared chart (loaded only with this page). The month labels are
 * short (the year only where it turns) and turned as the chart's width requires, so that twelve
 * of them never overlap in a half-width card or on a phone.
 */
import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import type { ServicesDashboard } from '../api/get-services';
import { monthAxisBottom, monthAxisLabels, monthLabelRotation } from '#web/ui/month-axis.ts';

/** The chart's grid margins beside the plot (the value axis and its name), pixels. */
const GRID_SIDE = 56;

/** The running month's bars are drawn pale: it is counted up to today, not yet complete. */
const SO_FAR_OPACITY = 0.4;

export function MonthsChart({ data, runningMonth }: { data: ServicesDashboard; runningMonth: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  const { ref, width } = useElementSize();
  const rotate = monthLabelRotation(width - 2 * GRID_SIDE, data.byMonth.length);
  const hasRunning = data.byMonth.some((m) => m.month === runningMonth);
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 400,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, align: rtl ? 'right' : 'left', itemGap: 24 },
      grid: { left: GRID_SIDE, right: GRID_SIDE, top: 64, bottom: monthAxisBottom(rotate) },
      xAxis: {
        type: 'category',
        data: monthAxisLabels(
          data.byMonth.map((m) => m.month),
          lang,
        ),
        // Every month named while there is room; were a label still too long, it is left out rather than drawn over its neighbour.
        axisLabel: { interval: 0, rotate, hideOverlap: true, fontSize: 12 },
      },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', name: t('stats.services.records') },
      series: [
        {
          name: t('stats.services.office'),
          type: 'bar',
          stack: 'records',
          data: data.byMonth.map((m) =>
            m.month === runningMonth ? { value: m.office, itemStyle: { opacity: SO_FAR_OPACITY } } : m.office,
          ),
          itemStyle: { color: '#228be6' },
        },
        {
          name: t('stats.services.online'),
          type: 'bar',
          stack: 'records',
          data: data.byMonth.map((m) =>
            m.month === runningMonth ? { value: m.online, itemStyle: { opacity: SO_FAR_OPACITY } } : m.online,
          ),
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
    [data, lang, rtl, t, rotate, runningMonth],
  );
  return (
    <>
      <Box ref={ref} role="img" aria-label={t('stats.services.chartLabel')} data-testid="services-chart">
        <Chart option={option} height={340} />
      </Box>
      {hasRunning && (
        <Text size="xs" c="dimmed" data-testid="running-month-note">
          {t('stats.services.runningMonth', { month: formatJalaliMonth(runningMonth, lang) })}
        </Text>
      )}
    </>
  );
}
