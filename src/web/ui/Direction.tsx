/**
 * Text that reads the right way round in both languages. An arrow from one state to the next
 * points the way the page reads — «←» in Persian, «→» in English — and each side, a name or a
 * number, is an isolated run (`<bdi>`), so a Persian name beside Latin digits on an English page
 * (or the other way round) keeps its place instead of being reordered by the bidi algorithm.
 */
import type { ReactNode } from 'react';
import { useLang } from '#web/app/i18n/index.ts';
import { arrowOf } from './reading-direction';
import { localDigits } from './PersianDigits';

/** «پیش‌نویس ← تأییدشده» / "Draft → Confirmed": each side isolated, the arrow the way the page reads. */
export function FromTo({ from, to }: { from: ReactNode; to: ReactNode }): ReactNode {
  const { lang } = useLang();
  return (
    <span className="daftar-from-to">
      {from !== null && from !== undefined && from !== '' ? (
        <>
          <bdi>{from}</bdi> {arrowOf(lang)}{' '}
        </>
      ) : null}
      <bdi>{to}</bdi>
    </span>
  );
}

/** A name with its number in brackets, «امیر تهرانی (۰۴۹۹۳۷۰۸۹۹)», each an isolated run. */
export function NameWithNumber({ name, number }: { name: ReactNode; number: string }): ReactNode {
  const { lang } = useLang();
  return (
    <>
      <bdi>{name}</bdi> (<bdi dir="ltr">{localDigits(number, lang)}</bdi>)
    </>
  );
}
