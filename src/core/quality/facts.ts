/**
 * An office's measured facts for one Jalali month, from what Daftar records as the work happens
 * (never typed in): the counter's waiting time (ticket issued → called) and service time (called →
 * done), the court's returns and their reasons, filings submitted the day they were paid, notices
 * opened at the office, payments started at the office then cancelled, and citizens' surveys. Every figure carries
 * the count it was measured on, so a figure from five services is not read like one from five
 * thousand. The same figures are given for each operator, by who did the work.
 */
import { tehranIsoDate } from '#core/jalali';

/** A queue ticket of the month (issued in it), with the operator who called it. */
interface TicketFact {
  createdAt: Date;
  calledAt: Date | null;
  doneAt: Date | null;
  status: 'waiting' | 'serving' | 'done' | 'cancelled';
  servedBy: number | null;
}

/** A court decision of the month on one of the office's filings: accepted or returned (with the court's reasons). */
interface DecisionFact {
  returned: boolean;
  reasons: string | null;
  /** Who submitted the filing the court decided on. */
  submittedBy: number | null;
}

/** A first submission of the month, with when the filing was paid in full. */
interface SubmissionFact {
  paidAt: Date | null;
  submittedAt: Date;
  submittedBy: number | null;
}

/** A payment started at the office in the month. */
interface PaymentFact {
  cancelled: boolean;
  createdBy: number | null;
}

/** A citizen's survey answered in the month, about a service by an operator. */
interface SurveyFact {
  satisfaction: number;
  wouldReturn: boolean;
  operatorUserId: number | null;
}

/** A notice opened at the office on a citizen's behalf in the month. */
interface NoticeFact {
  deliveredBy: number | null;
}

export interface MonthRecords {
  tickets: TicketFact[];
  decisions: DecisionFact[];
  submissions: SubmissionFact[];
  payments: PaymentFact[];
  notices: NoticeFact[];
  surveys: SurveyFact[];
}

/** A duration measured on `count` tickets: its median and 90th percentile in whole minutes (null without any). */
interface DurationFigure {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** `part` of `count`, as a share in percent with one decimal (null when nothing was counted). */
export interface ShareFigure {
  count: number;
  part: number;
  percent: number | null;
}

export interface MonthFacts {
  waiting: DurationFigure;
  service: DurationFigure;
  /** Tickets issued but cancelled before being served. */
  ticketsCancelled: ShareFigure;
  /** Court decisions on the office's filings, and how many were returns. */
  returned: ShareFigure & { reasons: { reasons: string; count: number }[] };
  /** First submissions, and how many went the same Tehran day the filing was paid. */
  sameDay: ShareFigure;
  noticesAtOffice: { count: number };
  /** Payments started at the office, and how many were cancelled. */
  paymentsCancelled: ShareFigure;
  /** Citizens' surveys answered: mean satisfaction (1–5, two decimals), and how many would come back. */
  feedback: { count: number; meanSatisfaction: number | null; wouldReturn: ShareFigure };
}

const MINUTE = 60_000;

/**
 * The nearest-rank percentile (the smallest value with at least p% of the values at or below it),
 * of values sorted ascending; null for none.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

function duration(minutes: number[]): DurationFigure {
  const sorted = [...minutes].sort((a, b) => a - b);
  const m = median(sorted);
  return {
    count: sorted.length,
    medianMinutes: m == null ? null : Math.round(m),
    p90Minutes: nearestRank(sorted, 90),
  };
}

export function share(part: number, count: number): ShareFigure {
  return { count, part, percent: count === 0 ? null : Math.round((part / count) * 1000) / 10 };
}

const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE));

/** The facts of one set of records (an office's month, or one operator's part of it). */
export function monthFacts(records: MonthRecords): MonthFacts {
  const waits: number[] = [];
  const services: number[] = [];
  let cancelledTickets = 0;
  for (const t of records.tickets) {
    if (t.status === 'cancelled' && t.calledAt == null) cancelledTickets += 1;
    if (t.calledAt) waits.push(minutesBetween(t.createdAt, t.calledAt));
    if (t.calledAt && t.doneAt && t.status === 'done') services.push(minutesBetween(t.calledAt, t.doneAt));
  }
  const reasons = new Map<string, number>();
  let returned = 0;
  for (const d of records.decisions) {
    if (!d.returned) continue;
    returned += 1;
    const text = d.reasons?.trim() || '—';
    reasons.set(text, (reasons.get(text) ?? 0) + 1);
  }
  const sameDay = records.submissions.filter(
    (s) => s.paidAt != null && tehranIsoDate(s.paidAt) === tehranIsoDate(s.submittedAt),
  ).length;
  return {
    waiting: duration(waits),
    service: duration(services),
    ticketsCancelled: share(cancelledTickets, records.tickets.length),
    returned: {
      ...share(returned, records.decisions.length),
      reasons: [...reasons]
        .map(([text, count]) => ({ reasons: text, count }))
        .sort((a, b) => b.count - a.count || a.reasons.localeCompare(b.reasons)),
    },
    sameDay: share(sameDay, records.submissions.length),
    noticesAtOffice: { count: records.notices.length },
    paymentsCancelled: share(records.payments.filter((p) => p.cancelled).length, records.payments.length),
    feedback: {
      count: records.surveys.length,
      meanSatisfaction:
        records.surveys.length === 0
          ? null
          : Math.round((records.surveys.reduce((sum, s) => sum + s.satisfaction, 0) / records.surveys.length) * 100) /
            100,
      wouldReturn: share(records.surveys.filter((s) => s.wouldReturn).length, records.surveys.length),
    },
  };
}

/**
 * Each operator's part of the month: tickets by who called them, decisions and submissions by who
 * submitted, payments by who started them, notices by who opened them. Records with no operator
 * (a filing the citizen submitted online) count for the office only. Ordered by operator id.
 */
export function operatorFacts(records: MonthRecords): { userId: number; facts: MonthFacts }[] {
  const by = new Map<number, MonthRecords>();
  const of = (id: number | null) => {
    if (id == null) return null;
    let r = by.get(id);
    if (!r) {
      r = { tickets: [], decisions: [], submissions: [], payments: [], notices: [], surveys: [] };
      by.set(id, r);
    }
    return r;
  };
  for (const t of records.tickets) of(t.servedBy)?.tickets.push(t);
  for (const d of records.decisions) of(d.submittedBy)?.decisions.push(d);
  for (const s of records.submissions) of(s.submittedBy)?.submissions.push(s);
  for (const p of records.payments) of(p.createdBy)?.payments.push(p);
  for (const n of records.notices) of(n.deliveredBy)?.notices.push(n);
  for (const s of records.surveys) of(s.operatorUserId)?.surveys.push(s);
  return [...by].sort(([a], [b]) => a - b).map(([userId, r]) => ({ userId, facts: monthFacts(r) }));
}
