import { formatJalali } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';

/**
 * A date or instant as a person reads it: the Jalali calendar in Asia/Tehran time, Persian digits
 * and month names in fa (`fa-IR-u-ca-persian`), Jalali with Latin month names in en
 * (`en-US-u-ca-persian`), so both languages name the same calendar day.
 * Accepts an ISO instant (`2024-07-22T08:30:00Z`) or an ISO date (`2024-07-22`).
 */
export function JalaliDate({
  value,
  withTime = false,
}: {
  value: string | Date | null | undefined;
  withTime?: boolean;
}) {
  const { lang } = useLang();
  if (!value) return <span>—</span>;
  const date = typeof value === 'string' ? value : value.toISOString();
  const iso = typeof value === 'string' && value.length === 10 ? value : new Date(date).toISOString();
  return <time dateTime={iso}>{formatJalali(value, lang, withTime)}</time>;
}
