/**
 * Numbers as people type and read them: Latin, Persian (۰-۹) or Arabic-Indic (٠-٩) digits are
 * accepted; the field shows the language's own digits — Persian with «٬» between thousands and «٫»
 * before decimals in fa, Latin with «,» and «.» in en. Pure functions, used by the shared inputs
 * (NumberInput, MoneyInput, DigitsInput).
 */
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';

export type DigitsLang = 'fa' | 'en';

export interface NumberTextOptions {
  /** Group thousands («۱٬۲۵۰٬۰۰۰»). */
  thousands?: boolean;
  allowDecimal?: boolean;
  allowNegative?: boolean;
  /** At most this many decimals are kept. */
  decimalScale?: number;
}

const GROUP = { fa: '٬', en: ',' } as const;
const DECIMAL = { fa: '٫', en: '.' } as const;

/**
 * The canonical (Latin, unseparated) text of what was typed: digits of any script made Latin,
 * separators and spaces dropped, «٫» or «.» as the decimal point, a leading minus kept when allowed.
 * Anything else is left out.
 */
export function canonicalNumberText(typed: string, options: NumberTextOptions = {}): string {
  const { allowDecimal = true, allowNegative = false, decimalScale } = options;
  const latin = toLatinDigits(typed)
    .replace(/[\u066B]/g, '.')
    .replace(/[\u2212\u2013]/g, '-');
  let out = '';
  let seenPoint = false;
  for (const ch of latin) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch === '.' && allowDecimal && !seenPoint) {
      seenPoint = true;
      out += '.';
    } else if (ch === '-' && allowNegative && out === '') out = '-';
  }
  if (seenPoint && decimalScale !== undefined) {
    const [whole, fraction] = out.split('.');
    out = decimalScale === 0 ? whole : `${whole}.${fraction.slice(0, decimalScale)}`;
  }
  return out;
}

/** The number a canonical text stands for, or null when it is empty or unfinished («-», «.»). */
export function parseNumberText(typed: string, options: NumberTextOptions = {}): number | null {
  const canonical = canonicalNumberText(typed, options);
  if (!/\d/.test(canonical)) return null;
  const value = Number(canonical.endsWith('.') ? canonical.slice(0, -1) : canonical);
  return Number.isFinite(value) ? value : null;
}

/** Canonical text shown in the language's digits, with its separators. Keeps an unfinished «12.». */
export function displayNumberText(canonical: string, lang: DigitsLang, options: NumberTextOptions = {}): string {
  const negative = canonical.startsWith('-');
  const body = negative ? canonical.slice(1) : canonical;
  const [whole, fraction] = body.split('.');
  const grouped = options.thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  let text = (negative ? '-' : '') + grouped + (fraction !== undefined ? `.${fraction}` : '');
  if (lang === 'fa') {
    text = toPersianDigits(text).replace(/,/g, GROUP.fa).replace(/\./g, DECIMAL.fa);
  }
  return text;
}

/** A number as the field shows it: `formatNumberText(1250000, 'fa', { thousands: true })` → «۱٬۲۵۰٬۰۰۰». */
export function formatNumberText(value: number, lang: DigitsLang, options: NumberTextOptions = {}): string {
  const canonical =
    options.decimalScale !== undefined ? String(Number(value.toFixed(options.decimalScale))) : String(value);
  return displayNumberText(canonical, lang, { ...options, allowNegative: true });
}

/**
 * What the field shows after a keystroke, and where the caret goes: the caret stays after the same
 * number of digits (and decimal point) it followed in what was typed, whatever separators were
 * added or removed before it.
 */
export function retypeNumberText(
  typed: string,
  caret: number,
  lang: DigitsLang,
  options: NumberTextOptions = {},
): { text: string; caret: number; canonical: string } {
  const canonical = canonicalNumberText(typed, options);
  const text = displayNumberText(canonical, lang, options);
  const significant = (s: string) => canonicalNumberText(s, { ...options, decimalScale: undefined }).length;
  const before = significant(typed.slice(0, caret));
  let position = 0;
  while (position < text.length && significant(text.slice(0, position)) < before) position++;
  return { text, caret: position, canonical };
}

/** A digit string (a code, a number of pages) in the language's digits; the value stays Latin. */
export function displayDigits(latin: string, lang: DigitsLang): string {
  return lang === 'fa' ? toPersianDigits(latin) : toLatinDigits(latin);
}

/** Only the digits of what was typed, made Latin («۰۹۱۲ ۳۴۵» → «0912345»). */
export function digitsOnly(typed: string): string {
  return toLatinDigits(typed).replace(/[^0-9]/g, '');
}

/**
 * The number a `NumberInput` or `MoneyInput` holds, for a request: `undefined` when the field is
 * blank or holds only an unfinished «-» or «.». A blank field then goes to the server absent, and
 * the server answers `required` naming it (or, for an optional field, takes it as not given) —
 * `Number('')` would have sent 0, an answer the person never typed.
 */
export function enteredNumber(value: number | string | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === null || value === undefined) return undefined;
  return parseNumberText(value, { allowNegative: true }) ?? undefined;
}
