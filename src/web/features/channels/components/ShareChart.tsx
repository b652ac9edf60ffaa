/**
 * Office and online services per month as stacked bars, with the online share as a line on a
 * second axis. Drawn by the shared chart (loaded only with this page).
 */
import { Box } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import { formatPercent, type MonthTotals } from './share-totals';

export function ShareChart({ totals }: { totals: MonthTotals }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  const option = useMemo<ChartOption>(() => {
    const percent = (v: number) => formatPercent(v, lang);
    return {
      animationDuration: 400,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, align: rtl ? 'right' : 'left', itemGap: 24 },
      grid: { left: 64, right: 64, top: 72, bottom: 48 },
      xAxis: {
        type: 'category',
        // Month over year on two lines, so a year of months fits without turning the labels.
        data: totals.months.map((m) => formatJalaliMonth(m, lang).replace(' ', '\n')),
        axisLabel: { interval: 0, lineHeight: 16 },
      },
      yAxis: [
        { type: 'value', position: rtl ? 'right' : 'left', name: t('channels.share.records') },
        {
          type: 'value',
          position: rtl ? 'left' : 'right',
          name: t('channels.share.onlineShare'),
          min: 0,
          max: 100,
          splitLine: { show: false },
          axisLabel: { formatter: percent },
        },
      ],
      series: [
        {
          name: t('channels.share.office'),
          type: 'bar',
          stack: 'records',
          data: totals.office,
          itemStyle: { color: '#228be6' },
        },
        {
          name: t('channels.share.online'),
          type: 'bar',
          stack: 'records',
          data: totals.online,
          itemStyle: { color: '#12b886' },
        },
        {
          name: t('channels.share.onlineShare'),
          type: 'line',
          yAxisIndex: 1,
          data: totals.onlineSharePercent,
          connectNulls: false,
          symbolSize: 7,
          itemStyle: { color: '#e8590c' },
          tooltip: { valueFormatter: (v: number | null) => (v == null ? '—' : percent(v)) },
        },
      ],
    };
  }, [totals, lang, rtl, t]);
  return (
    <Box role="img" aria-label={t('channels.share.chartLabel')} data-testid="share-chart">
      <Chart option={option} height={360} />
    </Box>
  );
}
