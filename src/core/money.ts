/** Money is an integer number of Rials; these helpers keep it that way. */
import { formatPersianNumber } from './persian-digits';

export function assertRials(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of Rials: ${amount}`);
  return amount;
}

export function formatRials(amount: number, locale: 'fa' | 'en' = 'fa'): string {
  return locale === 'fa'
    ? `${formatPersianNumber(amount)} ریال`
    : `${new Intl.NumberFormat('en-US').format(amount)} IRR`;
}
