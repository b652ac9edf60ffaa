/**
 * A chart drawn by ECharts, imported piece by piece (bar, line, pie; grid, tooltip, legend, title,
 * mark lines, dataset; SVG renderer) so only the pages that draw charts load it, and only what
 * they use. Text is set in Vazirmatn; in Persian, numbers on the axes, in tooltips and labels read
 * in Persian digits, category axes run right to left and the value axis sits on the right.
 *
 * Give it an ECharts `option`; the language-dependent parts are filled in unless the option sets
 * them itself.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useLang } from '#web/app/i18n/index.ts';
import { localizeChartOption, type ChartOption } from './chart-format.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { chartNumber, type ChartOption } from './chart-format.ts';

export interface ChartProps {
  option: ChartOption;
  /** Pixels; the width follows the container. */
  height?: number;
  testId?: string;
}

export function Chart({ option, height = 320, testId }: ChartProps) {
  const { lang } = useLang();
  const localized = useMemo(() => localizeChartOption(option, lang), [option, lang]);
  return (
    <div data-testid={testId} className="daftar-chart" dir="ltr" style={{ width: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={localized}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
      />
    </div>
  );
}
