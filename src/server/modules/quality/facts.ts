/**
 * Each office's measured facts per Jalali month (the quality area's first part): read from what
 * the counter, filings, court, payments and notices recorded, never typed in; the arithmetic is
 * #core/quality/facts. An office's staff see their office, a province's association and
 * inspectors their province, national oversight all.
 */
import { addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import { tehranInstant } from '#core/consultation-slots';
import { monthFacts, operatorFacts } from '#core/quality/facts';
import { consultationRatingsOf } from '#server/modules/consultation/ratings';
import type { Actor } from '#server/platform/auth/actor';
import { authorizeVisible, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import * as store from './store';

export function monthDays(ctx: AppContext, month: string | undefined): { month: string; days: store.MonthDays } {
  const m = month ?? jalaliMonthOfIso(tehranIsoDate(ctx.clock.now()));
  return { month: m, days: { from: jalaliMonthStartIso(m), to: jalaliMonthStartIso(addJalaliMonths(m, 1)) } };
}

/**
 * The month a list of offices opens on when none is asked: the latest one up to this month in
 * which they recorded anything, so the association's page does not open on an empty month; this
 * month when they recorded nothing.
 */
export async function latestMonthWithData(ctx: AppContext, offices: store.OfficeRow[]): Promise<string> {
  const today = tehranIsoDate(ctx.clock.now());
  const day = await store.latestDataDay(
    ctx.db,
    offices.map((o) => o.id),
    today,
  );
  return jalaliMonthOfIso(day ?? today);
}

export async function listFacts(ctx: AppContext, actor: Actor, query: { month?: string; provinceId?: number }) {
  const scope = scopeFilter(actor, 'quality.facts');
  // Asking for a province outside one's scope is refused, not answered empty.
  if (query.provinceId != null && !scope.all && !scope.provinceIds.includes(query.provinceId))
    throw new AppError('forbidden');
  const offices = await store.officesWithin(ctx.db, scope, query.provinceId);
  const { month, days } = monthDays(ctx, query.month ?? (await latestMonthWithData(ctx, offices)));
  const records = await store.monthRecords(
    ctx.db,
    offices.map((o) => o.id),
    days,
  );
  return { month, offices: offices.map((office) => ({ office, facts: monthFacts(records.get(office.id)!) })) };
}

export async function officeFacts(ctx: AppContext, actor: Actor, officeId: number, month: string | undefined) {
  const office = await store.findOffice(ctx.db, officeId);
  if (!office) throw new AppError('not_found');
  authorizeVisible(actor, 'quality.facts', { officeId, provinceId: office.provinceId });
  const m = monthDays(ctx, month);
  const records = (await store.monthRecords(ctx.db, [officeId], m.days)).get(officeId)!;
  const operators = operatorFacts(records);
  const [names, ratings] = await Promise.all([
    store.staffNames(
      ctx.db,
      operators.map((o) => o.userId),
    ),
    consultationRatingsOf(ctx.db, [officeId], tehranInstant(m.days.from, '00:00'), tehranInstant(m.days.to, '00:00')),
  ]);
  return {
    office,
    month: m.month,
    facts: monthFacts(records),
    operators: operators.map((o) => ({
      userId: o.userId,
      name: names.get(o.userId) ?? String(o.userId),
      facts: o.facts,
    })),
    consultations: ratings.get(officeId)!,
  };
}
