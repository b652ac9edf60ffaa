/**
 * Electronic notices: issued by a court on a case to every party with an e-account (an SMS alert
 * says only that a notice arrived), delivered when the citizen opens it online or an office opens
 * it on their behalf with consent (charged as `notice-page`). The time limit that runs from
 * delivery is fixed then: the kind's rule in days is a free limit — neither the day of delivery nor
 * the day of the action counts, so the last day is delivery + limit + 1 — moved to the next open
 * day when it falls on a Friday or an official holiday (Arts. 443–445; `deadlines.ts`).
 */
import { appealWindow, appealWindowSpan } from '#core/appeal';
import { tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import type { Executor } from '#server/db/transaction';
import { caseInScope } from '#server/modules/courts/cases';
import type { IssueNoticeInput } from './schemas';
import { loadHolidayCalendar } from './calendar';
import { countFromDelivery } from './deadlines';
import * as store from './store';
import { deadlineView, movedCalendar } from './tracking';
import type { PrintableNotice } from './notice-print';
import type { DeliveredDecision } from '#server/platform/ports/delivered-decision';

export const NOTICE_SMS =
  'ابلاغیه الکترونیک جدید در حساب قضایی شما ثبت شد. برای مشاهده به سامانهٔ دفتر یا یکی از دفاتر خدمات الکترونیک قضایی مراجعه کنید.';

/** Tehran has kept +03:30 all year since 1401. */
const TEHRAN_OFFSET = '+03:30';

function hearingInstant(input: IssueNoticeInput, now: Date): Date | null {
  const missing = [];
  if (input.kind === 'summons' && !input.hearingDate) missing.push(fieldError('hearingDate', 'hearing_required'));
  if ((input.kind === 'summons' || input.hearingDate) && !input.hearingTime)
    missing.push(fieldError('hearingTime', 'hearing_required'));
  if (missing.length) throw new AppError('validation_failed', { fields: missing });
  if (!input.hearingDate || !input.hearingTime) return null;
  const [h, m] = input.hearingTime.split(':').map(Number);
  const at = new Date(
    `${input.hearingDate.iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${TEHRAN_OFFSET}`,
  );
  if (at.getTime() <= now.getTime()) throw invalidField('hearingDate', 'hearing_in_past');
  return at;
}

export async function issueNotice(ctx: AppContext, actor: Actor, caseId: number, input: IssueNoticeInput) {
  scopeFilter(actor, 'notices.issue');
  const { row: kase } = await caseInScope(ctx, actor, 'notices.issue', caseId);
  const now = ctx.clock.now();
  const hearingAt = hearingInstant(input, now);
  const { notice, recipients, onPaper, outboxIds } = await ctx.db.transaction((tx) =>
    issueOnCase(tx, actor, kase, { ...input, hearingAt }, now),
  );
  await dispatchMessages(ctx, outboxIds);
  return {
    id: notice.id,
    caseId: notice.caseId,
    kind: notice.kind,
    title: notice.title,
    hearingAt: notice.hearingAt?.toISOString() ?? null,
    issuedAt: notice.issuedAt.toISOString(),
    recipients: recipients.length,
    onPaper,
    smsQueued: outboxIds.length,
  };
}

/** Who receives a notice in their e-account, and the mobile its SMS alert goes to. */
export type NoticeRecipient = { citizenId: number; mobile: string; provinceId: number };

/**
 * Issues a notice on a court case to every party with an e-account (an SMS alert each), in the
 * caller's transaction: the court desk's notices, an arbitration award lodged with the court
 * (Art. 485), and a video hearing's summons and minutes. The caller dispatches the returned outbox
 * messages after commit.
 *
 * `options.recipients` sends it to the people named instead of the case's parties (a hearing calls
 * its witnesses and interpreters too, each holding an e-account); `options.auditData` adds to the
 * audit event (the hearing it belongs to).
 */
export async function issueOnCase(
  tx: Executor,
  actor: Actor,
  kase: { id: number; courtId: number; provinceId: number; caseNumber: string },
  input: { kind: store.NoticeKind; title: string; body: string; hearingAt: Date | null },
  now: Date,
  options: { recipients?: NoticeRecipient[]; auditData?: Record<string, unknown> } = {},
) {
  const hearingAt = input.hearingAt;
  const recipients = options.recipients ?? (await store.caseRecipients(tx, kase.id));
  // Parties without an e-account are served on paper by the court's bailiff (paper-service.ts).
  const onPaper = options.recipients ? 0 : await store.countPaperParties(tx, kase.id);
  if (!recipients.length && !onPaper) throw new AppError('no_notice_recipients');
  const notice = await store.insertNotice(tx, {
    caseId: kase.id,
    courtId: kase.courtId,
    provinceId: kase.provinceId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    hearingAt,
    issuedBy: actor.userId,
    issuedAt: now,
  });
  await store.insertDeliveries(
    tx,
    recipients.map((r) => ({ noticeId: notice.id, citizenId: r.citizenId, provinceId: r.provinceId })),
  );
  const outboxIds: number[] = [];
  for (const r of recipients) {
    // The SMS says only that a notice arrived: its content is read in the e-account, where reading it is delivery.
    outboxIds.push(
      await enqueueMessage(
        tx,
        { channel: 'sms', recipient: r.mobile, body: NOTICE_SMS, template: 'notice.new', provinceId: r.provinceId },
        now,
      ),
    );
  }
  await recordAudit(tx, actor, {
    action: 'notices.issue',
    entityType: 'notice',
    entityId: notice.id,
    provinceId: kase.provinceId,
    data: {
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      courtId: kase.courtId,
      kind: input.kind,
      recipients: recipients.map((r) => r.citizenId),
      onPaper,
      hearingAt: hearingAt?.toISOString() ?? null,
      ...options.auditData,
    },
  });
  return { notice, recipients, onPaper, outboxIds };
}

/** The last day of the limit that runs from a delivery at `deliveredAt`, from the kind's rule and the holiday calendar. */
async function deadlineAt(tx: Executor, kind: store.NoticeKind, deliveredAt: Date) {
  const rule = await store.findRule(tx, kind);
  if (!rule?.days) return { days: null, date: null, unconfirmedHolidays: [] };
  const count = await countFromDelivery(tx, tehranIsoDate(deliveredAt), rule.days);
  return {
    days: rule.days,
    date: count.lastDay,
    // An unconfirmed lunar holiday the last day moved over: kept with the delivery's audit event.
    unconfirmedHolidays: count.unconfirmedHolidays.map((h) => ({ day: h.day, hijri: h.hijri, titleEn: h.titleEn })),
  };
}

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof store.deliveryOf>>>;

/** Records delivery of one copy at `how.at`, once: a copy already delivered keeps its first delivery. */
export async function deliver(
  tx: Executor,
  actor: Actor,
  row: DeliveryRow,
  how: { channel: 'online' | 'office'; officeId: number | null; at: Date },
) {
  if (row.delivery.deliveredAt) return row.delivery;
  const deadline = await deadlineAt(tx, row.notice.kind, how.at);
  const updated = await store.markDelivered(tx, row.delivery.id, {
    deliveredAt: how.at,
    deliveredChannel: how.channel,
    deliveredOfficeId: how.officeId,
    deliveredBy: actor.userId,
    deadlineDays: deadline.days,
    deadlineDate: deadline.date,
  });
  if (!updated) return row.delivery;
  await recordAudit(tx, actor, {
    action: 'notices.deliver',
    entityType: 'notice',
    entityId: row.notice.id,
    provinceId: row.delivery.provinceId,
    officeId: how.officeId,
    data: {
      citizenId: row.delivery.citizenId,
      channel: how.channel,
      deadlineDays: deadline.days,
      deadlineDate: deadline.date,
      ...(deadline.unconfirmedHolidays.length ? { unconfirmedHolidays: deadline.unconfirmedHolidays } : {}),
    },
  });
  return updated;
}

/** The time to appeal a decision delivered at `deliveredAt`, as of `today` (Art. 336): resident and abroad. */
async function appealOf(db: Executor, deliveredAt: Date, today: string) {
  const deliveredOn = tehranIsoDate(deliveredAt);
  const { fromIso, toIso } = appealWindowSpan(deliveredOn, true);
  const calendar = await loadHolidayCalendar(db, fromIso, toIso);
  return {
    resident: appealWindow(deliveredOn, false, calendar, today),
    abroad: appealWindow(deliveredOn, true, calendar, today),
  };
}

/**
 * An opened notice as its reader sees it, the deadline explained as of `today` (Tehran). The signed
 * decision's link is the citizen's own; read at an office, the notice shows without it.
 */
export async function openedView(
  db: Executor,
  row: DeliveryRow,
  delivery: DeliveryRow['delivery'],
  today: string,
  reader: 'citizen' | 'office' = 'citizen',
) {
  const rule = await store.findRule(db, row.notice.kind);
  const calendar = await movedCalendar(db, [delivery]);
  const n = row.notice;
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    issuedAt: n.issuedAt.toISOString(),
    hearingAt: n.hearingAt?.toISOString() ?? null,
    case: {
      id: row.kase.id,
      caseNumber: row.kase.caseNumber,
      branch: row.kase.branch,
      court: { id: row.court.id, name: { fa: row.court.nameFa, en: row.court.nameEn } },
    },
    delivered: delivery.deliveredAt != null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    deliveredChannel: delivery.deliveredChannel,
    deadline: deadlineView(delivery, calendar, today),
    appeal: n.kind === 'decision' && delivery.deliveredAt ? await appealOf(db, delivery.deliveredAt, today) : null,
    appeals:
      n.kind === 'decision'
        ? (await store.appealsOfNotice(db, n.id, delivery.citizenId)).map((f) => ({
            filingId: f.id,
            trackingCode: f.trackingCode,
            status: f.status,
            createdAt: f.createdAt.toISOString(),
            submittedAt: f.submittedAt?.toISOString() ?? null,
          }))
        : [],
    rule: rule ? { title: { fa: rule.titleFa, en: rule.titleEn }, source: rule.source } : null,
    document: reader === 'citizen' ? store.documentOf(n, `/api/v1/me/notices/${n.id}/document`) : null,
  };
}

