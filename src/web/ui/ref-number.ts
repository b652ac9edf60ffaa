/**
 * Reference numbers people read back (case numbers, filing tracking codes, payment receipt
 * numbers): every digit in the one script of the page — Persian in fa, Latin in en — whatever
 * script it was stored or typed in, and the separators (`/`, `-`, spaces) left where they are.
 * Shown inside a left-to-right isolate, so «۱۴۰۴/۱۲/۳۴۵» keeps its order in right-to-left text.
 */
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import type { Lang } from '#web/app/i18n/index.ts';

/** The reference's text with its digits in the locale's script (no other character changes). */
export function refNumberText(value: string | number, lang: Lang): string {
  const latin = toLatinDigits(String(value));
  return lang === 'fa' ? toPersianDigits(latin) : latin;
}

/**
 * The same inside Unicode's left-to-right isolate (U+2066 … U+2069), for a reference placed in a
 * translated sentence, where no <bdi> element can go (a toast, an interpolated message).
 */
export function isolatedRefNumber(value: string | number, lang: Lang): string {
  return `\u2066${refNumberText(value, lang)}\u2069`;
}
