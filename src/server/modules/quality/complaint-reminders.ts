/**
 * The daily notices on complaints' answer clocks (07:30 Tehran is 04:00 UTC), on the working-day
 * clock and notice rule the proposals' reminders use (`#core/proposal-clock`): the office's
 * manager is reminded once when one working day is left to answer; a complaint whose limit passed
 * unanswered is escalated once to its province's association (the nation's when the province has
 * none), and the complainant is told it now awaits the association's decision. Each complaint in
 * its own transaction; the escalation is audited.
 */
import { formatJalali, tehranIsoDate } from '#core/jalali';
import { answerClock, complaintNotice } from '#core/quality/complaint';
import type { Executor } from '#server/db/transaction';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { calendarFor } from './complaints';
import * as store from './store';

async function sms(tx: Executor, recipients: string[], template: string, body: string, provinceId: number, now: Date) {
  for (const recipient of recipients)
    await enqueueMessage(tx, { channel: 'sms', recipient, template, provinceId, body }, now);
}

export async function sendComplaintReminders(
  db: Executor,
  now: Date,
): Promise<{ reminded: number; escalated: number }> {
  const today = tehranIsoDate(now);
  const waiting = await store.complaintsAwaitingAnswer(db);
  const calendar = await calendarFor(db, waiting, today);
  const result = { reminded: 0, escalated: 0 };
  for (const candidate of waiting) {
    await db.transaction(async (tx) => {
      const row = await store.findComplaint(tx, Number(candidate.id), true);
      if (!row) return;
      const clock = answerClock(row.filedOn, row.answeredOn, today, calendar);
      const notice = complaintNotice(row.state, clock, row);
      const id = Number(row.id);
      if (notice === 'remind') {
        const managers = await store.mobilesWithRole(tx, 'office_manager', { officeId: row.officeId });
        await sms(
          tx,
          managers,
          'quality.complaint.reminder',
          `دفتر: مهلت پاسخ به شکایت شمارهٔ ${id} از دفتر شما ${formatJalali(clock.dueOn!, 'fa')} به پایان می‌رسد؛ پس از آن شکایت بی‌پاسخ به کانون استان ارجاع می‌شود.`,
          row.provinceId,
          now,
        );
        await store.updateComplaint(tx, id, { remindedOn: today });
        result.reminded++;
      } else if (notice === 'escalate') {
        let association = await store.mobilesWithRole(tx, 'association_admin', { provinceId: row.provinceId });
        if (association.length === 0) association = await store.nationalAssociationMobiles(tx);
        await sms(
          tx,
          association,
          'quality.complaint.escalated',
          `دفتر: شکایت شمارهٔ ${id} ${clock.daysOver} روز کاری پس از پایان مهلت پاسخ مدیر دفتر بی‌پاسخ مانده و برای رسیدگی و تصمیم به شما ارجاع شد.`,
          row.provinceId,
          now,
        );
        const complainant = await store.citizenMobile(tx, Number(row.citizenId));
        await sms(
          tx,
          complainant ? [complainant] : [],
          'quality.complaint.escalated-complainant',
          `دفتر: دفتر به شکایت شمارهٔ ${id} شما در مهلت پاسخ نداد؛ شکایت برای رسیدگی و تصمیم به کانون استان ارجاع شد.`,
          row.provinceId,
          now,
        );
        await store.updateComplaint(tx, id, { escalatedOn: today });
        await recordAudit(tx, null, {
          action: 'quality.complaint.escalate',
          entityType: 'quality_complaint',
          entityId: id,
          provinceId: row.provinceId,
          officeId: row.officeId,
          data: { filedOn: row.filedOn, dueOn: clock.dueOn, daysOver: clock.daysOver, escalatedOn: today },
        });
        result.escalated++;
      }
    });
  }
  return result;
}

export const COMPLAINT_REMINDER_JOB: ScheduledJob = {
  queue: 'quality.complaint-reminders',
  cron: '0 4 * * *',
  run: (database, clock) => sendComplaintReminders(database.db, clock.now()),
};
