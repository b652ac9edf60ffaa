/**
 * The clocks a proposal for a new office service is reviewed on. The regulator has a number of
 * working days to check that a proposal is complete, and then a second number to decide it.
 *
 * - A working day is a day offices are open: not a Friday, not an official holiday (the holiday
 *   calendar, with the admins' decisions applied).
 * - A clock starts on a day (the day the proposal arrived, or the day it was found complete) and
 *   counts working days from the next day on: the starting day itself is not counted.
 * - While an information request is open the clock stands still: the days after the day it was
 *   asked, up to and including the day it was answered, are not counted. It resumes the next day.
 * - The last day in time (`dueOn`) is the limit's last counted working day. A reading before a
 *   clock stops says how many working days are left, whether a reminder is due (a set number of
 *   working days before the limit, the last day included) or whether the limit has passed and by
 *   how many working days; a stopped clock says whether the step was done within its limit.
 * Dates are ISO calendar days in Tehran.
 */
import type { ClosedDays } from './holiday-calendar';
import { addDaysIso } from './jalali';

/** The limits' defaults, in working days (settings may change them). */
export const DEFAULT_PROPOSAL_LIMITS = { completenessDays: 10, decisionDays: 30, reminderDays: 3 } as const;

/** The longest a count may walk past its limit before giving up (a run of closures never lasts this long). */
const MAX_WALK_DAYS = 2_000;

/** An information request: asked on `from`, answered on `to` (null: still open). */
export interface ClockPause {
  from: string;
  to: string | null;
}

export interface ClockInput {
  /** The day the clock started (not counted). */
  startedOn: string;
  /** The limit, in working days. */
  limitDays: number;
  pauses: readonly ClockPause[];
  /** The day the step was done (the clock stopped), or null while it runs. */
  stoppedOn: string | null;
}

export const CLOCK_STATES = ['running', 'reminder', 'paused', 'overdue', 'met', 'late'] as const;
type ClockState = (typeof CLOCK_STATES)[number];

export interface ClockReading {
  /** Working days counted from the start to today (or to the day the clock stopped). */
  elapsed: number;
  limitDays: number;
  /** Working days left within the limit (0 on the last day, negative past it). */
  remaining: number;
  /** The last working day in time; null while an information request is open (it is not known yet). */
  dueOn: string | null;
  state: ClockState;
  /** Working days past the limit (0 within it). */
  daysOver: number;
}

export function isWorkingDay(iso: string, calendar: ClosedDays): boolean {
  return calendar.closure(iso) === null;
}

function isPaused(iso: string, pauses: readonly ClockPause[]): boolean {
  return pauses.some((p) => iso > p.from && (p.to === null || iso <= p.to));
}

/** Does day `iso` count on the clock (a working day after the start, outside every pause)? */
function counts(iso: string, input: Pick<ClockInput, 'startedOn' | 'pauses'>, calendar: ClosedDays): boolean {
  return iso > input.startedOn && !isPaused(iso, input.pauses) && isWorkingDay(iso, calendar);
}

/** Working days counted from the day after `startedOn` up to and including `untilIso`. */
export function workingDaysCounted(
  input: Pick<ClockInput, 'startedOn' | 'pauses'>,
  untilIso: string,
  calendar: ClosedDays,
): number {
  let n = 0;
  for (let day = addDaysIso(input.startedOn, 1); day <= untilIso; day = addDaysIso(day, 1))
    if (counts(day, input, calendar)) n++;
  return n;
}

/** The last working day in time, or null while an information request is open. */
export function dueOn(input: Omit<ClockInput, 'stoppedOn'>, calendar: ClosedDays): string | null {
  if (!Number.isInteger(input.limitDays) || input.limitDays < 1)
    throw new RangeError(`a limit must be a whole number of working days, got ${input.limitDays}`);
  const open = input.pauses.find((p) => p.to === null);
  let n = 0;
  let day = input.startedOn;
  for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
    day = addDaysIso(day, 1);
    if (open && day > open.from) return null;
    if (counts(day, input, calendar) && ++n === input.limitDays) return day;
  }
  throw new RangeError(`no working day ${input.limitDays} within ${MAX_WALK_DAYS} days of ${input.startedOn}`);
}

/** The clock read on `today`; `reminderDays` working days before its limit it asks for a reminder. */
export function readClock(input: ClockInput, today: string, reminderDays: number, calendar: ClosedDays): ClockReading {
  const until = input.stoppedOn ?? today;
  const elapsed = workingDaysCounted(input, until, calendar);
  const remaining = input.limitDays - elapsed;
  const daysOver = Math.max(0, -remaining);
  const paused = input.stoppedOn === null && input.pauses.some((p) => p.to === null);
  const state: ClockState =
    input.stoppedOn !== null
      ? daysOver > 0
        ? 'late'
        : 'met'
      : paused
        ? 'paused'
        : daysOver > 0
          ? 'overdue'
          : remaining <= reminderDays
            ? 'reminder'
            : 'running';
  return { elapsed, limitDays: input.limitDays, remaining, dueOn: dueOn(input, calendar), state, daysOver };
}

/** The span of days a clock from `startedOn` read on `today` may look at: load the calendar for it. */
export function clockSpan(startedOn: string, limitDays: number, today: string): { fromIso: string; toIso: string } {
  const last = today > startedOn ? today : startedOn;
  // A working week has six days; closures add at most a few weeks in a year.
  return { fromIso: startedOn, toIso: addDaysIso(last, Math.ceil((limitDays * 7) / 6) + 60) };
}

/** What a daily reminder job owes a running clock today. */
export type ClockNotice = 'remind' | 'escalate';

/**
 * A running clock owes its keeper one reminder once it enters its last working days, and one
 * escalation once its limit has passed — each once (`sent` says which were already sent for this
 * clock); a paused, met or late clock owes nothing. Shared by every working-day clock a job watches
 * (proposals' review, complaints' answer).
 */
export function clockNotice(
  reading: ClockReading,
  sent: { reminded: boolean; escalated: boolean },
): ClockNotice | null {
  if (reading.state === 'reminder' && !sent.reminded) return 'remind';
  if (reading.state === 'overdue' && !sent.escalated) return 'escalate';
  return null;
}
