/**
 * The daily employment alerts by SMS: each office's managers are told about each alert once (the
 * alert's key is remembered in employment_alert_notices, claimed in the same transaction as the
 * message, so a second or concurrent run sends nothing more).
 */
import { toPersianDigits } from '#core/persian-digits';
import { formatJalali, tehranIsoDate } from '#core/jalali';
import { alertKey, type AlertKind } from '#core/employment';
import type { Db } from '#server/db/client';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

const NATION = { all: true, provinceIds: [], officeIds: [], courtIds: [], citizenId: null, userId: null };

function textOf(kind: AlertKind, name: string, dueOn: string | null): string {
  const due = dueOn ? toPersianDigits(formatJalali(dueOn, 'fa')) : '';
  switch (kind) {
    case 'insurance-lapsed':
      return `دفتر: ${name} قرارداد جاری دارد اما بیمهٔ تأمین اجتماعی او برقرار نیست.`;
    case 'contract-ending':
      return `دفتر: قرارداد ${name} در ${due} به پایان می‌رسد.`;
    case 'contract-ended-role-held':
      return `دفتر: قرارداد ${name} در ${due} پایان یافته ولی نقش او در دفتر همچنان برقرار است.`;
    case 'licence-expiring':
      return `دفتر: پروانهٔ فعالیت ${name} در ${due} منقضی می‌شود.`;
  }
}

/** The alerts of the Tehran day of `now` (the server's clock). */
export async function sendEmploymentAlerts(db: Db, now: Date): Promise<{ told: number; messages: number[] }> {
  const rows = await store.alerts(db, NATION, {}, tehranIsoDate(now));
  const mobiles = await store.managerMobiles(db, [...new Set(rows.map((r) => r.officeId))]);
  const messages: number[] = [];
  let told = 0;
  for (const r of rows) {
    const recipients = mobiles.get(r.officeId) ?? [];
    if (recipients.length === 0) continue;
    const key = alertKey(r.kind, r.contractId ?? r.licenceId ?? r.userId, r.dueOn);
    // One transaction per alert: the claim and its messages commit together or not at all.
    await db.transaction(async (tx) => {
      if (!(await store.claimAlertNotice(tx, key, r.officeId, now))) return;
      for (const mobile of recipients) {
        messages.push(
          await enqueueMessage(
            tx,
            {
              channel: 'sms',
              recipient: mobile,
              template: `employment.alert.${r.kind}`,
              provinceId: r.provinceId,
              body: textOf(r.kind, `${r.firstName} ${r.lastName}`, r.dueOn),
            },
            now,
          ),
        );
      }
      told += 1;
    });
  }
  return { told, messages };
}
