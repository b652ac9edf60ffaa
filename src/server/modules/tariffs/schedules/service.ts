/**
 * Tariff schedules as policy: the association drafts a schedule (by hand, copied, or indexed from
 * an earlier one), the regulator approves it — never one's own draft — and it comes into force on
 * its start date. Approved schedules are public history; drafts are seen by oversight only.
 */
import { channelFee, scheduleInForce, type TariffSchedule } from '#core/fees';
import {
  addJalaliMonths,
  formatJalali,
  formatJalaliIso,
  formatJalaliMonth,
  isoToJalali,
  jalaliMonthOfIso,
  jalaliMonthStartIso,
  tehranIsoDate,
} from '#core/jalali';
import { changePercent, indexLines, type IndexationOptions } from '#core/tariff-indexation';
import {
  conflictingSchedule,
  isRetroactive,
  lineProblems,
  missingCodes,
  scheduleState,
  type LineProblem,
} from '#core/tariff-schedule-rules';
import type { z } from 'zod';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import type { Executor } from '#server/db/transaction';
import type {
  editDraftBody,
  indexationPreviewBody,
  newDraftBody,
  scheduleSchema,
  scheduleSummarySchema,
} from '#server/modules/tariffs/schemas';
import { approvedSchedules } from '#server/modules/tariffs/store';
import * as store from './store';

type Summary = z.infer<typeof scheduleSummarySchema>;
type ScheduleView = z.infer<typeof scheduleSchema>;
type NewDraft = z.infer<typeof newDraftBody>;
type EditDraft = z.infer<typeof editDraftBody>;
type DraftLineInput = { code: string; amountRials: number; onlineAmountRials?: number | null };

export interface LineChange {
  code: string;
  titleFa: string;
  titleEn: string;
  beforeRials: number | null;
  afterRials: number | null;
  changePercent: number | null;
  onlineBeforeRials: number | null;
  onlineAfterRials: number | null;
  onlineChangePercent: number | null;
}

const jalali = (iso: string | null) => (iso ? formatJalaliIso(isoToJalali(iso)) : null);
const person = (userId: number | null, name: string | null) => (userId == null ? null : { userId, name: name ?? '' });

