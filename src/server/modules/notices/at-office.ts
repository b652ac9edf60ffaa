/**
 * Notices opened at an office on a citizen's behalf: only with the citizen's consent (a one-time
 * code for `notice-page`), recording delivery through the office, the `notice-page` service at the
 * tariff in force, and a payment for it.
 */
import { tehranIsoDate } from '#core/jalali';
import type { Tx } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { assertConsent } from '#server/modules/records/consents';
import { recordService } from '#server/modules/records/service-records';
import { assertMayPerform } from '#server/modules/operators/licences/may-perform';
import { startPaymentIn } from '#server/modules/payments/service';
import { quoteFees } from '#server/modules/tariffs/fees';
import type { PrintableNotice } from './notice-print';
import { deliver, openedView } from './service';
import * as store from './store';
import { citizenNotices } from './tracking';

/** The office the actor works at for this action (operators and managers have one office grant). */

/** The citizen's notices, read at an office with the citizen's consent for `notice-page`. */
export async function consentedNotices(ctx: AppContext, actor: Actor, q: { citizenId: number; consentId: number }) {
  scopeFilter(actor, 'notices.open-at-office');
  const { officeId } = actingOffice(actor, 'notices.open-at-office');
  const now = ctx.clock.now();
  await assertConsent(
    ctx.db,
    { consentId: q.consentId, citizenId: q.citizenId, officeId, operatorUserId: actor.userId, purpose: 'notice-page' },
    now,
  );
  return citizenNotices(ctx.db, q.citizenId, tehranIsoDate(now), 1, 100);
}

/**
 * A notice an office has opened for the citizen, as a printable page to hand them: with the
 * citizen's consent, and only once it has been opened and delivered (opening is what the
 * `notice-page` service charges for; printing adds nothing to pay).
 */
export async function printAtOffice(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  q: { citizenId: number; consentId: number },
): Promise<PrintableNotice> {
  scopeFilter(actor, 'notices.open-at-office');
  const { officeId } = actingOffice(actor, 'notices.open-at-office');
  const now = ctx.clock.now();
  await assertConsent(
    ctx.db,
    { consentId: q.consentId, citizenId: q.citizenId, officeId, operatorUserId: actor.userId, purpose: 'notice-page' },
    now,
  );
  const row = await store.deliveryOf(ctx.db, noticeId, q.citizenId);
  if (!row) throw new AppError('not_found');
  if (!row.delivery.deliveredAt) throw new AppError('notice_not_opened');
  return {
    notice: await openedView(ctx.db, row, row.delivery, tehranIsoDate(now), 'office'),
    court: { nameFa: row.court.nameFa, address: row.court.address },
    printedAt: now,
  };
}

/**
 * An office opens a citizen's notice on their behalf: only with the citizen's consent; delivery
 * is recorded (channel office), the `notice-page` service is recorded at the tariff in force and
 * a payment for it is started — all in one transaction. With an `Idempotency-Key`, the key's claim
 * and its stored answer are part of that transaction too: a retry gets the first answer, and a
 * failure (or a crash) inside the work leaves neither a charge nor a claimed key behind.
 */
export async function openAtOffice(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  input: { citizenId: number; consentId: number },
  keyHeader?: string | string[],
): Promise<OpenedAtOffice & { replayed: boolean }> {
  scopeFilter(actor, 'notices.open-at-office');
  const office = actingOffice(actor, 'notices.open-at-office');
  const key = idempotencyKeyFrom(keyHeader, false);
  const now = ctx.clock.now();
  await assertMayPerform(ctx.db, {
    officeId: office.officeId,
    userId: actor.userId,
    serviceCode: 'notice-page',
    day: tehranIsoDate(now),
  });
  await assertConsent(
    ctx.db,
    {
      consentId: input.consentId,
      citizenId: input.citizenId,
      officeId: office.officeId,
      operatorUserId: actor.userId,
      purpose: 'notice-page',
    },
    now,
  );
  if (!key) {
    const opened = await ctx.db.transaction((tx) => openIn(ctx, tx, actor, office, noticeId, input, now));
    return { ...opened, replayed: false };
  }
  const answer = await runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key, operation: 'notices.open-at-office', request: { id: noticeId, ...input } },
    async (tx) => ({ status: 200, body: await openIn(ctx, tx, actor, office, noticeId, input, now) }),
  );
  return { ...(answer.body as OpenedAtOffice), replayed: answer.replayed };
}

type OpenedAtOffice = Awaited<ReturnType<typeof openIn>>;

async function openIn(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  { officeId, provinceId }: { officeId: number; provinceId: number },
  noticeId: number,
  input: { citizenId: number; consentId: number },
  now: Date,
) {
  const today = tehranIsoDate(now);
  const row = await store.deliveryOf(tx, noticeId, input.citizenId, true);
  if (!row) throw new AppError('not_found');
  const quote = await quoteFees(tx, { service: 'notice-page', isoDate: today });
  const delivery = await deliver(tx, actor, row, { channel: 'office', officeId, at: now });
  const serviceRecordId = await recordService(
    tx,
    {
      serviceCode: 'notice-page',
      channel: 'office',
      officeId,
      provinceId,
      operatorUserId: actor.userId,
      citizenId: input.citizenId,
      scheduleId: quote.schedule.id,
      amountRials: quote.totalRials,
    },
    now,
  );
  await recordAudit(tx, actor, {
    action: 'notices.open-at-office',
    entityType: 'notice',
    entityId: noticeId,
    provinceId,
    officeId,
    data: { citizenId: input.citizenId, consentId: input.consentId, serviceRecordId, amountRials: quote.totalRials },
  });
  const payment = await startPaymentIn(
    ctx,
    tx,
    actor,
    {
      purpose: 'service',
      serviceRecordId,
      amountRials: quote.totalRials,
      lines: quote.lines,
      officeId,
      provinceId,
      channel: 'office',
      payerCitizenId: input.citizenId,
      returnPath: '/counter/notices',
    },
    now,
  );
  return {
    notice: await openedView(tx, row, delivery, today, 'office'),
    serviceRecordId,
    amountRials: quote.totalRials,
    payment: {
      paymentId: payment.paymentId,
      receiptNumber: payment.receiptNumber,
      redirectUrl: payment.redirectUrl,
    },
  };
}
