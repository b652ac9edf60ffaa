/** How a measured figure reads: its value, and the count it was measured on, in the page's digits. */
import type { TFunction } from 'i18next';

/** A number with at most `fractionDigits` decimals: «۴٫۳۸» (the Persian decimal mark) in fa, "4.38" in en. */
export function formatDecimal(value: number, lang: 'fa' | 'en', fractionDigits = 1): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/** «۴۱٫۷٪» in fa, "41.7%" in en. */
export function formatPercent(value: number, lang: 'fa' | 'en'): string {
  const n = formatDecimal(value, lang);
  return lang === 'fa' ? `${n}٪` : `${n}%`;
}

/** Citizens' mean satisfaction, «۴٫۳۸ از ۵» in fa: two decimals, as the surveys' answers are whole. */
export function formatOutOfFive(mean: number | null, lang: 'fa' | 'en', t: TFunction): string {
  return mean == null ? '—' : t('quality.outOfFive', { n: formatDecimal(mean, lang, 2) });
}

/** The Jalali months people can pick: the last two years up to this one, newest first. */
export function recentMonths(thisMonth: string, addMonths: (m: string, n: number) => string): string[] {
  return Array.from({ length: 24 }, (_, i) => addMonths(thisMonth, -i));
}
