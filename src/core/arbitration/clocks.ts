/**
 * The clocks of an arbitration case, counted with the Code's rules for time limits (Arts. 443–445,
 * `#core/deadlines`): a month is 30 days, the day of the notice and the day of the act are not
 * counted, and a last day on which offices are closed moves to the next day they open.
 *
 * - The term (مدت داوری): from the day the reference is notified to every arbitrator (Art. 468;
 *   Art. 484 note: «ابتدای آن از روزی است که موضوع برای انجام داوری به داور یا تمام داوران ابلاغ
 *   می‌شود»), as long as the agreement says, three months when it says nothing (Art. 484 note),
 *   longer by every extension the parties agree (same note). An award dated after its last day is
 *   void (Art. 489 para. 4) and is refused.
 * - From the notice of the award to a party: twenty days to comply, after which the court issues
 *   the enforcement order on the other party's request (Art. 488: «هرگاه محکوم‌علیه تا بیست روز پس
 *   از ابلاغ، رأی داوری را اجرا ننماید…»), and twenty days to seek annulment (Art. 490).
 */
import { countFreeLimit, limitInDays, type FreeLimitCount, type LimitUnit } from '../deadlines';
import type { ClosedDays } from '../holiday-calendar';
import { addDaysIso } from '../jalali';

/** Art. 484, note: the term when the agreement sets none. */
const DEFAULT_TERM = { amount: 3, unit: 'month' } as const satisfies { amount: number; unit: LimitUnit };
/** Art. 488: days the losing party has to comply from the notice of the award. */
const COMPLY_DAYS = 20;
/** Art. 490: days to seek annulment from the notice of the award. */
const ANNULMENT_DAYS = 20;

export interface TermLength {
  amount: number;
  unit: LimitUnit;
}

/** The term's length in days: the agreement's (or three months), plus every agreed extension (Art. 443: a month is 30 days). */
export function termDays(agreed: TermLength | null, extensions: readonly TermLength[] = []): number {
  const base = agreed ?? DEFAULT_TERM;
  return [base, ...extensions].reduce((sum, t) => sum + limitInDays(t.amount, t.unit), 0);
}

/** The term counted from the day the last arbitrator was notified. */
export function countTerm(
  notifiedOn: string,
  agreed: TermLength | null,
  extensions: readonly TermLength[],
  calendar: ClosedDays,
): FreeLimitCount {
  return countFreeLimit(notifiedOn, termDays(agreed, extensions), calendar);
}

/** Art. 489 para. 4: an award is in time when dated on or before the term's last day. */
export function awardInTime(awardDate: string, termLastDay: string): boolean {
  return awardDate <= termLastDay;
}

export interface AwardWindows {
  deliveredOn: string;
  /** Art. 488: the last day the losing party may comply of their own accord. */
  complyLastDay: string;
  /** Art. 488: the first day the winning party may ask the court for the enforcement order. */
  enforcementFrom: string;
  /** Art. 490: the last day to seek annulment. */
  annulmentLastDay: string;
}

/** The windows that run from the day the award was delivered to a party. */
export function awardWindows(deliveredOn: string, calendar: ClosedDays): AwardWindows {
  const comply = countFreeLimit(deliveredOn, COMPLY_DAYS, calendar);
  const annul = countFreeLimit(deliveredOn, ANNULMENT_DAYS, calendar);
  return {
    deliveredOn,
    complyLastDay: comply.lastDay,
    enforcementFrom: addDaysIso(comply.lastDay, 1),
    annulmentLastDay: annul.lastDay,
  };
}

/**
 * With several parties the award reaches each on its own day; the windows that bind the case are
 * the ones of the last party reached (the same reading as Art. 447 for several defendants), and a
 * party not yet reached keeps them open.
 */
export function latestDelivery(deliveredOn: readonly (string | null)[]): string | null {
  if (deliveredOn.length === 0 || deliveredOn.some((d) => d === null)) return null;
  return [...(deliveredOn as string[])].sort().at(-1)!;
}
