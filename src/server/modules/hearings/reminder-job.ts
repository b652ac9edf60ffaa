/**
 * SMS reminders of a video hearing to each participant: the day before and an hour before
 * (`#core/hearing-reminders` says which is due). The job runs every five minutes on the server's
 * clock; each reminder is claimed on the participant's row before its message is written, so a
 * second run, or a concurrent one, sends nothing more. A participant attending from an office is
 * told the office, the booth and the code to show with their national ID card.
 */
import { dueReminder, type HearingReminder } from '#core/hearing-reminders';
import { formatJalali } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import type { Db } from '#server/db/client';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

type Reminder = NonNullable<Awaited<ReturnType<typeof store.reminderOf>>>;

function reminderText(which: HearingReminder, r: Reminder): string {
  const when = formatJalali(r.startsAt, 'fa', true);
  const head =
    which === 'day'
      ? `دفتر: یادآوری — جلسهٔ رسیدگی برخط پروندهٔ ${toPersianDigits(r.caseNumber)} فردا، ${when} به‌وقت تهران است.`
      : `دفتر: جلسهٔ رسیدگی برخط پروندهٔ ${toPersianDigits(r.caseNumber)} یک ساعت دیگر، ${when}، آغاز می‌شود.`;
  const where =
    r.mode === 'office' && r.officeNameFa
      ? ` در ${r.officeNameFa}${r.boothNo != null ? `، غرفهٔ ${toPersianDigits(r.boothNo)}` : ''} حاضر شوید؛ کارت ملی و کد حضور ${toPersianDigits(r.checkInCode ?? '')} را همراه داشته باشید.`
      : ' پیش از جلسه، آزمون دوربین و میکروفون را در بخش «جلسه‌های رسیدگی» انجام دهید.';
  return head + where;
}

/** The reminders due at `now`: one message per participant and reminder, never twice. */
async function sendHearingReminders(db: Db, now: Date): Promise<{ messages: number[] }> {
  const candidates = await store.participantsToRemind(db, now);
  const messages: number[] = [];
  for (const c of candidates) {
    const which = dueReminder(c.startsAt, c.scheduledAt, now);
    if (!which || (which === 'day' ? c.remindedDayAt : c.remindedHourAt)) continue;
    // One transaction per reminder: a failure on one never holds back the others.
    await db.transaction(async (tx) => {
      if (!(await store.claimReminder(tx, c.participantId, which, now))) return;
      const r = await store.reminderOf(tx, c.participantId);
      if (!r?.mobile) return;
      messages.push(
        await enqueueMessage(
          tx,
          {
            channel: 'sms',
            recipient: r.mobile,
            template: `hearing.reminder.${which}`,
            provinceId: r.provinceId,
            body: reminderText(which, r),
          },
          now,
        ),
      );
    });
  }
  return { messages };
}

export const HEARING_REMINDER_JOB: ScheduledJob = {
  queue: 'hearings.reminders',
  cron: '*/5 * * * *',
  run: (database, clock) => sendHearingReminders(database.db, clock.now()),
};
