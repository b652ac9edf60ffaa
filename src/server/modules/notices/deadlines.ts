/**
 * Deadlines counted from a notice's delivery, on the holiday calendar: the count behind a
 * delivered notice's deadline and the public calculator (anyone, signed in or not, may ask what the
 * last day of a limit from a given delivery is — as a fee quote is public).
 */
import {
  ABROAD_LIMIT,
  countFreeLimit,
  countWindow,
  limitInDays,
  type FreeLimitCount,
  type LimitUnit,
} from '#core/deadlines';
import { lastDaySentence, weekdayName, type MovedDay } from '#core/deadline-wording';
import { closureTitle, type Closure } from '#core/holiday-calendar';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { Executor } from '#server/db/transaction';
import { loadHolidayCalendar } from './calendar';
import {
  MAX_LIMIT_DAYS,
  type ComputeDeadlineInput,
  type DeadlineResult,
  type PublicDeadlineRule,
} from './deadline-schemas';
import * as store from './store';
import type { NoticeKind } from './store';

/** Counts a free limit of `days` from a delivery on `deliveredOn` (ISO) over the holiday calendar. */
export async function countFromDelivery(db: Executor, deliveredOn: string, days: number): Promise<FreeLimitCount> {
  const { fromIso, toIso } = countWindow(deliveredOn, days);
  return countFreeLimit(deliveredOn, days, await loadHolidayCalendar(db, fromIso, toIso));
}

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** A closure as the wording module and the API say it. */
function movedDay(closure: Closure): MovedDay {
  return { date: closure.date, reason: closure.reason, title: closureTitle(closure) };
}

function closedDayView(closure: Closure) {
  const title = closureTitle(closure);
  return { date: jalali(closure.date), reason: closure.reason, ...(title ? { title } : {}) };
}

/** The articles a count applied: 443 (units), 444 (closed last days), 445 (free limits), 446 when abroad. */
function articlesOf(abroad: boolean): string[] {
  return abroad ? ['443', '444', '445', '446'] : ['443', '444', '445'];
}

/** The public calculator: the last day to act from a delivery, with every step of the count. */
export async function computeDeadline(ctx: AppContext, input: ComputeDeadlineInput): Promise<DeadlineResult> {
  let amount: number;
  let unit: LimitUnit;
  let rule: DeadlineResult['rule'] = null;
  const abroad = input.abroad === true;
  if (input.kind) {
    const found = await store.findRule(ctx.db, input.kind as NoticeKind);
    if (!found) throw invalidField('kind', 'unknown_notice_kind');
    if (found.days == null)
      throw new AppError('no_time_limit_for_kind', { fields: [fieldError('kind', 'kind_without_limit')] });
    rule = { kind: found.kind, title: { fa: found.titleFa, en: found.titleEn }, source: found.source };
    // Art. 446: whatever the limit for residents, two months for a party living abroad.
    ({ amount, unit } = abroad ? ABROAD_LIMIT : { amount: found.days, unit: 'day' as const });
  } else {
    amount = input.amount!;
    unit = input.unit!;
  }
  const days = limitInDays(amount, unit);
  if (days > MAX_LIMIT_DAYS) throw invalidField('amount', 'limit_too_long');
  const count = await countFromDelivery(ctx.db, input.deliveredOn.iso, days);
  const moved = count.moved.map(movedDay);
  return {
    deliveredOn: input.deliveredOn.jalali,
    limit: { days, amount, unit, kind: input.kind ?? null, abroad },
    firstCountedDay: jalali(count.firstCountedDay),
    lastCountedDay: jalali(count.lastCountedDay),
    nominalLastDay: jalali(count.nominalLastDay),
    lastDay: jalali(count.lastDay),
    lastDayWeekday: { fa: weekdayName(count.lastDay, 'fa'), en: weekdayName(count.lastDay, 'en') },
    moved: count.moved.map(closedDayView),
    closedWithinLimit: count.closedWithin.map(closedDayView),
    unconfirmedHolidays: count.unconfirmedHolidays.map((h) => ({
      date: jalali(h.day),
      title: { fa: h.titleFa, en: h.titleEn },
      hijri: h.hijri ?? '',
    })),
    articles: articlesOf(abroad),
    rule,
    explanation: { fa: lastDaySentence(count.lastDay, moved, 'fa'), en: lastDaySentence(count.lastDay, moved, 'en') },
  };
}

/** The deadline rules per kind of notice, as anyone may read them (the calculator offers them). */
export async function publicRules(ctx: AppContext): Promise<{ items: PublicDeadlineRule[] }> {
  const abroadDays = limitInDays(ABROAD_LIMIT.amount, ABROAD_LIMIT.unit);
  return {
    items: (await store.listRules(ctx.db)).map((r) => ({
      kind: r.kind,
      days: r.days,
      title: { fa: r.titleFa, en: r.titleEn },
      source: r.source,
      abroadDays: r.days == null ? null : abroadDays,
    })),
  };
}
