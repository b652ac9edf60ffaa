/**
 * The holiday calendar as admins keep it (regulator admins change it, association admins read it):
 * the law's holidays are computed for any year; admins confirm a computed lunar holiday or move it
 * to the official (moon-sighting) day, add closures the law does not list, and remove days — each
 * change audited in the transaction that makes it.
 */
import { calendarHolidays, LUNAR_MOVE_WINDOW_DAYS, type CalendarHoliday } from '#core/holiday-calendar';
import {
  addDaysIso,
  formatJalaliIso,
  isoToJalali,
  jalaliToIso,
  parseJalaliDate,
  tehranIsoDate,
  weekdayOfIso,
} from '#core/jalali';
import { daysLeft } from '#core/deadlines';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { Executor } from '#server/db/transaction';
import { calendarOverrides } from './calendar';
import * as store from './store';

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** The holidays of the days from `fromIso` to `toIso` as the calendar holds them now. */
async function holidaysBetween(db: Executor, fromIso: string, toIso: string): Promise<CalendarHoliday[]> {
  return calendarHolidays(fromIso, toIso, await calendarOverrides(db, fromIso, toIso));
}

function partView(h: CalendarHoliday) {
  return {
    titleFa: h.titleFa,
    titleEn: h.titleEn,
    origin: h.origin,
    confirmed: h.confirmed,
    hijri: h.hijri,
    computedDay: h.computedDay,
    computedDayJalali: h.computedDay ? jalali(h.computedDay) : null,
  };
}

/** One row per day: the titles joined, `computed` while a lunar holiday on it awaits confirmation. */
function dayView(day: string, holidays: CalendarHoliday[]) {
  return {
    day,
    jalali: jalali(day),
    titleFa: holidays.map((h) => h.titleFa).join('؛ '),
    titleEn: holidays.map((h) => h.titleEn).join('; '),
    computed: holidays.some((h) => !h.confirmed),
    weekday: weekdayOfIso(day),
    holidays: holidays.map(partView),
  };
}

function byDay(holidays: CalendarHoliday[]) {
  const days = new Map<string, CalendarHoliday[]>();
  for (const h of holidays) days.set(h.day, [...(days.get(h.day) ?? []), h]);
  return [...days].map(([day, list]) => dayView(day, list));
}

async function dayOf(db: Executor, day: string) {
  const list = await holidaysBetween(db, day, day);
  return list.length ? dayView(day, list) : null;
}

export async function listHolidays(ctx: AppContext, actor: Actor, year?: number) {
  scopeFilter(actor, 'holidays.read');
  const jy = year ?? isoToJalali(tehranIsoDate(ctx.clock.now())).jy;
  const from = jalaliToIso({ jy, jm: 1, jd: 1 });
  const to = addDaysIso(jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 }), -1);
  const [items, removed] = await Promise.all([
    holidaysBetween(ctx.db, from, to),
    store.removalsBetween(ctx.db, from, to),
  ]);
  return {
    year: jy,
    items: byDay(items),
    removed: removed.map((r) => ({ day: r.day, jalali: jalali(r.day), titleFa: r.titleFa, titleEn: r.titleEn })),
  };
}

function parsedDay(jalaliDate: string): string {
  const parsed = parseJalaliDate(jalaliDate);
  if (!parsed) throw invalidField('date', 'invalid_jalali_date');
  return jalaliToIso(parsed);
}

/**
 * Adds a day to the calendar. A day the law closes but an admin had removed is restored (with the
 * law's title); any other day is added under the admin's title. A day already closed is a conflict.
 */
export async function addHoliday(
  ctx: AppContext,
  actor: Actor,
  input: { date: { iso: string; jalali: string }; titleFa: string; titleEn: string },
) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  const day = input.date.iso;
  return ctx.db.transaction(async (tx) => {
    if ((await holidaysBetween(tx, day, day)).length)
      throw new AppError('holiday_exists', { fields: [fieldError('date', 'invalid_value')] });
    const restored = await store.deleteRemoval(tx, day);
    const law = restored ? await holidaysBetween(tx, day, day) : [];
    if (!law.length) {
      if (!(await store.insertHoliday(tx, { day, titleFa: input.titleFa, titleEn: input.titleEn })))
        throw new AppError('holiday_exists', { fields: [fieldError('date', 'invalid_value')] });
    }
    await recordAudit(tx, actor, {
      action: 'holidays.add',
      entityType: 'holiday',
      entityId: day,
      data: {
        jalali: input.date.jalali,
        titleFa: input.titleFa,
        titleEn: input.titleEn,
        ...(law.length ? { restored: law.map((h) => h.titleEn) } : {}),
      },
    });
    return (await dayOf(tx, day))!;
  });
}

