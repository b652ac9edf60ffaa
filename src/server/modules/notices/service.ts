/**
 * Electronic notices: issued by a court on a case to every party with an e-account (an SMS alert
 * says only that a notice arrived), delivered when the citizen opens it online or an office opens
 * it on their behalf with consent (charged as `notice-page`). The time limit that runs from
 * delivery is fixed then: the kind's rule in days, counted from the day after delivery, moved to
 * the next open day when it ends on a Friday or an official holiday (Arts. 443–445).
 */
import { deadlineFromDelivery } from '#core/deadlines';
import { officialHolidays } from '#core/holidays';
import { addDaysIso, formatJalaliIso, isoToJalali, jalaliToIso, parseJalaliDate, tehranIsoDate } from '#core/jalali';
import type { Actor } from '../../platform/auth/actor';
import { authorize, scopeFilter } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '../../platform/context';
import { AppError, fieldError, invalidField } from '../../platform/errors/app-error';
import { enqueueMessage } from '../../platform/notifier/notifier';
import type { Executor } from '../../db/transaction';
import { caseInScope } from '../court/service';
import type { IssueNoticeInput } from './schemas';
import * as store from './store';
import { deadlineView } from './tracking';

export const NOTICE_SMS = 'ابلاغیه الکترونیک جدید در حساب قضایی شما ثبت شد. برای مشاهده به سامانهٔ دفتر یا یکی از دفاتر خدمات الکترونیک قضایی مراجعه کنید.';

/** Tehran has kept +03:30 all year since 1401. */
const TEHRAN_OFFSET = '+03:30';

function hearingInstant(input: IssueNoticeInput, now: Date): Date | null {
  const missing = [];
  if (input.kind === 'summons' && !input.hearingDate) missing.push(fieldError('hearingDate', 'hearing_required'));
  if ((input.kind === 'summons' || input.hearingDate) && !input.hearingTime) missing.push(fieldError('hearingTime', 'hearing_required'));
  if (missing.length) throw new AppError('validation_failed', { fields: missing });
  if (!input.hearingDate || !input.hearingTime) return null;
  const [h, m] = input.hearingTime.split(':').map(Number);
  const at = new Date(`${input.hearingDate.iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${TEHRAN_OFFSET}`);
  if (at.getTime() <= now.getTime()) throw invalidField('hearingDate', 'hearing_in_past');
  return at;
}

export async function issueNotice(ctx: AppContext, actor: Actor, caseId: number, input: IssueNoticeInput) {
  scopeFilter(actor, 'notices.issue');
  const { row: kase } = await caseInScope(ctx, actor, 'notices.issue', caseId);
  const now = ctx.clock.now();
  const hearingAt = hearingInstant(input, now);
  const { notice, recipients, outboxIds } = await ctx.db.transaction(async (tx) => {
    const recipients = await store.caseRecipients(tx, kase.id);
    if (!recipients.length) throw new AppError('no_notice_recipients');
    const notice = await store.insertNotice(tx, {
      caseId: kase.id, courtId: kase.courtId, provinceId: kase.provinceId, kind: input.kind, title: input.title, body: input.body,
      hearingAt, issuedBy: actor.userId, issuedAt: now,
    });
    await store.insertDeliveries(tx, recipients.map((r) => ({ noticeId: notice.id, citizenId: r.citizenId, provinceId: r.provinceId })));
    const outboxIds: number[] = [];
    for (const r of recipients) {
      // The SMS says only that a notice arrived: its content is read in the e-account, where reading it is delivery.
      outboxIds.push(await enqueueMessage(tx, { channel: 'sms', recipient: r.mobile, body: NOTICE_SMS, template: 'notice.new', provinceId: r.provinceId }, now));
    }
    await recordAudit(tx, actor, {
      action: 'notices.issue', entityType: 'notice', entityId: notice.id, provinceId: kase.provinceId,
      data: { caseId: kase.id, caseNumber: kase.caseNumber, courtId: kase.courtId, kind: input.kind, recipients: recipients.map((r) => r.citizenId), hearingAt: hearingAt?.toISOString() ?? null },
    });
    return { notice, recipients, outboxIds };
  });
  await dispatchMessages(ctx, outboxIds);
  return {
    id: notice.id, caseId: notice.caseId, kind: notice.kind, title: notice.title, hearingAt: notice.hearingAt?.toISOString() ?? null,
    issuedAt: notice.issuedAt.toISOString(), recipients: recipients.length, smsQueued: outboxIds.length,
  };
}

