/**
 * A notice's dates as calendar events a citizen can add to their phone: the hearing of a summons
 * (its moment, in UTC) and the last day of the time limit (a whole day). The summary is Persian and
 * names the court, the branch and the case number, so the entry is recognisable on its own.
 */
import type { CalendarEvent } from './icalendar';
import { toPersianDigits } from './persian-digits';

export interface NoticeForCalendar {
  id: number;
  title: string;
  issuedAt: string;
  hearingAt: string | null;
  case: { caseNumber: string; branch: number; court: { name: { fa: string } } };
  deadline: { days: number; lastDay: string } | null;
}

const where = (n: NoticeForCalendar) =>
  `${n.case.court.name.fa}، شعبهٔ ${toPersianDigits(n.case.branch)} — پروندهٔ ${n.case.caseNumber}`;

/** The hearing of a summons; null when the notice sets none. */
export function hearingEvent(n: NoticeForCalendar): CalendarEvent | null {
  if (!n.hearingAt) return null;
  return {
    uid: `notice-${n.id}-hearing@daftar`,
    stamp: new Date(n.issuedAt),
    start: { at: new Date(n.hearingAt) },
    summary: `جلسهٔ رسیدگی — ${where(n)}`,
    description: n.title,
  };
}

/** The last day of the time limit, as an all-day event; null when no limit runs. */
export function deadlineEvent(n: NoticeForCalendar): CalendarEvent | null {
  if (!n.deadline) return null;
  return {
    uid: `notice-${n.id}-deadline@daftar`,
    stamp: new Date(n.issuedAt),
    start: { day: n.deadline.lastDay },
    summary: `آخرین روز مهلت ${toPersianDigits(n.deadline.days)} روزه — ${where(n)}`,
    description: n.title,
  };
}