/**
 * A decision as delivered to a citizen (the port the filings area asks when an appeal names the
 * decision it appeals); null for another kind of notice, an undelivered one or someone else's.
 */
export async function deliveredDecision(
  db: Executor,
  noticeId: number,
  citizenId: number,
): Promise<DeliveredDecision | null> {
  const row = await store.deliveryOf(db, noticeId, citizenId);
  if (row?.notice.kind !== 'decision' || row.delivery.deliveredAt == null) return null;
  return {
    noticeId: row.notice.id,
    title: row.notice.title,
    courtId: row.court.id,
    courtName: { fa: row.court.nameFa, en: row.court.nameEn },
    branch: row.kase.branch,
    caseNumber: row.kase.caseNumber,
    deliveredAt: row.delivery.deliveredAt,
  };
}

/** The citizen opens their own notice online: reading it is delivery. Someone else's notice is not found. */
export async function openOwnNotice(ctx: AppContext, actor: Actor, noticeId: number) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'tracking.read-own', { citizenId: actor.citizenId });
  const citizenId = actor.citizenId;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await store.deliveryOf(tx, noticeId, citizenId, true);
    if (!row) throw new AppError('not_found');
    const delivery = await deliver(tx, actor, row, { channel: 'online', officeId: null, at: now });
    return openedView(tx, row, delivery, tehranIsoDate(now));
  });
}