/** The last day of the limit that runs from a delivery now, from the kind's rule and the holiday calendar. */
async function deadlineAt(tx: Executor, kind: store.NoticeKind, deliveredAt: Date) {
  const rule = await store.findRule(tx, kind);
  if (!rule?.days) return { days: null, date: null };
  const deliveredOn = tehranIsoDate(deliveredAt);
  // A generous window: the limit plus any run of closed days after it.
  const closed = await store.holidaysBetween(tx, deliveredOn, addDaysIso(deliveredOn, rule.days + 60));
  const { lastDay } = deadlineFromDelivery(deliveredOn, rule.days, new Set(closed.map((h) => h.day)));
  return { days: rule.days, date: lastDay };
}

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof store.deliveryOf>>>;

/** Records delivery of one copy at `now`, once: a copy already delivered keeps its first delivery. */
export async function deliver(tx: Executor, actor: Actor, row: DeliveryRow, how: { channel: 'online' | 'office'; officeId: number | null }, now: Date) {
  if (row.delivery.deliveredAt) return row.delivery;
  const deadline = await deadlineAt(tx, row.notice.kind, now);
  const updated = await store.markDelivered(tx, row.delivery.id, {
    deliveredAt: now, deliveredChannel: how.channel, deliveredOfficeId: how.officeId, deliveredBy: actor.userId,
    deadlineDays: deadline.days, deadlineDate: deadline.date,
  });
  if (!updated) return row.delivery;
  await recordAudit(tx, actor, {
    action: 'notices.deliver', entityType: 'notice', entityId: row.notice.id, provinceId: row.delivery.provinceId, officeId: how.officeId,
    data: { citizenId: row.delivery.citizenId, channel: how.channel, deadlineDays: deadline.days, deadlineDate: deadline.date },
  });
  return updated;
}

export async function openedView(db: Executor, row: DeliveryRow, delivery: DeliveryRow['delivery'], today: string) {
  const rule = await store.findRule(db, row.notice.kind);
  const moved = delivery.deadlineDate && delivery.deliveredAt && delivery.deadlineDays != null
    ? addDaysIso(tehranIsoDate(delivery.deliveredAt), delivery.deadlineDays) : null;
  const titles = new Map((await store.holidaysOn(db, moved && moved !== delivery.deadlineDate ? [moved] : [])).map((h) => [h.day, { fa: h.titleFa, en: h.titleEn }]));
  const n = row.notice;
  return {
    id: n.id, kind: n.kind, title: n.title, body: n.body, issuedAt: n.issuedAt.toISOString(), hearingAt: n.hearingAt?.toISOString() ?? null,
    case: { id: row.kase.id, caseNumber: row.kase.caseNumber, branch: row.kase.branch, court: { id: row.court.id, name: { fa: row.court.nameFa, en: row.court.nameEn } } },
    delivered: delivery.deliveredAt != null, deliveredAt: delivery.deliveredAt?.toISOString() ?? null, deliveredChannel: delivery.deliveredChannel,
    deadline: deadlineView(delivery, titles, today),
    rule: rule ? { title: { fa: rule.titleFa, en: rule.titleEn }, source: rule.source } : null,
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
    const delivery = await deliver(tx, actor, row, { channel: 'online', officeId: null }, now);
    return openedView(tx, row, delivery, tehranIsoDate(now));
  });
}

// ——— The holiday calendar and deadline rules (regulator admins maintain them; association admins read) ———

const COMPUTED_FA = ' (محاسبه‌شده؛ با تقویم رسمی تطبیق دهید)';
const COMPUTED_EN = ' (computed; check against the official calendar)';

/**
 * Seeded days where a lunar holiday shares the day with a solar one carry both titles without the
 * "computed" note; they are computed all the same, as long as the row is still the seeded one.
 */
