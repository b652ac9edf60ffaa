/** How a measured figure reads: its value, and the count it was measured on, in the page's digits. */

/** «۴۱٫۷٪» in fa, "41.7%" in en. */
export function formatPercent(value: number, lang: 'fa' | 'en'): string {
  const n = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(value);
  return lang === 'fa' ? `${n}٪` : `${n}%`;
}

/** The Jalali months people can pick: the last two years up to this one, newest first. */
export function recentMonths(thisMonth: string, addMonths: (m: string, n: number) => string): string[] {
  return Array.from({ length: 24 }, (_, i) => addMonths(thisMonth, -i));
}
