/**
 * Paper service: a party without a judicial e-account cannot open a notice in an e-account, so the
 * court's bailiff serves it on paper (Civil Procedure Code Arts. 68–70) from the notice the clerk
 * prints, and the clerk records the bailiff's report — the day and the manner of service. The limit
 * that runs from the notice then runs from that day, counted as for an electronic delivery
 * (Arts. 443–445), and is fixed when the service is recorded, with its audit event.
 */
import { countWindow } from '#core/deadlines';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { countFromPaperService, needsRecipient, PAPER_SERVICE_LAW } from '#core/paper-service';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { Executor } from '#server/db/transaction';
import { caseInScope } from '#server/modules/courts/cases';
import { loadHolidayCalendar } from './calendar';
import type { PaperServiceInput } from './schemas';
import * as store from './store';

/** The last day of the kind's limit from a service on `servedOn` (ISO), or none when no limit runs from the kind. */
async function deadlineFrom(tx: Executor, kind: store.NoticeKind, servedOn: string) {
  const rule = await store.findRule(tx, kind);
  if (!rule?.days) return { days: null, date: null };
  const { fromIso, toIso } = countWindow(servedOn, rule.days);
  const count = countFromPaperService(servedOn, rule.days, await loadHolidayCalendar(tx, fromIso, toIso));
  return { days: rule.days, date: count.lastDay };
}

/** The clerk records the bailiff's report of serving a notice on a party without an e-account. */
export async function recordPaperService(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  partyId: number,
  input: PaperServiceInput,
) {
  scopeFilter(actor, 'notices.serve-paper');
  const notice = await store.findNotice(ctx.db, noticeId);
  if (!notice) throw new AppError('not_found');
  const { row: kase } = await caseInScope(ctx, actor, 'notices.serve-paper', notice.caseId);
  const party = await store.casePartyOf(ctx.db, kase.id, partyId);
  if (!party) throw new AppError('not_found');
  if (party.citizenId != null) throw invalidField('partyId', 'party_has_eaccount');

  const now = ctx.clock.now();
  const servedOn = input.servedOn.iso;
  const fields = [];
  if (servedOn < tehranIsoDate(notice.issuedAt)) fields.push(fieldError('servedOn', 'served_before_issue'));
  else if (servedOn > tehranIsoDate(now)) fields.push(fieldError('servedOn', 'served_in_future'));
  if (needsRecipient(input.manner)) {
    if (!input.recipientName) fields.push(fieldError('recipientName', 'recipient_required'));
    if (!input.recipientRelation) fields.push(fieldError('recipientRelation', 'recipient_required'));
  }
  if (fields.length) throw new AppError('validation_failed', { fields });

  return ctx.db.transaction(async (tx) => {
    const deadline = await deadlineFrom(tx, notice.kind, servedOn);
    const row = await store.insertPaperService(tx, {
      noticeId: notice.id,
      partyId: party.id,
      provinceId: kase.provinceId,
      servedOn,
      manner: input.manner,
      // Art. 69's recipient is written only for papers left with a relative or servant.
      recipientName: needsRecipient(input.manner) ? (input.recipientName ?? null) : null,
      recipientRelation: needsRecipient(input.manner) ? (input.recipientRelation ?? null) : null,
      bailiffReport: input.bailiffReport || null,
      recordedBy: actor.userId,
      recordedAt: now,
      deadlineDays: deadline.days,
      deadlineDate: deadline.date,
    });
    if (!row) throw new AppError('notice_party_served');
    await recordAudit(tx, actor, {
      action: 'notices.serve-paper',
      entityType: 'notice',
      entityId: notice.id,
      provinceId: kase.provinceId,
      data: {
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        partyId: party.id,
        servedOn: formatJalaliIso(isoToJalali(servedOn)),
        manner: input.manner,
        article: PAPER_SERVICE_LAW[input.manner].article,
        serviceKind: PAPER_SERVICE_LAW[input.manner].kind,
        deadlineDays: deadline.days,
        deadlineDate: deadline.date,
      },
    });
    return store.paperServiceView(row, party.name);
  });
}