const mergedLunarTitles = new Map<number, Map<string, string>>();
function seededMergedLunar(day: string, titleFa: string): boolean {
  const { jy } = isoToJalali(day);
  let titles = mergedLunarTitles.get(jy);
  if (!titles) {
    titles = new Map(officialHolidays(jy).filter((h) => !h.lunar && h.titleFa.includes('؛')).map((h) => [h.day, h.titleFa]));
    mergedLunarTitles.set(jy, titles);
  }
  return titles.get(day) === titleFa;
}

function toHoliday(h: { day: string; titleFa: string; titleEn: string }) {
  const computed = h.titleEn.endsWith(COMPUTED_EN) || h.titleFa.endsWith(COMPUTED_FA) || seededMergedLunar(h.day, h.titleFa);
  return {
    day: h.day, jalali: formatJalaliIso(isoToJalali(h.day)),
    titleFa: h.titleFa.replace(COMPUTED_FA, ''), titleEn: h.titleEn.replace(COMPUTED_EN, ''),
    computed, weekday: new Date(`${h.day}T00:00:00Z`).getUTCDay(),
  };
}

export async function listHolidays(ctx: AppContext, actor: Actor, year?: number) {
  scopeFilter(actor, 'holidays.read');
  const jy = year ?? isoToJalali(tehranIsoDate(ctx.clock.now())).jy;
  const from = jalaliToIso({ jy, jm: 1, jd: 1 });
  const to = addDaysIso(jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 }), -1);
  return { year: jy, items: (await store.holidaysBetween(ctx.db, from, to)).map(toHoliday) };
}

export async function addHoliday(ctx: AppContext, actor: Actor, input: { date: { iso: string; jalali: string }; titleFa: string; titleEn: string }) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  return ctx.db.transaction(async (tx) => {
    const row = await store.insertHoliday(tx, { day: input.date.iso, titleFa: input.titleFa, titleEn: input.titleEn });
    if (!row) throw new AppError('holiday_exists', { fields: [fieldError('date', 'invalid_value')] });
    await recordAudit(tx, actor, { action: 'holidays.add', entityType: 'holiday', entityId: row.day, data: { jalali: input.date.jalali, titleFa: input.titleFa, titleEn: input.titleEn } });
    return toHoliday(row);
  });
}

export async function removeHoliday(ctx: AppContext, actor: Actor, jalaliDate: string) {
  scopeFilter(actor, 'holidays.manage');
  authorize(actor, 'holidays.manage', {});
  const parsed = parseJalaliDate(jalaliDate);
  if (!parsed) throw invalidField('date', 'invalid_jalali_date');
  await ctx.db.transaction(async (tx) => {
    const row = await store.deleteHoliday(tx, jalaliToIso(parsed));
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, { action: 'holidays.remove', entityType: 'holiday', entityId: row.day, data: { jalali: formatJalaliIso(parsed), titleFa: row.titleFa, titleEn: row.titleEn } });
  });
}

export async function listRules(ctx: AppContext, actor: Actor) {
  scopeFilter(actor, 'deadline-rules.read');
  return { items: (await store.listRules(ctx.db)).map((r) => ({ kind: r.kind, days: r.days, titleFa: r.titleFa, titleEn: r.titleEn, source: r.source })) };
}

export async function updateRule(ctx: AppContext, actor: Actor, kind: store.NoticeKind, input: { days: number | null; source: string; titleFa?: string; titleEn?: string }) {
  scopeFilter(actor, 'deadline-rules.manage');
  authorize(actor, 'deadline-rules.manage', {});
  return ctx.db.transaction(async (tx) => {
    const before = await store.findRule(tx, kind);
    if (!before) throw new AppError('not_found');
    const r = (await store.updateRule(tx, kind, input))!;
    await recordAudit(tx, actor, {
      action: 'deadline-rules.update', entityType: 'notice-deadline-rule', entityId: kind,
      data: { before: { days: before.days, source: before.source }, after: { days: r.days, source: r.source } },
    });
    return { kind: r.kind, days: r.days, titleFa: r.titleFa, titleEn: r.titleEn, source: r.source };
  });
}