function toSummary(row: store.ScheduleWithPeople, approved: readonly store.ScheduleRow[], today: string): Summary {
  return {
    id: row.id,
    code: row.code,
    titleFa: row.titleFa,
    titleEn: row.titleEn,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    effectiveFromJalali: jalali(row.effectiveFrom)!,
    effectiveTo: row.effectiveTo,
    effectiveToJalali: jalali(row.effectiveTo),
    state: scheduleState(row, approved, today),
    source: row.source,
    note: row.note,
    basedOnId: row.basedOnId,
    indexation: row.indexation ?? null,
    createdBy: person(row.createdBy, row.createdByName),
    approvedBy: person(row.approvedBy, row.approvedByName),
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

/** May the actor see drafts? Schedules are national: any grant of the permission will do. */
function requireDraftReader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated');
  scopeFilter(actor, 'tariffs.drafts.read');
  return actor;
}

function canReadDrafts(actor: Actor | null): boolean {
  if (!actor) return false;
  try {
    scopeFilter(actor, 'tariffs.drafts.read');
    return true;
  } catch {
    return false;
  }
}

/** Approved schedules (public); drafts, or everything, for oversight. Latest start first. */
export async function listSchedules(
  ctx: AppContext,
  actor: Actor | null,
  status: 'approved' | 'draft' | 'all',
): Promise<{ items: Summary[] }> {
  if (status !== 'approved') requireDraftReader(actor);
  const rows = await store.listSchedules(ctx.db, status === 'all' ? ['draft', 'approved'] : [status]);
  const approved = status === 'approved' ? rows : await store.listSchedules(ctx.db, ['approved']);
  const today = tehranIsoDate(ctx.clock.now());
  return { items: rows.map((r) => toSummary(r, approved, today)) };
}

/** One schedule with its lines; a draft is not revealed to those who may not read drafts. */
async function visibleSchedule(ctx: AppContext, actor: Actor | null, id: number) {
  const row = await store.scheduleById(ctx.db, id);
  if (!row || (row.status === 'draft' && !canReadDrafts(actor))) throw new AppError('not_found');
  return row;
}

export async function getSchedule(ctx: AppContext, actor: Actor | null, id: number): Promise<ScheduleView> {
  const row = await visibleSchedule(ctx, actor, id);
  const [approved, lines] = await Promise.all([store.listSchedules(ctx.db, ['approved']), store.linesOf(ctx.db, id)]);
  return { ...toSummary(row, approved, tehranIsoDate(ctx.clock.now())), lines };
}

/** The schedule a draft is measured against: the approved one in force on its start (itself aside), else today's. */
async function referenceFor(
  db: Executor,
  s: { id?: number; effectiveFrom: string },
  today: string,
): Promise<TariffSchedule | null> {
  const approved = (await approvedSchedules(db)).filter((a) => a.id !== s.id);
  return scheduleInForce(approved, s.effectiveFrom) ?? scheduleInForce(approved, today);
}

function compareLines(
  lines: readonly store.LineRow[],
  reference: readonly store.LineRow[] | undefined,
  titles?: Map<string, { titleFa: string; titleEn: string }>,
): LineChange[] {
  const before = new Map((reference ?? []).map((l) => [l.code, l]));
  const out: LineChange[] = lines.map((l) => {
    const b = before.get(l.code);
    const onlineBefore = b ? channelFee(b, 'online') : null;
    const onlineAfter = channelFee(l, 'online');
    return {
      code: l.code,
      titleFa: l.titleFa,
      titleEn: l.titleEn,
      beforeRials: b?.amountRials ?? null,
      afterRials: l.amountRials,
      changePercent: changePercent(b?.amountRials, l.amountRials),
      onlineBeforeRials: onlineBefore,
      onlineAfterRials: onlineAfter,
      onlineChangePercent: changePercent(onlineBefore, onlineAfter),
    };
  });
  const have = new Set(lines.map((l) => l.code));
  for (const b of reference ?? []) {
    if (have.has(b.code)) continue;
    const t = titles?.get(b.code) ?? b;
    out.push({
      code: b.code,
      titleFa: t.titleFa,
      titleEn: t.titleEn,
      beforeRials: b.amountRials,
      afterRials: null,
      changePercent: null,
      onlineBeforeRials: channelFee(b, 'online'),
      onlineAfterRials: null,
      onlineChangePercent: null,
    });
  }
  return out;
}

const refSummary = (s: TariffSchedule | null) =>
  s
    ? {
        id: s.id,
        code: s.code,
        titleFa: s.titleFa,
        titleEn: s.titleEn,
        effectiveFrom: s.effectiveFrom,
        effectiveFromJalali: jalali(s.effectiveFrom)!,
      }
    : null;

/** Each line old and new against the schedule in force on its start; lines the new one lacks come last with no new fee. */
export async function scheduleChanges(ctx: AppContext, actor: Actor | null, id: number) {
  const row = await visibleSchedule(ctx, actor, id);
  const reference = await referenceFor(ctx.db, row, tehranIsoDate(ctx.clock.now()));
  const lines = await store.linesOf(ctx.db, id);
  return { reference: refSummary(reference), items: compareLines(lines, reference?.lines.map(normalLine)) };
}

const normalLine = (l: TariffSchedule['lines'][number]): store.LineRow => ({
  code: l.code,
  titleFa: l.titleFa,
  titleEn: l.titleEn,
  amountRials: l.amountRials,
  onlineAmountRials: l.onlineAmountRials ?? null,
});

async function baseSchedule(db: Executor, basedOnId: number, field = 'basedOnId') {
  const base = await store.scheduleById(db, basedOnId);
  if (!base) throw invalidField(field, 'invalid_value');
  return { base, lines: await store.linesOf(db, basedOnId) };
}

function indexation(body: { ratePercent: number; roundingRials?: number; mode: 'nearest' | 'up' }): IndexationOptions {
  return { ratePercent: body.ratePercent, roundingRials: body.roundingRials, mode: body.mode };
}

/** The lines a draft indexed from `basedOnId` would get, beside the base's fees. Writes nothing. */
export async function previewIndexation(ctx: AppContext, actor: Actor, body: z.infer<typeof indexationPreviewBody>) {
  authorize(actor, 'tariffs.drafts.manage', {});
  const { base, lines } = await baseSchedule(ctx.db, body.basedOnId);
  const indexed = indexLines(lines, indexation(body));
  return {
    basedOn: { id: base.id, code: base.code, titleFa: base.titleFa, titleEn: base.titleEn },
    ratePercent: body.ratePercent,
    roundingRials: body.roundingRials ?? null,
    mode: body.mode,
    items: compareLines(indexed, lines),
  };
}

/** Turns the findings on a draft's lines into one problem: unknown codes first, else invalid values. */
function throwLineProblems(problems: LineProblem[]): void {
  if (problems.length === 0) return;
  const fields: FieldError[] = problems.map((p) => fieldError(p.field, p.code));
  throw new AppError(problems.some((p) => p.code === 'unknown_service') ? 'unknown_service' : 'validation_failed', {
    fields,
  });
}

function checkDates(from: string, to: string | null | undefined) {
  if (to != null && to < from) throw invalidField('effectiveTo', 'end_before_start');
}

/** Titles for lines given by code: from the base schedule, the schedule in force, then the catalog. */
async function titled(
  db: Executor,
  lines: readonly DraftLineInput[],
  ...sources: (readonly { code: string; titleFa: string; titleEn: string }[] | undefined)[]
): Promise<store.LineRow[]> {
  const catalog = await store.catalogTitles(db);
  const titles = new Map<string, { titleFa: string; titleEn: string }>();
  for (const source of [catalog, ...sources.reverse()])
    for (const l of source ?? []) titles.set(l.code, { titleFa: l.titleFa, titleEn: l.titleEn });
  return lines.map((l) => ({
    code: l.code,
    ...(titles.get(l.code) ?? { titleFa: l.code, titleEn: l.code }),
    amountRials: l.amountRials,
    onlineAmountRials: l.onlineAmountRials ?? null,
  }));
}

async function checkLines(db: Executor, lines: readonly DraftLineInput[], reference: TariffSchedule | null) {
  const catalog = (await store.catalogTitles(db)).map((c) => c.code);
  throwLineProblems(lineProblems(lines, reference?.lines ?? [], catalog));
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
}

const codeTaken = () =>
  new AppError('tariff_code_taken', {
    fields: [
      {
        field: 'code',
        code: 'invalid_value',
        message: { fa: 'تعرفه‌ای با این کد پیش‌تر ثبت شده است.', en: 'A schedule with this code already exists.' },
      },
    ],
  });

/**
 * A new draft: from a base schedule's lines (copied, or indexed), with any lines given outright
 * replacing the base's; without a base, from the schedule in force on its start.
 */
export async function createDraft(ctx: AppContext, actor: Actor, body: NewDraft): Promise<ScheduleView> {
  authorize(actor, 'tariffs.drafts.manage', {});
  const from = body.effectiveFrom.iso;
  const to = body.effectiveTo?.iso ?? null;
  checkDates(from, to);
  if (await store.codeTaken(ctx.db, body.code)) throw codeTaken();

  const reference = await referenceFor(ctx.db, { effectiveFrom: from }, tehranIsoDate(ctx.clock.now()));
  const base =
    body.basedOnId != null
      ? await baseSchedule(ctx.db, body.basedOnId)
      : reference && (body.indexation || !body.lines)
        ? { base: null, lines: reference.lines.map(normalLine) }
        : null;
  let lines: DraftLineInput[] = base
    ? body.indexation
      ? indexLines(base.lines, indexation(body.indexation))
      : base.lines
    : [];
  if (body.lines) {
    const given = new Map(body.lines.map((l) => [l.code, l]));
    lines = [...lines.filter((l) => !given.has(l.code)), ...given.values()];
  }
  await checkLines(ctx.db, lines, reference);
  const rows = await titled(ctx.db, lines, base?.lines, reference?.lines);

  try {
    const id = await ctx.db.transaction(async (tx) => {
      const id = await store.insertSchedule(tx, {
        code: body.code,
        titleFa: body.titleFa,
        titleEn: body.titleEn,
        effectiveFrom: from,
        effectiveTo: to,
        status: 'draft',
        source: body.source,
        note: body.note ?? '',
        basedOnId: body.basedOnId ?? (base ? reference!.id : null),
        indexation: body.indexation
          ? {
              ratePercent: body.indexation.ratePercent,
              roundingRials: body.indexation.roundingRials ?? 0,
              mode: body.indexation.mode,
            }
          : null,
        createdBy: actor.userId,
      });
      await store.upsertLines(tx, id, rows);
      await recordAudit(tx, actor, {
        action: 'tariffs.schedule.draft',
        entityType: 'tariff_schedule',
        entityId: id,
        data: {
          code: body.code,
          effectiveFrom: from,
          effectiveTo: to,
          basedOnId: body.basedOnId ?? null,
          indexation: body.indexation ?? null,
          lines: rows.length,
        },
      });
      return id;
    });
    return getSchedule(ctx, actor, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** Locks a schedule for a change to a draft; approved schedules are history and never change. */
async function lockedDraft(tx: Executor, id: number) {
  const row = await store.scheduleForUpdate(tx, id);
  if (!row) throw new AppError('not_found');
  if (row.status !== 'draft') throw new AppError('tariff_not_draft');
  return row;
}

export async function editDraft(ctx: AppContext, actor: Actor, id: number, body: EditDraft): Promise<ScheduleView> {
  authorize(actor, 'tariffs.drafts.manage', {});
  await ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, id);
    const from = body.effectiveFrom?.iso ?? row.effectiveFrom;
    const to = body.effectiveTo === undefined ? row.effectiveTo : (body.effectiveTo?.iso ?? null);
    checkDates(from, to);
    const reference = await referenceFor(tx, { id, effectiveFrom: from }, tehranIsoDate(ctx.clock.now()));
    if (body.lines) await checkLines(tx, body.lines, reference);
    const current = await store.linesOf(tx, id);
    const set = {
      ...(body.titleFa !== undefined && { titleFa: body.titleFa }),
      ...(body.titleEn !== undefined && { titleEn: body.titleEn }),
      ...(body.source !== undefined && { source: body.source }),
      ...(body.note !== undefined && { note: body.note }),
      ...(body.effectiveFrom !== undefined && { effectiveFrom: from }),
      ...(body.effectiveTo !== undefined && { effectiveTo: to }),
    };
    await store.updateSchedule(tx, id, set);
    if (body.lines) await store.upsertLines(tx, id, await titled(tx, body.lines, current, reference?.lines));
    if (body.removeLines) await store.deleteLines(tx, id, body.removeLines);
    const before = new Map(current.map((l) => [l.code, l]));
    await recordAudit(tx, actor, {
      action: 'tariffs.schedule.edit',
      entityType: 'tariff_schedule',
      entityId: id,
      data: {
        code: row.code,
        fields: set,
        lines: (body.lines ?? []).map((l) => ({
          code: l.code,
          old: before.get(l.code)?.amountRials ?? null,
          new: l.amountRials,
          oldOnline: before.get(l.code)?.onlineAmountRials ?? null,
          newOnline: l.onlineAmountRials ?? null,
        })),
        removed: body.removeLines ?? [],
      },
    });
  });
  return getSchedule(ctx, actor, id);
}

export async function deleteDraft(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'tariffs.drafts.manage', {});
  await ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, id);
    await store.deleteSchedule(tx, id);
    await recordAudit(tx, actor, {
      action: 'tariffs.schedule.delete',
      entityType: 'tariff_schedule',
      entityId: id,
      data: { code: row.code, effectiveFrom: row.effectiveFrom },
    });
  });
}

