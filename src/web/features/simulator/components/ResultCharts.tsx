/**
 * The result's charts: office revenue per province before and after, offices below break-even per
 * province, the change in citizens' cost per service, and the spread of offices' revenue-to-cost
 * ratio before and after with the break-even line at 1.0.
 */
import { SimpleGrid, Paper, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ratioHistogram } from '#core/simulation-figures';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, chartNumber, type ChartOption } from '#web/ui/Chart.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { SimulationResult } from '../api/simulator';

const BEFORE = '#8c9aa8';
const AFTER = '#1c6fb8';
const WIDTH = 0.25;
const MAX = 3;

function ChartCard({
  title,
  option,
  testId,
  height = 300,
}: {
  title: string;
  option: ChartOption;
  testId: string;
  height?: number;
}) {
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-label={title}>
      <Title order={3} size="h5" mb="xs" component="figcaption">
        {title}
      </Title>
      <Chart option={option} height={height} testId={testId} />
    </Paper>
  );
}

export function ResultCharts({ result }: { result: SimulationResult }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const before = t('simulator.charts.before');
  const after = t('simulator.charts.after');

  const options = useMemo(() => {
    const provinces = result.provinces;
    const names = provinces.map((p) => text(p.name));
    const rotate = names.length > 8 ? 40 : 0;
    const grid = { top: 40, left: 16, right: 16, bottom: 8, containLabel: true };
    const revenue: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: names, axisLabel: { rotate, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: before, type: 'bar', color: BEFORE, data: provinces.map((p) => p.officeRevenueBeforeRials) },
        { name: after, type: 'bar', color: AFTER, data: provinces.map((p) => p.officeRevenueAfterRials) },
      ],
    };
    const below: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: names, axisLabel: { rotate, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: before, type: 'bar', color: BEFORE, data: provinces.map((p) => p.belowBreakEvenBefore) },
        { name: after, type: 'bar', color: '#c2410c', data: provinces.map((p) => p.belowBreakEvenAfter) },
      ],
    };
    const services = result.services.filter((s) => s.records > 0);
    // Horizontal bars: service names read along the category axis on the reading side.
    const serviceChange: ChartOption = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { top: 8, left: 16, right: 16, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category',
        inverse: true,
        position: lang === 'fa' ? 'right' : 'left',
        data: services.map((s) => (lang === 'fa' ? s.titleFa : s.titleEn)),
        axisLabel: { interval: 0, width: 150, overflow: 'truncate' },
      },
      xAxis: { type: 'value', inverse: lang === 'fa' },
      series: [
        {
          name: t('simulator.charts.costChange'),
          type: 'bar',
          barMaxWidth: 18,
          data: services.map((s) => ({
            value: s.citizenCostChangeRials,
            itemStyle: { color: s.citizenCostChangeRials >= 0 ? '#b45309' : '#15803d' },
          })),
        },
      ],
    };
    const bins = ratioHistogram(result.offices, WIDTH, MAX);
    const centers = bins.map((b) => b.from + WIDTH / 2);
    const ratio: ChartOption = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { ...grid, bottom: 28 },
      xAxis: {
        type: 'value',
        min: 0,
        max: MAX + WIDTH,
        interval: 0.5,
        inverse: lang === 'fa',
        name: t('simulator.charts.ratioAxis'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => (v > MAX ? '' : chartNumber(v, lang, 2)) },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: before,
          type: 'bar',
          color: BEFORE,
          barWidth: 12,
          barGap: '15%',
          data: bins.map((b, i) => [centers[i], b.before]),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#b91c1c', type: 'dashed', width: 2 },
            label: {
              formatter:
                lang === 'fa' ? `\u202B${t('simulator.charts.breakEven')}\u202C` : t('simulator.charts.breakEven'),
              color: '#b91c1c',
            },
            data: [{ xAxis: 1 }],
          },
        },
        { name: after, type: 'bar', color: AFTER, barWidth: 12, data: bins.map((b, i) => [centers[i], b.after]) },
      ],
    };
    return { revenue, below, serviceChange, ratio, serviceRows: services.length };
  }, [result, lang, text, t, before, after]);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="simulator-charts">
      <ChartCard title={t('simulator.charts.revenueByProvince')} option={options.revenue} testId="chart-revenue" />
      <ChartCard title={t('simulator.charts.belowByProvince')} option={options.below} testId="chart-below" />
      <ChartCard
        title={t('simulator.charts.costByService')}
        option={options.serviceChange}
        testId="chart-services"
        height={Math.max(300, 24 + options.serviceRows * 22)}
      />
      <ChartCard title={t('simulator.charts.ratio')} option={options.ratio} testId="chart-ratio" />
    </SimpleGrid>
  );
}
