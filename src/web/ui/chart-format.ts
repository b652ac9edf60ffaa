/** Language-dependent parts of a chart option: font, digits, direction (pure, shared by the Chart component). */
import { toPersianDigits } from '#core/persian-digits';

type Lang = 'fa' | 'en';

const CHART_FONT = 'Vazirmatn, "Noto Sans Arabic", Tahoma, sans-serif';

/** The option shape ECharts takes (kept loose: the chart types are registered above). */
// biome-ignore lint/suspicious/noExplicitAny: a chart option is ECharts’ own loosely typed object
export type ChartOption = Record<string, any>;

/** A number as the chart shows it: grouped, in Persian digits in fa. */
export function chartNumber(value: number | string, lang: Lang, maximumFractionDigits = 1): string {
  if (typeof value === 'string') return lang === 'fa' ? toPersianDigits(value) : value;
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits }).format(value);
}

/** Large amounts shortened for an axis: «۱٫۲ میلیارد» / "1.2 B". */
export function chartCompact(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const units: [number, string, string][] = [
    [1e12, 'هزار میلیارد', 'T'],
    [1e9, 'میلیارد', 'B'],
    [1e6, 'میلیون', 'M'],
    [1e3, 'هزار', 'K'],
  ];
  for (const [size, fa, en] of units) {
    if (abs >= size) {
      const n = chartNumber(Math.round((value / size) * 10) / 10, lang);
      // Charts draw text left to right: the Persian phrase is embedded right to left so it reads «۱٫۲ میلیارد».
      return lang === 'fa' ? `\u202B${n} ${fa}\u202C` : `${n} ${en}`;
    }
  }
  return chartNumber(value, lang);
}

type Axis = ChartOption;
const asList = (axis: Axis | Axis[] | undefined): Axis[] =>
  axis === undefined ? [] : Array.isArray(axis) ? axis : [axis];

/** Fill in font, digits and direction for a language; what the option sets itself is kept. */
export function localizeChartOption(option: ChartOption, lang: Lang): ChartOption {
  const rtl = lang === 'fa';
  const digits = (v: unknown) => (typeof v === 'number' ? chartCompact(v, lang) : chartNumber(String(v), lang));
  const axis = (a: Axis, kind: 'x' | 'y'): Axis => {
    const category = a.type === 'category';
    return {
      ...a,
      ...(rtl && kind === 'x' && category && a.inverse === undefined ? { inverse: true } : {}),
      ...(rtl && kind === 'y' && a.position === undefined ? { position: 'right' } : {}),
      nameTextStyle: { fontFamily: CHART_FONT, ...a.nameTextStyle },
      axisLabel: { fontFamily: CHART_FONT, formatter: digits, ...a.axisLabel },
    };
  };
  const wrap = (list: Axis | Axis[] | undefined, kind: 'x' | 'y') => {
    if (list === undefined) return undefined;
    const mapped = asList(list).map((a) => axis(a, kind));
    return Array.isArray(list) ? mapped : mapped[0];
  };
  const out: ChartOption = {
    ...option,
    textStyle: { fontFamily: CHART_FONT, ...option.textStyle },
    tooltip:
      option.tooltip === undefined
        ? undefined
        : {
            valueFormatter: (v: unknown) => (typeof v === 'number' ? chartNumber(v, lang) : String(v ?? '')),
            ...option.tooltip,
            textStyle: { fontFamily: CHART_FONT, ...option.tooltip?.textStyle },
          },
    legend:
      option.legend === undefined
        ? undefined
        : {
            ...(rtl ? { right: 8 } : { left: 8 }),
            ...option.legend,
            textStyle: { fontFamily: CHART_FONT, ...option.legend?.textStyle },
          },
  };
  if (option.xAxis !== undefined) out.xAxis = wrap(option.xAxis, 'x');
  if (option.yAxis !== undefined) out.yAxis = wrap(option.yAxis, 'y');
  if (out.tooltip === undefined) delete out.tooltip;
  if (out.legend === undefined) delete out.legend;
  return out;
}
