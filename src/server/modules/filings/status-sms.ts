/**
 * The SMS the applicant gets when their filing is paid, submitted to court, accepted or returned:
 * written to the outbox in the transaction that changes the status, so a status change and its
 * message commit together (a rolled-back change sends nothing, an idempotent replay changes nothing
 * and sends nothing). It names the service and, once it exists, the tracking code; a returned
 * filing's reasons are read in the account, not in the SMS.
 */
import { isValidMobile } from '#core/identifiers';
import { toPersianDigits } from '#core/persian-digits';
import type { Tx } from '#server/db/transaction';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as store from './store';

export type FilingSmsEvent = 'paid' | 'submitted' | 'accepted' | 'returned';

const SENTENCE: Record<FilingSmsEvent, (service: string) => string> = {
  paid: (s) => `هزینهٔ «${s}» شما پرداخت شد.`,
  submitted: (s) => `«${s}» شما به دادگاه فرستاده شد.`,
  accepted: (s) => `«${s}» شما در دادگاه پذیرفته شد.`,
  returned: (s) => `«${s}» شما از دادگاه بازگردانده شد.`,
};

/** The message's text: the event and the service, the tracking code (Persian digits, then Latin) when there is one. */
function filingSmsBody(event: FilingSmsEvent, serviceFa: string, trackingCode: string | null): string {
  const parts = [`دفتر: ${SENTENCE[event](serviceFa)}`];
  if (trackingCode) parts.push(`کد رهگیری: ${toPersianDigits(trackingCode)} (${trackingCode})`);
  if (event === 'returned') parts.push('دلیل بازگرداندن را در حساب کاربری خود ببینید.');
  return parts.join(' ');
}

export type ApplicantContact = Awaited<ReturnType<typeof store.applicantContact>>;

/**
 * Queues the applicant's SMS for `event` in `tx`; the outbox id, or null when the applicant has no
 * usable mobile. The filing's `trackingCode` is the one it has after the change. `contact` is the
 * applicant's, when the caller has already read it in this transaction (`store.lockForSubmit`).
 */
export async function queueFilingSms(
  tx: Tx,
  f: { id: number; provinceId: number; trackingCode: string | null },
  event: FilingSmsEvent,
  now: Date,
  known?: ApplicantContact | null,
): Promise<number | null> {
  const contact = known !== undefined ? known : await store.applicantContact(tx, f.id);
  if (!contact || !isValidMobile(contact.mobile)) return null;
  return enqueueMessage(
    tx,
    {
      channel: 'sms',
      recipient: contact.mobile,
      template: `filings.${event}`,
      provinceId: f.provinceId,
      body: filingSmsBody(event, contact.serviceFa ?? contact.serviceCode, f.trackingCode),
    },
    now,
  );
}
