/**
 * The citizen's tracking read model: their filings, their cases and their notices with delivery
 * state and deadlines. Behind the self-service portal and the office's consented lookup (the
 * counter area calls `citizenOverview` after checking the citizen's consent). Every query starts
 * from an index on the citizen and reads a bounded page, so the cost does not grow with the
 * number of filings in the country.
 */
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate, weekdayOfIso } from '#core/jalali';
import { daysLeft, FRIDAY } from '#core/deadlines';
import type { Executor } from '../../db/transaction';
import * as store from './store';

export interface DeadlineView {
  days: number;
  /** The last day to act (ISO) and the same in Jalali (`1405-02-10`). */
  lastDay: string;
  lastDayJalali: string;
  /** The day it would have been had it not fallen on a closed day. */
  movedFrom: string | null;
  movedFromJalali: string | null;
  movedReason: 'friday' | 'holiday' | null;
  holidayTitle: { fa: string; en: string } | null;
  /** Days from today (Tehran) to the last day: 0 on the day, negative once passed. */
  daysLeft: number;
  expired: boolean;
}

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** The deadline of a delivered copy, explained: where it moved from and why. */
export function deadlineView(
  delivery: { deliveredAt: Date | null; deadlineDays: number | null; deadlineDate: string | null },
  holidayTitles: ReadonlyMap<string, { fa: string; en: string }>,
  today: string,
): DeadlineView | null {
  if (!delivery.deliveredAt || delivery.deadlineDays == null || !delivery.deadlineDate) return null;
  const nominal = addDaysIso(tehranIsoDate(delivery.deliveredAt), delivery.deadlineDays);
  const moved = nominal !== delivery.deadlineDate;
  const left = daysLeft(today, delivery.deadlineDate);
  return {
    days: delivery.deadlineDays, lastDay: delivery.deadlineDate, lastDayJalali: jalali(delivery.deadlineDate),
    movedFrom: moved ? nominal : null, movedFromJalali: moved ? jalali(nominal) : null,
    movedReason: !moved ? null : weekdayOfIso(nominal) === FRIDAY ? 'friday' : 'holiday',
    holidayTitle: moved && weekdayOfIso(nominal) !== FRIDAY ? holidayTitles.get(nominal) ?? null : null,
    daysLeft: left, expired: left < 0,
  };
}

/** The closed days that pushed deadlines back, with their titles (one small lookup, only when any moved). */
async function titlesOfMovedDays(db: Executor, rows: { deliveredAt: Date | null; deadlineDays: number | null; deadlineDate: string | null }[]) {
  const days = rows.flatMap((d) => {
    if (!d.deliveredAt || d.deadlineDays == null || !d.deadlineDate) return [];
    const nominal = addDaysIso(tehranIsoDate(d.deliveredAt), d.deadlineDays);
    return nominal !== d.deadlineDate && weekdayOfIso(nominal) !== FRIDAY ? [nominal] : [];
  });
  const rowsFound = await store.holidaysOn(db, [...new Set(days)]);
  return new Map(rowsFound.map((h) => [h.day, { fa: h.titleFa, en: h.titleEn }]));
}

export async function citizenFilings(db: Executor, citizenId: number, page = 1, pageSize = 20) {
  const [items, total] = await Promise.all([
    store.citizenFilings(db, citizenId, pageSize, (page - 1) * pageSize), store.countCitizenFilings(db, citizenId),
  ]);
  return { items, total, page, pageSize };
}

export async function citizenCases(db: Executor, citizenId: number, page = 1, pageSize = 20) {
  const [items, total] = await Promise.all([
    store.citizenCases(db, citizenId, pageSize, (page - 1) * pageSize), store.countCitizenCases(db, citizenId),
  ]);
  return { items, total, page, pageSize };
}

/** `today` (Tehran, by the server's clock) is what the days left are counted from. */
export async function citizenNotices(db: Executor, citizenId: number, today: string, page = 1, pageSize = 20) {
  const [rows, counts] = await Promise.all([
    store.citizenNotices(db, citizenId, pageSize, (page - 1) * pageSize), store.countCitizenNotices(db, citizenId),
  ]);
  const titles = await titlesOfMovedDays(db, rows.map((r) => r.delivery));
  const items = rows.map(({ delivery: d, notice: n, caseNumber, branch, courtId, courtFa, courtEn }) => ({
    id: n.id, kind: n.kind, title: n.title, issuedAt: n.issuedAt.toISOString(), hearingAt: n.hearingAt?.toISOString() ?? null,
    case: { id: n.caseId, caseNumber, branch, court: { id: courtId, name: { fa: courtFa, en: courtEn } } },
    delivered: d.deliveredAt != null, deliveredAt: d.deliveredAt?.toISOString() ?? null, deliveredChannel: d.deliveredChannel,
    deadline: deadlineView(d, titles, today),
  }));
  return { items, total: counts.n, undelivered: counts.undelivered, page, pageSize };
}

/**
 * A citizen's filings, cases and notices (the latest 20 of each, with totals): the portal's home
 * and the office's consented status lookup.
 */
export async function citizenOverview(db: Executor, citizenId: number, today: string) {
  const [filings, cases, notices] = await Promise.all([
    citizenFilings(db, citizenId), citizenCases(db, citizenId), citizenNotices(db, citizenId, today),
  ]);
  return {
    filings: filings.items, cases: cases.items, notices: notices.items,
    totals: { filings: filings.total, cases: cases.total, notices: notices.total, undeliveredNotices: notices.undelivered },
  };
}

export type CitizenOverview = Awaited<ReturnType<typeof citizenOverview>>;