/** Opens a day again: an added day is deleted, and the law's holidays on it are recorded as removed. */
export async function removeHoliday(ctx: AppContext, actor: Actor, jalaliDate: string) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  const day = parsedDay(jalaliDate);
  await ctx.db.transaction(async (tx) => {
    const before = await holidaysBetween(tx, day, day);
    if (!before.length) throw new AppError('not_found');
    await store.deleteHoliday(tx, day);
    const law = before.filter((h) => h.origin !== 'added');
    if (law.length) {
      await store.insertRemoval(tx, {
        day,
        titleFa: law.map((h) => h.titleFa).join('؛ '),
        titleEn: law.map((h) => h.titleEn).join('; '),
        removedBy: actor.userId,
        removedAt: ctx.clock.now(),
      });
    }
    await recordAudit(tx, actor, {
      action: 'holidays.remove',
      entityType: 'holiday',
      entityId: day,
      data: {
        jalali: jalali(day),
        titleFa: before.map((h) => h.titleFa).join('؛ '),
        titleEn: before.map((h) => h.titleEn).join('; '),
        origins: before.map((h) => h.origin),
      },
    });
  });
}

async function lunarOn(tx: Executor, day: string): Promise<CalendarHoliday> {
  const lunar = (await holidaysBetween(tx, day, day)).find((h) => h.origin === 'lunar');
  if (!lunar?.hijri) throw new AppError('lunar_holiday_not_found');
  return lunar;
}

/** Confirms the computed lunar holiday on a day against the official calendar: it stays there, confirmed. */
export async function confirmLunarHoliday(ctx: AppContext, actor: Actor, jalaliDate: string) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  const day = parsedDay(jalaliDate);
  return ctx.db.transaction(async (tx) => {
    const lunar = await lunarOn(tx, day);
    // Confirming what is already confirmed changes nothing and records nothing.
    if (!lunar.confirmed) {
      await store.saveLunarDecision(tx, {
        hijri: lunar.hijri!,
        day,
        computedDay: lunar.computedDay ?? day,
        decidedBy: actor.userId,
        decidedAt: ctx.clock.now(),
      });
      await recordAudit(tx, actor, {
        action: 'holidays.confirm-lunar',
        entityType: 'holiday',
        entityId: day,
        data: { jalali: jalali(day), hijri: lunar.hijri, titleFa: lunar.titleFa, titleEn: lunar.titleEn },
      });
    }
    return (await dayOf(tx, day))!;
  });
}

/** Moves the lunar holiday on a day to the official one, at most three days from the computed day. */
export async function moveLunarHoliday(
  ctx: AppContext,
  actor: Actor,
  jalaliDate: string,
  to: { iso: string; jalali: string },
) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  const day = parsedDay(jalaliDate);
  return ctx.db.transaction(async (tx) => {
    const lunar = await lunarOn(tx, day);
    const computedDay = lunar.computedDay ?? day;
    if (to.iso === day) throw invalidField('to', 'same_day');
    if (Math.abs(daysLeft(computedDay, to.iso)) > LUNAR_MOVE_WINDOW_DAYS)
      throw invalidField('to', 'lunar_move_too_far');
    if ((await holidaysBetween(tx, to.iso, to.iso)).some((h) => h.origin === 'lunar')) {
      throw new AppError('holiday_exists', { fields: [fieldError('to', 'invalid_value')] });
    }
    // A holiday moved onto a day an admin had opened closes it again.
    await store.deleteRemoval(tx, to.iso);
    await store.saveLunarDecision(tx, {
      hijri: lunar.hijri!,
      day: to.iso,
      computedDay,
      decidedBy: actor.userId,
      decidedAt: ctx.clock.now(),
    });
    await recordAudit(tx, actor, {
      action: 'holidays.move-lunar',
      entityType: 'holiday',
      entityId: to.iso,
      data: {
        hijri: lunar.hijri,
        titleFa: lunar.titleFa,
        titleEn: lunar.titleEn,
        from: jalali(day),
        to: to.jalali,
        computed: jalali(computedDay),
      },
    });
    return (await dayOf(tx, to.iso))!;
  });
}
