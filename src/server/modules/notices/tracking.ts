/**
 * The citizen's tracking read model: their filings, their cases and their notices with delivery
 * state and deadlines. Behind the self-service portal and the office's consented lookup (the
 * counter area calls `citizenOverview` after checking the citizen's consent). Every query starts
 * from an index on the citizen and reads a bounded page, so the cost does not grow with the
 * number of filings in the country.
 */
import { daysLeft } from '#core/deadlines';
import { closureTitle, type HolidayCalendar } from '#core/holiday-calendar';
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { loadHolidayCalendar } from './calendar';
import * as store from './store';

interface MovedDayView {
  /** ISO day, and the same in Jalali (`1405-10-04`). */
  date: string;
  jalali: string;
  reason: 'friday' | 'holiday';
  /** The holiday's title; null on a plain Friday (or a day no longer in the calendar). */
  title: { fa: string; en: string } | null;
}

export interface DeadlineView {
  days: number;
  /** The last day to act (ISO) and the same in Jalali (`1405-02-10`). */
  lastDay: string;
  lastDayJalali: string;
  /** Delivery + limit + 1 (Art. 445): the last day before Art. 444 moved it. */
  nominalLastDay: string;
  /** The nominal last day when it moved (kept for older clients; `moved` says why). */
  movedFrom: string | null;
  movedFromJalali: string | null;
  /** Why it moved: the first closed day's reason and, for a holiday, its title. */
  movedReason: 'friday' | 'holiday' | null;
  holidayTitle: { fa: string; en: string } | null;
  /** Every closed day the last day moved over, in order. */
  moved: MovedDayView[];
  /** Days from today (Tehran) to the last day: 0 on the day, negative once passed. */
  daysLeft: number;
  expired: boolean;
}

type DeliveredCopy = { deliveredAt: Date | null; deadlineDays: number | null; deadlineDate: string | null };

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** Art. 445: the day after the last counted day. */
const nominalOf = (d: DeliveredCopy) => addDaysIso(tehranIsoDate(d.deliveredAt!), d.deadlineDays! + 1);

/** The deadline of a delivered copy, explained: each closed day it moved over and why. */
export function deadlineView(
  delivery: DeliveredCopy,
  calendar: HolidayCalendar | null,
  today: string,
): DeadlineView | null {
  if (!delivery.deliveredAt || delivery.deadlineDays == null || !delivery.deadlineDate) return null;
  const nominal = nominalOf(delivery);
  const moved: MovedDayView[] = [];
  for (let day = nominal; day < delivery.deadlineDate && calendar; day = addDaysIso(day, 1)) {
    const closure = calendar.closure(day);
    moved.push({
      date: day,
      jalali: jalali(day),
      reason: closure?.reason ?? 'holiday',
      title: closure ? closureTitle(closure) : null,
    });
  }
  const left = daysLeft(today, delivery.deadlineDate);
  const first = moved[0];
  return {
    days: delivery.deadlineDays,
    lastDay: delivery.deadlineDate,
    lastDayJalali: jalali(delivery.deadlineDate),
    nominalLastDay: nominal,
    movedFrom: first ? nominal : null,
    movedFromJalali: first ? jalali(nominal) : null,
    movedReason: first?.reason ?? null,
    holidayTitle: first && first.reason === 'holiday' ? first.title : null,
    moved,
    daysLeft: left,
    expired: left < 0,
  };
}

/** The calendar over the days deadlines moved over (one small read, only when any moved). */
export async function movedCalendar(db: Executor, rows: DeliveredCopy[]): Promise<HolidayCalendar | null> {
  const spans = rows
    .filter((d) => d.deliveredAt && d.deadlineDays != null && d.deadlineDate && nominalOf(d) < d.deadlineDate)
    .map((d) => [nominalOf(d), d.deadlineDate!] as const);
  if (!spans.length) return null;
  return loadHolidayCalendar(
    db,
    spans.map((s) => s[0]).sort()[0],
    spans
      .map((s) => s[1])
      .sort()
      .at(-1)!,
  );
}

async function citizenFilings(db: Executor, citizenId: number, page = 1, pageSize = 20) {
  const [items, total] = await Promise.all([
    store.citizenFilings(db, citizenId, pageSize, (page - 1) * pageSize),
    store.countCitizenFilings(db, citizenId),
  ]);
  return { items, total, page, pageSize };
}

async function citizenCases(db: Executor, citizenId: number, page = 1, pageSize = 20) {
  const [items, total] = await Promise.all([
    store.citizenCases(db, citizenId, pageSize, (page - 1) * pageSize),
    store.countCitizenCases(db, citizenId),
  ]);
  return { items, total, page, pageSize };
}

/** The citizen's notices with their deadlines as of `today` (Tehran, ISO). */
export async function citizenNotices(db: Executor, citizenId: number, today: string, page = 1, pageSize = 20) {
  const [rows, counts] = await Promise.all([
    store.citizenNotices(db, citizenId, pageSize, (page - 1) * pageSize),
    store.countCitizenNotices(db, citizenId),
  ]);
  const calendar = await movedCalendar(
    db,
    rows.map((r) => r.delivery),
  );
  const items = rows.map(({ delivery: d, notice: n, caseNumber, branch, courtId, courtFa, courtEn }) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    issuedAt: n.issuedAt.toISOString(),
    hearingAt: n.hearingAt?.toISOString() ?? null,
    case: { id: n.caseId, caseNumber, branch, court: { id: courtId, name: { fa: courtFa, en: courtEn } } },
    delivered: d.deliveredAt != null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    deliveredChannel: d.deliveredChannel,
    deadline: deadlineView(d, calendar, today),
  }));
  return { items, total: counts.n, undelivered: counts.undelivered, page, pageSize };
}

/**
 * A citizen's filings, cases and notices (the latest 20 of each, with totals): the portal's home
 * and the office's consented status lookup; deadlines as of `today` (Tehran, ISO).
 */
export async function citizenOverview(db: Executor, citizenId: number, today: string) {
  const [filings, cases, notices] = await Promise.all([
    citizenFilings(db, citizenId),
    citizenCases(db, citizenId),
    citizenNotices(db, citizenId, today),
  ]);
  return {
    filings: filings.items,
    cases: cases.items,
    notices: notices.items,
    totals: {
      filings: filings.total,
      cases: cases.total,
      notices: notices.total,
      undeliveredNotices: notices.undelivered,
    },
  };
}

// ——— The signed-in citizen's own tracking (self-service) ———

/** The signed-in citizen, allowed to read their own tracking data. */
function ownCitizen(actor: Actor): number {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'tracking.read-own', { citizenId: actor.citizenId });
  return actor.citizenId;
}

export const ownOverview = (ctx: AppContext, actor: Actor) =>
  citizenOverview(ctx.db, ownCitizen(actor), tehranIsoDate(ctx.clock.now()));

export const ownFilings = (ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) =>
  citizenFilings(ctx.db, ownCitizen(actor), q.page, q.pageSize);

export const ownCases = (ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) =>
  citizenCases(ctx.db, ownCitizen(actor), q.page, q.pageSize);

export const ownNotices = (ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) =>
  citizenNotices(ctx.db, ownCitizen(actor), tehranIsoDate(ctx.clock.now()), q.page, q.pageSize);
