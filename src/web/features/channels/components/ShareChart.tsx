/**
 * Office and online services per month as stacked bars, with the online share as a line on a
 * second axis. ECharts is imported piece by piece and only with this page.
 */
import { Box } from '@mantine/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/channel-share';
import { formatCount } from '#web/ui/PersianDigits.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { formatPercent, type MonthTotals } from './share-totals';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT = 'Vazirmatn, Tahoma, sans-serif';

export function ShareChart({ totals }: { totals: MonthTotals }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  const percent = (v: number) => formatPercent(v, lang);
  const option = {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', textStyle: { fontFamily: FONT }, valueFormatter: (v: number | null) => (v == null ? '—' : formatCount(v, lang)) },
    legend: { top: 0, align: rtl ? 'right' : 'left', itemGap: 24, textStyle: { fontFamily: FONT } },
    grid: { left: 64, right: 64, top: 48, bottom: 48 },
    xAxis: {
      type: 'category', inverse: rtl,
      // Month over year on two lines, so a year of months fits without turning the labels.
      data: totals.months.map((m) => formatJalaliMonth(m, lang).replace(' ', '\n')),
      axisLabel: { fontFamily: FONT, interval: 0, lineHeight: 16 },
    },
    yAxis: [
      { type: 'value', position: rtl ? 'right' : 'left', name: t('channels.share.records'), nameTextStyle: { fontFamily: FONT }, axisLabel: { fontFamily: FONT, formatter: (v: number) => formatCount(v, lang) } },
      { type: 'value', position: rtl ? 'left' : 'right', name: t('channels.share.onlineShare'), min: 0, max: 100, nameTextStyle: { fontFamily: FONT }, splitLine: { show: false }, axisLabel: { fontFamily: FONT, formatter: percent } },
    ],
    series: [
      { name: t('channels.share.office'), type: 'bar', stack: 'records', data: totals.office, itemStyle: { color: '#228be6' } },
      { name: t('channels.share.online'), type: 'bar', stack: 'records', data: totals.online, itemStyle: { color: '#12b886' } },
      {
        name: t('channels.share.onlineShare'), type: 'line', yAxisIndex: 1, data: totals.onlineSharePercent, connectNulls: false, symbolSize: 7,
        itemStyle: { color: '#e8590c' }, tooltip: { valueFormatter: (v: number | null) => (v == null ? '—' : percent(v)) },
      },
    ],
  };
  return (
    <Box role="img" aria-label={t('channels.share.chartLabel')} data-testid="share-chart">
      {/* ECharts lays text out itself: an inherited right-to-left direction would shift every SVG label. */}
      <ReactEChartsCore dir="ltr" echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height: 360, width: '100%' }} />
    </Box>
  );
}
