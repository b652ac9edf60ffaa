/**
 * What the office finder tells a citizen about an office's hours: whether it is open now, until
 * when, and when it next opens — on Tehran's clock, the Iranian week (Saturday first) and with the
 * official holidays closed all day. Pure, so the server answers it and tests pin it to any instant.
 */
import { addDaysIso, tehranIsoDate, TEHRAN_TIME_ZONE, weekdayOfIso } from './jalali';
import { minutesOf, sortedOpeningHours, type OpeningPeriod } from './office-hours';

/** How far ahead the next opening is looked for: a week plus a long run of holidays (Nowruz). */
const LOOKAHEAD_DAYS = 21;

const TEHRAN_HOUR_MINUTE = new Intl.DateTimeFormat('en-GB', {
  timeZone: TEHRAN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Iranian weekday of an ISO day: 0 = Saturday … 6 = Friday (the days opening hours use). */
export function iranianWeekday(iso: string): number {
  return (weekdayOfIso(iso) + 1) % 7;
}

/** An instant on Tehran's wall clock: the ISO day, its Iranian weekday and the minutes since midnight. */
export function tehranClock(at: Date): { isoDay: string; day: number; minutes: number } {
  const isoDay = tehranIsoDate(at);
  const [hh, mm] = TEHRAN_HOUR_MINUTE.format(at).split(':');
  return { isoDay, day: iranianWeekday(isoDay), minutes: Number(hh) * 60 + Number(mm) };
}

interface NextOpening {
  /** ISO day (Tehran) the office next opens. */
  isoDay: string;
  /** Its Iranian weekday, 0 = Saturday. */
  day: number;
  opens: string;
  /** 0 = later today, 1 = tomorrow … */
  daysAhead: number;
}

export interface OpeningStatus {
  openNow: boolean;
  /** While open: when the current period ends (HH:MM). */
  closesAt: string | null;
  /** When closed: the next opening within three weeks, or null when the office keeps no hours. */
  nextOpening: NextOpening | null;
  /** Today's periods (empty on a holiday or a day the office keeps no hours). */
  today: OpeningPeriod[];
  /** Today is an official holiday. */
  holiday: boolean;
}

/**
 * Open now, closing time and next opening. A period is open from `opens` (inclusive) to `closes`
 * (exclusive). `holidays` are ISO days on which every office is closed.
 */
export function openingStatus(
  hours: readonly OpeningPeriod[],
  at: Date,
  holidays: ReadonlySet<string> = new Set(),
): OpeningStatus {
  const sorted = sortedOpeningHours(hours);
  const clock = tehranClock(at);
  const holiday = holidays.has(clock.isoDay);
  const today = holiday ? [] : sorted.filter((p) => p.day === clock.day);
  const current = today.find((p) => minutesOf(p.opens) <= clock.minutes && clock.minutes < minutesOf(p.closes));
  if (current) return { openNow: true, closesAt: current.closes, nextOpening: null, today, holiday };

  let nextOpening: NextOpening | null = null;
  for (let ahead = 0; ahead <= LOOKAHEAD_DAYS && !nextOpening && sorted.length > 0; ahead++) {
    const isoDay = addDaysIso(clock.isoDay, ahead);
    if (holidays.has(isoDay)) continue;
    const day = iranianWeekday(isoDay);
    const period = sorted.find((p) => p.day === day && (ahead > 0 || minutesOf(p.opens) > clock.minutes));
    if (period) nextOpening = { isoDay, day, opens: period.opens, daysAhead: ahead };
  }
  return { openNow: false, closesAt: null, nextOpening, today, holiday };
}

/** A distance as the finder shows it: kilometres to one decimal. */
export const roundKm = (km: number) => Math.round(km * 10) / 10;
