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
import { useCallback, useEffect, useMemo, useRef } from 'react';
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
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  /**
   * The chart takes its box's width whenever they differ. echarts-for-react's own resizing fixes
   * the width it read when the first drawing finished and ignores its observer's first report: a
   * box that changed size in between (a phone turned while the page loads) kept the old width.
   */
  const fitToBox = useCallback(() => {
    const instance = chart.current;
    const width = box.current?.clientWidth;
    if (instance && !instance.isDisposed() && width && instance.getWidth() !== width)
      instance.resize({ width: 'auto', height: 'auto' });
  }, []);
  useEffect(() => {
    const observer = new ResizeObserver(fitToBox);
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, [fitToBox]);
  return (
    <div ref={box} data-testid={testId} className="daftar-chart" dir="ltr" style={{ width: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={localized}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
        autoResize={false}
        onChartReady={(instance) => {
          chart.current = instance;
          fitToBox();
        }}
      />
    </div>
  );
}
