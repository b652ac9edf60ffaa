/** The series the chart and the month table show: one service's, or all services' added up. */
import { onlineSharePercent } from '#core/channel-share';
import type { ChannelShare } from '../api/channel-share';

export interface MonthTotals {
  months: string[];
  office: number[];
  online: number[];
  onlineSharePercent: (number | null)[];
}

export function monthTotals(share: ChannelShare): MonthTotals {
  const office = share.months.map((_, i) => share.series.reduce((sum, s) => sum + s.office[i], 0));
  const online = share.months.map((_, i) => share.series.reduce((sum, s) => sum + s.online[i], 0));
  return {
    months: share.months,
    office,
    online,
    onlineSharePercent: office.map((o, i) => onlineSharePercent(o, online[i])),
  };
}

/** «۴۱٫۷٪» in fa, "41.7%" in en. */
export function formatPercent(value: number, lang: 'fa' | 'en'): string {
  const n = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(value);
  return lang === 'fa' ? `${n}٪` : `${n}%`;
}
