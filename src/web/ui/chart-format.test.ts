import { describe, expect, it } from 'vitest';
import { chartCompact, chartNumber, localizeChartOption } from './chart-format';

describe('chart option localization', () => {
  it('writes numbers in Persian digits in fa and Latin in en', () => {
    expect(chartNumber(12345, 'fa')).toBe('۱۲٬۳۴۵');
    expect(chartNumber(12345, 'en')).toBe('12,345');
    expect(chartCompact(1_200_000_000, 'fa')).toBe('\u202B۱٫۲ میلیارد\u202C');
    expect(chartCompact(1_200_000_000, 'en')).toBe('1.2 B');
  });

  it('runs category axes right to left in fa and keeps what the option sets', () => {
    const out = localizeChartOption(
      { xAxis: { type: 'category', data: ['a'] }, yAxis: [{ type: 'value' }], tooltip: {}, series: [] },
      'fa',
    );
    expect(out.xAxis.inverse).toBe(true);
    expect(out.yAxis[0].position).toBe('right');
    expect(out.yAxis[0].axisLabel.formatter(2_000_000)).toBe('\u202B۲ میلیون\u202C');
    expect(out.tooltip.valueFormatter(1500)).toBe('۱٬۵۰۰');
    expect(out.textStyle.fontFamily).toContain('Vazirmatn');
    const kept = localizeChartOption({ xAxis: { type: 'category', inverse: false } }, 'fa');
    expect(kept.xAxis.inverse).toBe(false);
    const en = localizeChartOption({ xAxis: { type: 'category' } }, 'en');
    expect(en.xAxis.inverse).toBeUndefined();
  });
});
