/**
 * react-multi-date-picker's Persian calendar, for JalaliDateInput's popover. It is its own chunk
 * (with its CSS), fetched when a calendar is first opened, so pages with a date field do not load
 * it with the page.
 *
 * The library leaves its month arrows without names and names the blank cells of other months;
 * the wrapper names the calendar and its arrows (left is always the month before, right the month
 * after) and takes the names off blank cells, each time the calendar draws a month.
 */
import { useEffect, useRef } from 'react';
import { Calendar, DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persian_fa from 'react-date-object/locales/persian_fa';
import persian_en from 'react-date-object/locales/persian_en';
import type { JalaliDate } from '#core/jalali';
import './jalali-calendar.css';

export interface JalaliCalendarProps {
  value: JalaliDate | null;
  lang: 'fa' | 'en';
  /** The names of the arrows and of the calendar, in the page's language. */
  labels: { previous: string; next: string; calendar: string };
  onPick: (date: JalaliDate) => void;
}

export default function JalaliCalendar({ value, lang, labels, onPick }: JalaliCalendarProps) {
  const picked = value ? new DateObject({ calendar: persian, year: value.jy, month: value.jm, day: value.jd }) : null;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const name = () => {
      for (const [selector, label] of [
        ['.rmdp-wrapper', labels.calendar],
        ['.rmdp-left', labels.previous],
        ['.rmdp-right', labels.next],
      ] as const) {
        const button = root.querySelector(selector);
        if (button && button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
      }
      for (const blank of root.querySelectorAll('.rmdp-day-hidden[aria-label]')) blank.removeAttribute('aria-label');
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, [labels.previous, labels.next, labels.calendar]);
  return (
    <div ref={box}>
      <Calendar
        calendar={persian}
        locale={lang === 'fa' ? persian_fa : persian_en}
        value={picked}
        shadow={false}
        highlightToday
        onChange={(date) => {
          if (!date) return;
          onPick({ jy: date.year, jm: date.month.number, jd: date.day });
        }}
      />
    </div>
  );
}
