/**
 * react-multi-date-picker's Persian calendar, for JalaliDateInput's popover. It is its own chunk
 * (with its CSS), fetched when a calendar is first opened, so pages with a date field do not load
 * it with the page.
 */
import { Calendar, DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persian_fa from 'react-date-object/locales/persian_fa';
import persian_en from 'react-date-object/locales/persian_en';
import type { JalaliDate } from '#core/jalali';
import './jalali-calendar.css';

export interface JalaliCalendarProps {
  value: JalaliDate | null;
  lang: 'fa' | 'en';
  onPick: (date: JalaliDate) => void;
}

export default function JalaliCalendar({ value, lang, onPick }: JalaliCalendarProps) {
  const picked = value ? new DateObject({ calendar: persian, year: value.jy, month: value.jm, day: value.jd }) : null;
  return (
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
  );
}