const overlap = (other: { code: string; effectiveFrom: string }) =>
  new AppError('tariff_dates_overlap', {
    fields: [fieldError('effectiveFrom', 'invalid_value')],
    extra: { conflictsWith: { code: other.code, effectiveFromJalali: jalali(other.effectiveFrom) } },
  });

/**
 * The regulator approves a draft: not one they drafted themself, dates clear of every approved
 * schedule, not replacing today's schedule retroactively, a fee for everything the schedule in
 * force on its start prices, and plausible fees. Approvals run one at a time; the unique start
 * date is the backstop.
 */
export async function approveSchedule(ctx: AppContext, actor: Actor, id: number): Promise<ScheduleView> {
  authorize(actor, 'tariffs.approve', {});
  try {
    await ctx.db.transaction(async (tx) => {
      await store.lockApprovals(tx);
      const row = await lockedDraft(tx, id);
      if (row.createdBy === actor.userId) throw new AppError('tariff_own_draft');
      const approved = await approvedSchedules(tx);
      const conflict = conflictingSchedule(row, approved);
      if (conflict) throw overlap(conflict);
      const now = ctx.clock.now();
      if (isRetroactive(row, approved, tehranIsoDate(now)))
        throw new AppError('tariff_retroactive', { fields: [fieldError('effectiveFrom', 'invalid_value')] });
      const lines = await store.linesOf(tx, id);
      const reference = scheduleInForce(approved, row.effectiveFrom);
      const missing = missingCodes(
        lines.map((l) => l.code),
        reference,
      );
      if (missing.length > 0) {
        throw new AppError('tariff_draft_incomplete', {
          fields: missing.map((c) => fieldError(`lines.${c}`, 'fee_missing')),
          extra: { missing },
        });
      }
      await checkLines(tx, lines, reference ?? scheduleInForce(approved, tehranIsoDate(now)));
      await store.approve(tx, id, actor.userId, now);
      const drafter = row.createdBy == null ? null : await store.mobileOfUser(tx, row.createdBy);
      if (drafter) {
        await enqueueMessage(
          tx,
          {
            channel: 'sms',
            recipient: drafter,
            template: 'tariff-schedule.approved',
            body: `دفتر: تعرفهٔ «${row.titleFa}» تصویب شد و از ${formatJalali(row.effectiveFrom, 'fa')} اجرا می‌شود.`,
          },
          now,
        );
      }
      await recordAudit(tx, actor, {
        action: 'tariffs.schedule.approve',
        entityType: 'tariff_schedule',
        entityId: id,
        data: {
          code: row.code,
          effectiveFrom: row.effectiveFrom,
          effectiveTo: row.effectiveTo,
          createdBy: row.createdBy,
          lines: lines.length,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const row = await store.scheduleById(ctx.db, id);
      const other = (await approvedSchedules(ctx.db)).find((a) => a.effectiveFrom === row?.effectiveFrom);
      throw overlap(other ?? { code: '', effectiveFrom: row?.effectiveFrom ?? '' });
    }
    throw error;
  }
  return getSchedule(ctx, actor, id);
}

/**
 * A fee line that comes from outside the drafting screen (an approved proposal for a new office
 * service), added inside the caller's transaction to the next draft schedule: the earliest draft
 * starting after today, or — when there is none — a new draft copied from the schedule in force,
 * starting on the first day of the next Jalali month and drafted in the name of `draftedBy` (who
 * proposed the fee), so the regulator who approved the proposal may still approve the schedule.
 * The line is checked by the same rules as any draft line; the schedule is approved as any other.
 */
export async function addLineToNextDraft(
  tx: Executor,
  actor: Actor,
  line: DraftLineInput,
  options: { draftedBy: number; now: Date; codeHint: string; note: string },
): Promise<{ scheduleId: number; created: boolean }> {
  authorize(actor, 'tariffs.drafts.manage', {});
  const today = tehranIsoDate(options.now);
  const draft = await store.nextDraftForUpdate(tx, today);
  if (draft) {
    const reference = await referenceFor(tx, draft, today);
    await checkLines(tx, [line], reference);
    const before = (await store.linesOf(tx, draft.id)).find((l) => l.code === line.code);
    await store.upsertLines(tx, draft.id, await titled(tx, [line], reference?.lines));
    await recordAudit(tx, actor, {
      action: 'tariffs.schedule.edit',
      entityType: 'tariff_schedule',
      entityId: draft.id,
      data: {
        code: draft.code,
        fields: {},
        lines: [
          {
            code: line.code,
            old: before?.amountRials ?? null,
            new: line.amountRials,
            oldOnline: before?.onlineAmountRials ?? null,
            newOnline: line.onlineAmountRials ?? null,
          },
        ],
        removed: [],
        note: options.note,
      },
    });
    return { scheduleId: draft.id, created: false };
  }
  const month = addJalaliMonths(jalaliMonthOfIso(today), 1);
  const from = jalaliMonthStartIso(month);
  const reference = await referenceFor(tx, { effectiveFrom: from }, today);
  const lines = [...(reference?.lines ?? []).map(normalLine).filter((l) => l.code !== line.code), line];
  await checkLines(tx, [line], reference);
  const code = `${month}-${options.codeHint}`;
  if (await store.codeTaken(tx, code)) throw codeTaken();
  const id = await store.insertSchedule(tx, {
    code,
    titleFa: `تعرفهٔ ${formatJalaliMonth(month, 'fa')}`,
    titleEn: `Tariff from ${formatJalaliMonth(month, 'en')}`,
    effectiveFrom: from,
    effectiveTo: null,
    status: 'draft',
    source: options.note,
    note: options.note,
    basedOnId: reference?.id ?? null,
    indexation: null,
    createdBy: options.draftedBy,
  });
  await store.upsertLines(tx, id, await titled(tx, lines, reference?.lines));
  await recordAudit(tx, actor, {
    action: 'tariffs.schedule.draft',
    entityType: 'tariff_schedule',
    entityId: id,
    data: {
      code,
      effectiveFrom: from,
      effectiveTo: null,
      basedOnId: reference?.id ?? null,
      indexation: null,
      lines: lines.length,
    },
  });
  return { scheduleId: id, created: true };
}

/** What became of a line a decision drafted when that decision is undone (a pilot ended). */
export type DraftedLineOutcome = 'removed' | 'restored' | 'kept-approved' | 'absent';

/**
 * Takes back the line `addLineToNextDraft` drafted for a service, through the schedule rules: in a
 * draft, the line goes — or, where the schedule the draft is based on prices the service, returns
 * to that fee (a draft must price what the schedule in force prices); an approved schedule is
 * history and keeps its line (`kept-approved`); a draft deleted, or edited so that it no longer has
 * the line, has nothing to take back (`absent`). Audited as an edit of the draft, in the caller's
 * transaction.
 */
export async function withdrawDraftedLine(
  tx: Executor,
  actor: Actor,
  scheduleId: number,
  code: string,
  options: { now: Date; note: string },
): Promise<DraftedLineOutcome> {
  authorize(actor, 'tariffs.drafts.manage', {});
  const row = await store.scheduleForUpdate(tx, scheduleId);
  if (!row) return 'absent';
  if (row.status !== 'draft') return 'kept-approved';
  const before = (await store.linesOf(tx, scheduleId)).find((l) => l.code === code);
  if (!before) return 'absent';
  const reference = await referenceFor(tx, row, tehranIsoDate(options.now));
  const previous = reference?.lines.map(normalLine).find((l) => l.code === code);
  if (previous) await store.upsertLines(tx, scheduleId, [previous]);
  else await store.deleteLines(tx, scheduleId, [code]);
  await recordAudit(tx, actor, {
    action: 'tariffs.schedule.edit',
    entityType: 'tariff_schedule',
    entityId: scheduleId,
    data: {
      code: row.code,
      fields: {},
      lines: previous
        ? [
            {
              code,
              old: before.amountRials,
              new: previous.amountRials,
              oldOnline: before.onlineAmountRials ?? null,
              newOnline: previous.onlineAmountRials ?? null,
            },
          ]
        : [],
      removed: previous ? [] : [code],
      note: options.note,
    },
  });
  return previous ? 'restored' : 'removed';
}
