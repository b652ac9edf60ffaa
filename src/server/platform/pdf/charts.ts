/**
 * Charts for printable pages, drawn on the server by ECharts as inline SVG (no script, nothing
 * fetched): set in Vazirmatn, with Persian digits on the axes in Persian pages.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { toPersianDigits } from '#core/persian-digits';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

export const PRINT_FONT = 'Vazirmatn, Tahoma, sans-serif';

/**
 * An amount shortened for an axis in Persian: «۱٫۲ میلیارد». SVG text is laid out left to right,
 * so the phrase is embedded right to left (RLE … PDF) to read in its Persian order.
 */
export function compactFa(value: number): string {
  const abs = Math.abs(value);
  const units: [number, string][] = [
    [1e12, 'هزار میلیارد'],
    [1e9, 'میلیارد'],
    [1e6, 'میلیون'],
    [1e3, 'هزار'],
  ];
  for (const [size, name] of units) {
    if (abs >= size)
      return `\u202B${new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 }).format(value / size)} ${name}\u202C`;
  }
  return new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 }).format(value);
}

// biome-ignore lint/suspicious/noExplicitAny: a chart option is ECharts’ own loosely typed object
export type PrintChartOption = Record<string, any>;

/** The chart as an SVG string; animation off, Vazirmatn throughout. */
export function chartSvg(option: PrintChartOption, width = 680, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: PRINT_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Axis labels in Persian digits (numbers shortened, category names kept). */
export const faAxisLabel = {
  fontFamily: PRINT_FONT,
  formatter: (v: number | string) => (typeof v === 'number' ? compactFa(v) : toPersianDigits(v)),
};
