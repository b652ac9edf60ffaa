/**
 * Expiry reminders, 30 days ahead: each active licence whose expiry falls within the warning
 * period gets one SMS to its holder (and the office's managers) per expiry date. A renewal moves
 * the expiry, so the renewed licence is reminded again before its new date. Idempotent: a second
 * run on the same day, or a concurrent one, sends nothing more.
 */
import { addDaysIso, formatJalali, tehranIsoDate } from '#core/jalali';
import { EXPIRY_WARNING_DAYS, daysBetween } from '#core/licensing';
import { toPersianDigits } from '#core/persian-digits';
import type { Db } from '#server/db/client';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

/** The reminders due on the Tehran day of `now` (the server's clock). */
export async function sendLicenceExpiryReminders(db: Db, now: Date): Promise<{ reminded: number; messages: number[] }> {
  const day = tehranIsoDate(now);
  const due = await store.licencesDueReminder(db, day, addDaysIso(day, EXPIRY_WARNING_DAYS));
  const messages: number[] = [];
  let reminded = 0;
  for (const id of due) {
    // One transaction per licence: a failure on one never holds back the others.
    await db.transaction(async (tx) => {
      if (!(await store.claimReminder(tx, id))) return;
      const row = (await store.findLicence(tx, id))!;
      const left = daysBetween(day, row.expiresOn);
      const when = `${formatJalali(row.expiresOn, 'fa')} (${toPersianDigits(left)} روز دیگر)`;
      if (row.mobile) {
        messages.push(
          await enqueueMessage(
            tx,
            {
              channel: 'sms',
              recipient: row.mobile,
              template: 'licence.expiry-reminder',
              provinceId: row.provinceId,
              body: `دفتر: پروانهٔ فعالیت شما به شمارهٔ ${row.number} در ${when} منقضی می‌شود. برای تمدید، ساعات آموزش ضمن خدمت را تکمیل کنید.`,
            },
            now,
          ),
        );
      }
      for (const mobile of await store.officeManagerMobiles(tx, row.officeId, row.userId)) {
        messages.push(
          await enqueueMessage(
            tx,
            {
              channel: 'sms',
              recipient: mobile,
              template: 'licence.expiry-reminder.manager',
              provinceId: row.provinceId,
              body: `دفتر: پروانهٔ فعالیت ${row.firstName} ${row.lastName} (${row.number}) در ${when} منقضی می‌شود.`,
            },
            now,
          ),
        );
      }
      await store.insertEvent(tx, {
        licenceId: id,
        kind: 'reminded',
        actorUserId: null,
        data: { expiresOn: row.expiresOn, daysLeft: left },
        at: now,
      });
      reminded += 1;
    });
  }
  return { reminded, messages };
}