/**
 * The citizen's own notice as a printable page (the PDF they download): reading it is delivery, as
 * opening the notice is. Someone else's notice is not found.
 */
export async function printOwnNotice(ctx: AppContext, actor: Actor, noticeId: number): Promise<PrintableNotice> {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'tracking.read-own', { citizenId: actor.citizenId });
  const citizenId = actor.citizenId;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await store.deliveryOf(tx, noticeId, citizenId, true);
    if (!row) throw new AppError('not_found');
    const delivery = await deliver(tx, actor, row, { channel: 'online', officeId: null, at: now });
    return {
      notice: await openedView(tx, row, delivery, tehranIsoDate(now)),
      court: { nameFa: row.court.nameFa, address: row.court.address },
      printedAt: now,
    };
  });
}

// ——— Deadline rules per kind of notice (regulator admins maintain them; association admins read) ———

export async function listRules(ctx: AppContext, actor: Actor) {
  scopeFilter(actor, 'deadline-rules.read');
  return {
    items: (await store.listRules(ctx.db)).map((r) => ({
      kind: r.kind,
      days: r.days,
      titleFa: r.titleFa,
      titleEn: r.titleEn,
      source: r.source,
    })),
  };
}

export async function updateRule(
  ctx: AppContext,
  actor: Actor,
  kind: store.NoticeKind,
  input: { days: number | null; source: string; titleFa?: string; titleEn?: string },
) {
  scopeFilter(actor, 'deadline-rules.manage');
  authorize(actor, 'deadline-rules.manage', {});
  return ctx.db.transaction(async (tx) => {
    const before = await store.findRule(tx, kind);
    if (!before) throw new AppError('not_found');
    const r = (await store.updateRule(tx, kind, input))!;
    await recordAudit(tx, actor, {
      action: 'deadline-rules.update',
      entityType: 'notice-deadline-rule',
      entityId: kind,
      data: { before: { days: before.days, source: before.source }, after: { days: r.days, source: r.source } },
    });
    return { kind: r.kind, days: r.days, titleFa: r.titleFa, titleEn: r.titleEn, source: r.source };
  });
}
