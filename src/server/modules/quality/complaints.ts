/**
 * Complaints against an office or its operator (docs/decisions/0063): a citizen files one online,
 * or an operator files it for them at another office; the office's manager answers on a
 * working-day clock (#core/quality/complaint); the province's association decides it, upheld or
 * dismissed, with its reasons, once answered or once the manager's time has run out. Every step is
 * audited in its transaction; the complainant sees the whole case. An upheld complaint counts in
 * the office's score of the month it was decided in.
 */
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import type { ClosedDays } from '#core/holiday-calendar';
import { answerClock, COMPLAINT_ANSWER_DAYS, type ComplaintCategory, decidable } from '#core/quality/complaint';
import { clockSpan } from '#core/proposal-clock';
import type { Executor } from '#server/db/transaction';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, authorize, authorizeVisible, holds, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import * as store from './store';

type Day = { jalali: string; iso: string };

export interface ComplaintInput {
  officeId: number;
  operatorUserId?: number | null;
  category: ComplaintCategory;
  occurredOn: Day;
  text: string;
  citizenId?: number;
}

const resourceOf = (c: store.ComplaintRow) => ({
  officeId: c.officeId,
  provinceId: c.provinceId,
  citizenId: Number(c.citizenId),
});

export async function calendarFor(db: Executor, rows: store.ComplaintRow[], today: string): Promise<ClosedDays> {
  // ISO days sort as text: the earliest day filed, or today.
  const first = [today, ...rows.map((r) => r.filedOn)].sort()[0];
  const span = clockSpan(first, COMPLAINT_ANSWER_DAYS, today);
  return loadHolidayCalendar(db, span.fromIso, addDaysIso(span.toIso, 30));
}

async function views(db: Executor, rows: store.ComplaintRow[], today: string) {
  const [calendar, offices, names] = await Promise.all([
    calendarFor(db, rows, today),
    store.officesByIds(db, [...new Set(rows.map((r) => r.officeId))]),
    store.staffNames(db, [
      ...new Set(rows.flatMap((r) => (r.operatorUserId != null ? [Number(r.operatorUserId)] : []))),
    ]),
  ]);
  return rows.map((r) => {
    const clock = answerClock(r.filedOn, r.answeredOn, today, calendar);
    const operatorId = r.operatorUserId == null ? null : Number(r.operatorUserId);
    return {
      id: Number(r.id),
      office: offices.get(r.officeId)!,
      operator: operatorId == null ? null : { userId: operatorId, name: names.get(operatorId) ?? String(operatorId) },
      channel: r.channel,
      category: r.category,
      occurredOn: r.occurredOn,
      text: r.text,
      filedOn: r.filedOn,
      state: r.state,
      answer: r.answer,
      answeredOn: r.answeredOn,
      reasons: r.reasons,
      decidedOn: r.decidedOn,
      answerClock: clock,
      decidable: decidable(r.state, clock),
      remindedOn: r.remindedOn,
      escalatedOn: r.escalatedOn,
    };
  });
}

const todayOf = (ctx: AppContext) => tehranIsoDate(ctx.clock.now());

async function viewOne(ctx: AppContext, id: number) {
  const row = (await store.findComplaint(ctx.db, id))!;
  return (await views(ctx.db, [row], todayOf(ctx)))[0];
}

