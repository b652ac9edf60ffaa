/**
 * The holiday calendar deadlines are counted on: the law's holidays (`holidays.ts`: solar, and
 * lunar ones computed from the tabular Hijri calendar), with what admins decided applied over
 * them — lunar holidays confirmed or moved to their official day, days added (a closure the law
 * does not list, such as a day the government declares), days removed — and Fridays.
 *
 * A lunar holiday nobody has confirmed yet still closes its day (the tabular date is right in most
 * years), but it is marked `confirmed: false` so whatever relies on it can say so.
 */
import { lawHolidaysBetween } from './holidays';
import { addDaysIso, weekdayOfIso } from './jalali';

export const FRIDAY = 5;

/** How far an admin may move a computed lunar holiday: the tabular date is at most a day or two off the sighted one. */
export const LUNAR_MOVE_WINDOW_DAYS = 3;

interface AddedHoliday {
  day: string;
  titleFa: string;
  titleEn: string;
}
/** An admin's decision on a lunar holiday (by its tabular Hijri date): kept on `day` (confirmed) or moved there. */
interface LunarDecision {
  hijri: string;
  day: string;
}

export interface CalendarOverrides {
  added: readonly AddedHoliday[];
  removed: readonly string[];
  lunarDecisions: readonly LunarDecision[];
}

export const NO_OVERRIDES: CalendarOverrides = { added: [], removed: [], lunarDecisions: [] };

export interface CalendarHoliday {
  day: string;
  titleFa: string;
  titleEn: string;
  origin: 'solar' | 'lunar' | 'added';
  /** False only for a computed lunar holiday no admin has confirmed or moved. */
  confirmed: boolean;
  /** Lunar holidays: the tabular Hijri date (`1447-01-10`). */
  hijri: string | null;
  /** A lunar holiday an admin moved: the day the tabular calendar gave. */
  computedDay: string | null;
}

/** Why a day is closed: Fridays first (they close whatever else falls on them), then holidays. */
export interface Closure {
  date: string;
  reason: 'friday' | 'holiday';
  /** The holidays on that day (also on a Friday that is a holiday). */
  holidays: CalendarHoliday[];
}

/**
 * What closed a day, in words: its confirmed holidays (several read as one title); an unconfirmed
 * lunar holiday is named only when nothing confirmed closes the day (Nowruz is Nowruz, whatever
 * the tabular lunar calendar adds to it). Null on a plain Friday.
 */
export function closureTitle(closure: Closure): { fa: string; en: string } | null {
  const confirmed = closure.holidays.filter((h) => h.confirmed);
  const named = confirmed.length ? confirmed : closure.holidays;
  if (!named.length) return null;
  return { fa: named.map((h) => h.titleFa).join('؛ '), en: named.map((h) => h.titleEn).join('; ') };
}

/** What counting a limit needs from a calendar. */
export interface ClosedDays {
  closure(iso: string): Closure | null;
}

/** The holidays from one ISO day to another (both included), sorted by day, overrides applied. */
export function calendarHolidays(fromIso: string, toIso: string, overrides: CalendarOverrides): CalendarHoliday[] {
  const decided = new Map(overrides.lunarDecisions.map((d) => [d.hijri, d.day]));
  const removed = new Set(overrides.removed);
  // Widened so a lunar holiday moved into the range from just outside it is found.
  const law = lawHolidaysBetween(
    addDaysIso(fromIso, -LUNAR_MOVE_WINDOW_DAYS),
    addDaysIso(toIso, LUNAR_MOVE_WINDOW_DAYS),
  );
  const out: CalendarHoliday[] = [];
  for (const h of law) {
    const decision = h.hijri ? decided.get(h.hijri) : undefined;
    const day = decision ?? h.day;
    if (day < fromIso || day > toIso || removed.has(day)) continue;
    out.push({
      day,
      titleFa: h.titleFa,
      titleEn: h.titleEn,
      origin: h.origin,
      hijri: h.hijri,
      confirmed: h.origin === 'solar' || decision !== undefined,
      computedDay: decision !== undefined && decision !== h.day ? h.day : null,
    });
  }
  for (const a of overrides.added) {
    if (a.day >= fromIso && a.day <= toIso)
      out.push({ ...a, origin: 'added', confirmed: true, hijri: null, computedDay: null });
  }
  const rank = { solar: 0, lunar: 1, added: 2 } as const;
  return out.sort((a, b) => a.day.localeCompare(b.day) || rank[a.origin] - rank[b.origin]);
}

/** A calendar over a span of days, answering which are closed and why. */
export class HolidayCalendar implements ClosedDays {
  private readonly byDay = new Map<string, CalendarHoliday[]>();

  constructor(
    readonly fromIso: string,
    readonly toIso: string,
    overrides: CalendarOverrides = NO_OVERRIDES,
  ) {
    for (const h of calendarHolidays(fromIso, toIso, overrides))
      this.byDay.set(h.day, [...(this.byDay.get(h.day) ?? []), h]);
  }

  holidaysOn(iso: string): CalendarHoliday[] {
    if (iso < this.fromIso || iso > this.toIso)
      throw new RangeError(`${iso} is outside the calendar loaded (${this.fromIso}…${this.toIso})`);
    return this.byDay.get(iso) ?? [];
  }

  closure(iso: string): Closure | null {
    const holidays = this.holidaysOn(iso);
    if (weekdayOfIso(iso) === FRIDAY) return { date: iso, reason: 'friday', holidays };
    return holidays.length ? { date: iso, reason: 'holiday', holidays } : null;
  }

  /** Every holiday in the span, sorted by day. */
  holidays(): CalendarHoliday[] {
    return [...this.byDay.values()].flat();
  }
}

/** Fridays and a plain set of holiday days (tests, and callers that hold only days). */
export function fridaysAnd(holidayDays: ReadonlySet<string>): ClosedDays {
  return {
    closure(iso) {
      const holidays: CalendarHoliday[] = holidayDays.has(iso)
        ? [
            {
              day: iso,
              titleFa: 'تعطیل رسمی',
              titleEn: 'Official holiday',
              origin: 'added',
              confirmed: true,
              hijri: null,
              computedDay: null,
            },
          ]
        : [];
      if (weekdayOfIso(iso) === FRIDAY) return { date: iso, reason: 'friday', holidays };
      return holidays.length ? { date: iso, reason: 'holiday', holidays } : null;
    },
  };
}
