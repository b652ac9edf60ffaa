/**
 * The holiday calendar every closed-day question is answered from: the law's holidays computed for
 * the span asked (`#core/holidays`), with the admins' decisions read from the database and applied
 * over them (`#core/holiday-calendar`). Deadlines, their explanations and the office finder's
 * opening states all load it here, so they agree.
 */
import { HolidayCalendar, LUNAR_MOVE_WINDOW_DAYS, type CalendarOverrides } from '#core/holiday-calendar';
import { addDaysIso } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import * as store from './store';

/**
 * The admins' changes that can touch the days from `fromIso` to `toIso`. One statement after the
 * other: `db` may be a transaction, whose one connection takes one statement at a time.
 */
export async function calendarOverrides(db: Executor, fromIso: string, toIso: string): Promise<CalendarOverrides> {
  // A lunar holiday moved into the span may have been computed just outside it, and the other way round.
  const rows = await store.calendarOverrideRows(
    db,
    { fromIso, toIso },
    { fromIso: addDaysIso(fromIso, -LUNAR_MOVE_WINDOW_DAYS), toIso: addDaysIso(toIso, LUNAR_MOVE_WINDOW_DAYS) },
  );
  return {
    added: rows.flatMap((r) => (r.kind === 'added' ? [{ day: r.day, titleFa: r.titleFa!, titleEn: r.titleEn! }] : [])),
    removed: rows.flatMap((r) => (r.kind === 'removed' ? [r.day] : [])),
    lunarDecisions: rows.flatMap((r) => (r.kind === 'lunar' ? [{ hijri: r.hijri!, day: r.day }] : [])),
  };
}

/** The calendar over the days from `fromIso` to `toIso` (both included). */
export async function loadHolidayCalendar(db: Executor, fromIso: string, toIso: string): Promise<HolidayCalendar> {
  return new HolidayCalendar(fromIso, toIso, await calendarOverrides(db, fromIso, toIso));
}