/** A citizen files a complaint online, or an operator at another office files it for them. */
export async function fileComplaint(ctx: AppContext, actor: Actor, input: ComplaintInput) {
  if (!holds(actor, 'quality.complaints.file')) throw new AppError('forbidden');
  const atOffice = actor.kind === 'staff';
  const counter = atOffice ? actingOffice(actor, 'quality.complaints.file') : null;
  const citizenId = atOffice ? input.citizenId : actor.citizenId;
  if (citizenId == null) throw invalidField('citizenId', 'complainant_required');
  if (!atOffice && input.citizenId != null && input.citizenId !== actor.citizenId) throw new AppError('forbidden');
  const office = await store.findOffice(ctx.db, input.officeId);
  if (!office) throw invalidField('officeId', 'invalid_value');
  if (counter && counter.officeId === office.id) throw invalidField('officeId', 'complaint_own_office');
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  if (input.occurredOn.iso > today) throw invalidField('occurredOn', 'date_in_future');
  const id = await ctx.db.transaction(async (tx) => {
    if (atOffice && !(await store.citizenExists(tx, citizenId))) throw invalidField('citizenId', 'invalid_value');
    if (input.operatorUserId != null && !(await store.worksAtOffice(tx, input.operatorUserId, office.id)))
      throw invalidField('operatorUserId', 'operator_not_at_office');
    const id = await store.insertComplaint(tx, {
      officeId: office.id,
      provinceId: office.provinceId,
      operatorUserId: input.operatorUserId ?? null,
      citizenId,
      channel: atOffice ? 'office' : 'online',
      filedAtOfficeId: counter?.officeId ?? null,
      filedBy: actor.userId,
      category: input.category,
      occurredOn: input.occurredOn.iso,
      text: input.text.trim(),
      filedOn: today,
      filedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'quality.complaint.file',
      entityType: 'quality_complaint',
      entityId: id,
      provinceId: office.provinceId,
      officeId: office.id,
      data: { category: input.category, channel: atOffice ? 'office' : 'online', citizenId },
    });
    return id;
  });
  return viewOne(ctx, id);
}

/** Complaints the caller may see: the citizen's own, a manager's office's, a province's, or all. */
export async function listComplaints(ctx: AppContext, actor: Actor, query: { state?: string; provinceId?: number }) {
  const scope = scopeFilter(actor, 'quality.complaints.read');
  if (query.provinceId != null && !scope.all && !scope.provinceIds.includes(query.provinceId))
    throw new AppError('forbidden');
  const rows = await store.complaintsWithin(ctx.db, scope, query);
  return { items: await views(ctx.db, rows, todayOf(ctx)) };
}

export async function getComplaint(ctx: AppContext, actor: Actor, id: number) {
  const row = await store.findComplaint(ctx.db, id);
  if (!row) throw new AppError('not_found');
  authorizeVisible(actor, 'quality.complaints.read', resourceOf(row));
  return (await views(ctx.db, [row], todayOf(ctx)))[0];
}

/** The office's manager answers, once, while the complaint awaits them (late answers are taken, and show late). */
export async function answerComplaint(ctx: AppContext, actor: Actor, id: number, input: { answer: string }) {
  await ctx.db.transaction(async (tx) => {
    const row = await store.findComplaint(tx, id, true);
    if (!row) throw new AppError('not_found');
    authorizeVisible(actor, 'quality.complaints.read', resourceOf(row));
    authorize(actor, 'quality.complaints.answer', resourceOf(row));
    if (row.state !== 'received') throw new AppError('complaint_not_answerable');
    const today = todayOf(ctx);
    await store.updateComplaint(tx, id, {
      state: 'answered',
      answer: input.answer.trim(),
      answeredOn: today,
      answeredBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'quality.complaint.answer',
      entityType: 'quality_complaint',
      entityId: id,
      provinceId: row.provinceId,
      officeId: row.officeId,
      data: { answeredOn: today },
    });
  });
  return viewOne(ctx, id);
}

/** The province's association decides: upheld or dismissed, with reasons the complainant reads. */
export async function decideComplaint(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { outcome: 'upheld' | 'dismissed'; reasons: string },
) {
  await ctx.db.transaction(async (tx) => {
    const row = await store.findComplaint(tx, id, true);
    if (!row) throw new AppError('not_found');
    authorizeVisible(actor, 'quality.complaints.read', resourceOf(row));
    authorize(actor, 'quality.complaints.decide', resourceOf(row));
    const today = todayOf(ctx);
    const calendar = await calendarFor(tx, [row], today);
    if (!decidable(row.state, answerClock(row.filedOn, row.answeredOn, today, calendar)))
      throw new AppError('complaint_not_decidable');
    await store.updateComplaint(tx, id, {
      state: input.outcome,
      reasons: input.reasons.trim(),
      decidedOn: today,
      decidedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'quality.complaint.decide',
      entityType: 'quality_complaint',
      entityId: id,
      provinceId: row.provinceId,
      officeId: row.officeId,
      data: { outcome: input.outcome, reasons: input.reasons.trim(), decidedOn: today },
    });
  });
  return viewOne(ctx, id);
}
