/**
 * One service KPI per month at the place shown, as a line, with its "great" threshold drawn as a
 * dashed reference line. Drawn by the shared chart (loaded only with this page).
 */
import { Box } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import { monthAxisLabels } from '#web/ui/month-axis.ts';

export function KpiChart({
  kpi,
  months,
  values,
  target,
}: {
  kpi: string;
  months: string[];
  values: (number | null)[];
  target: number | null;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 40, top: 16, bottom: 28 },
      xAxis: {
        type: 'category',
        data: monthAxisLabels(months, lang),
        axisLabel: { fontSize: 10 },
      },
      yAxis: { type: 'value', min: 0, max: 100, position: rtl ? 'right' : 'left', axisLabel: { fontSize: 10 } },
      series: [
        {
          name: t(`stats.kpis.names.${kpi}`),
          type: 'line',
          data: values,
          connectNulls: false,
          symbolSize: 6,
          itemStyle: { color: '#228be6' },
          markLine:
            target == null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#e8590c', type: 'dashed' },
                  label: { formatter: t('stats.kpis.targetLine'), position: 'insideEndTop', fontSize: 10 },
                  data: [{ yAxis: target }],
                },
        },
      ],
    }),
    [kpi, months, values, target, lang, rtl, t],
  );
  return (
    <Box role="img" aria-label={t('stats.kpis.chartLabel', { name: t(`stats.kpis.names.${kpi}`) })}>
      <Chart option={option} height={150} />
    </Box>
  );
}
