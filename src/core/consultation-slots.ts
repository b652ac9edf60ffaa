/**
 * A consultant's free slots: their weekly hours at one place (an office or video), cut into
 * sessions of a fixed length on Tehran's wall clock, on the days offices are open (no Fridays, no
 * official holidays), less what is already booked and what starts too soon. Pure, so the server
 * answers it, the web draws it and tests pin it to any week.
 */
import type { ClosedDays } from './holiday-calendar';
import { addDaysIso, tehranIsoDate } from './jalali';
import { iranianWeekday, tehranClock } from './office-finder';
import { minutesOf, type OpeningPeriod } from './office-hours';

/** How far ahead a citizen may book, in days. */
export const BOOKING_HORIZON_DAYS = 30;
/** The shortest notice a booking may be made at: a session starts at least this long after now. */
export const BOOKING_LEAD_MINUTES = 60;

/** A time already taken: a booking of the consultant, or of the room they sit in. */
interface BusyPeriod {
  startsAt: Date;
  endsAt: Date;
}

export interface SlotRequest {
  /** The weekly hours at this place (day 0 = Saturday … 6 = Friday, HH:MM in Tehran). */
  hours: readonly OpeningPeriod[];
  /** First and last Tehran day looked at (ISO, both included). */
  fromIso: string;
  toIso: string;
  sessionMinutes: number;
  /** Fridays and official holidays: no sessions at all on them. */
  closed: ClosedDays;
  busy: readonly BusyPeriod[];
  /** No session starts before this instant (now plus the booking lead). */
  notBefore: Date;
  /** The last day the consultant may sit (their licence's expiry); null: no end. */
  lastDay?: string | null;
}

export interface Slot {
  /** The instant the session starts and ends (UTC). */
  startsAt: Date;
  endsAt: Date;
  /** Its Tehran day (ISO) and wall-clock start (HH:MM). */
  day: string;
  time: string;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The instant a Tehran wall-clock time falls on. Iran keeps UTC+03:30 since 1401 (and kept a
 * summer hour before): the offset is read from the time-zone data for that day, not assumed.
 */
export function tehranInstant(isoDay: string, time: string): Date {
  const wanted = minutesOf(time);
  const [y, m, d] = isoDay.split('-').map(Number);
  let at = new Date(Date.UTC(y, m - 1, d) + (wanted - 210) * 60_000);
  for (let i = 0; i < 2; i++) {
    const clock = tehranClock(at);
    const dayShift = clock.isoDay === isoDay ? 0 : clock.isoDay < isoDay ? -1440 : 1440;
    const off = wanted - (clock.minutes + dayShift);
    if (off === 0) break;
    at = new Date(at.getTime() + off * 60_000);
  }
  return at;
}

/** Does [start, end) meet any busy period? Touching periods do not. */
function clashes(start: number, end: number, busy: readonly BusyPeriod[]): boolean {
  return busy.some((b) => b.startsAt.getTime() < end && start < b.endsAt.getTime());
}

/** The free slots, in time order. */
/**
 * The instant of each minute of a day's working periods on Tehran's clock. Reading the clock
 * (Intl) for every slot was most of the work; a day whose offset is the same at its first opening
 * and its last closing (every day since Iran ended daylight saving) needs it read twice.
 */
function dayClock(day: string, periods: readonly { opens: string; closes: string }[]): (minute: number) => Date {
  if (periods.length === 0) return (minute) => tehranInstant(day, hhmm(minute));
  const first = minutesOf(periods[0].opens);
  const last = Math.max(...periods.map((p) => minutesOf(p.closes)));
  const offset = (minute: number) => tehranInstant(day, hhmm(minute)).getTime() - minute * 60_000;
  const atFirst = offset(first);
  if (atFirst !== offset(last)) return (minute) => tehranInstant(day, hhmm(minute));
  return (minute) => new Date(atFirst + minute * 60_000);
}

export function freeSlots(request: SlotRequest): Slot[] {
  const { sessionMinutes: length } = request;
  if (!Number.isInteger(length) || length <= 0) return [];
  const out: Slot[] = [];
  const last = request.lastDay && request.lastDay < request.toIso ? request.lastDay : request.toIso;
  for (let day = request.fromIso; day <= last; day = addDaysIso(day, 1)) {
    if (request.closed.closure(day)) continue;
    const weekday = iranianWeekday(day);
    const periods = request.hours
      .filter((p) => p.day === weekday)
      .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    const at = dayClock(day, periods);
    for (const p of periods) {
      const closes = minutesOf(p.closes);
      for (let t = minutesOf(p.opens); t + length <= closes; t += length) {
        const startsAt = at(t);
        const endsAt = new Date(startsAt.getTime() + length * 60_000);
        if (startsAt.getTime() < request.notBefore.getTime()) continue;
        if (clashes(startsAt.getTime(), endsAt.getTime(), request.busy)) continue;
        out.push({ startsAt, endsAt, day, time: hhmm(t) });
      }
    }
  }
  return out;
}

/** Is `startsAt` one of the free slots? (A booking names its slot by its start.) */
export function findSlot(request: SlotRequest, startsAt: Date): Slot | null {
  const day = tehranIsoDate(startsAt);
  if (day < request.fromIso || day > request.toIso) return null;
  return (
    freeSlots({ ...request, fromIso: day, toIso: day }).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null
  );
}

/**
 * May a booking still be cancelled or moved with a full refund? Up to the consultant's cut-off:
 * `cutoffHours` before the session starts. At or after it, a cancellation refunds nothing and a
 * booking cannot be moved.
 */
export function beforeCutoff(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - cutoffHours * 3_600_000;
}

/** What a cancellation refunds: everything before the cut-off, nothing after it. */
export function refundOnCancel(paidRials: number, startsAt: Date, cutoffHours: number, now: Date): number {
  return beforeCutoff(startsAt, cutoffHours, now) ? paidRials : 0;
}
