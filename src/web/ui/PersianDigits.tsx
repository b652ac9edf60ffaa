/**
 * Digits as people read them: Persian digits (and Persian grouping) in the fa locale, Latin in en.
 * Identifiers people read back (mobile numbers, national IDs, codes) are wrapped in an LTR
 * isolate so their digit order survives right-to-left text.
 */
import type { ReactNode } from 'react';
import { toPersianDigits } from '#core/persian-digits';
import type { LocalizedText } from '#web/app/api-client.ts';
import { useLang, type Lang } from '#web/app/i18n/index.ts';

export function localDigits(value: string | number, lang: Lang): string {
  return lang === 'fa' ? toPersianDigits(String(value)) : String(value);
}

function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0 }).format(value);
}

export function localized(text: LocalizedText | undefined | null, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.fa || text.en || '';
}

/** Hook form of the helpers above, bound to the current language. */
export function useDigits() {
  const { lang } = useLang();
  return {
    lang,
    digits: (value: string | number) => localDigits(value, lang),
    count: (value: number) => formatCount(value, lang),
    text: (value: LocalizedText | undefined | null) => localized(value, lang),
  };
}

/** A string with its digits localized, e.g. a ticket number or a masked mobile. */
export function PersianDigits({ children, ltr = false }: { children: string | number; ltr?: boolean }): ReactNode {
  const { digits } = useDigits();
  const text = digits(children);
  return ltr ? <bdi dir="ltr">{text}</bdi> : text;
}

/** A count with grouping («۱۲٬۳۴۵»). */
export function Count({ value }: { value: number }): ReactNode {
  const { count } = useDigits();
  return count(value);
}
