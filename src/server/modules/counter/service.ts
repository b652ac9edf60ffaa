/**
 * Use cases of the counter: the queue (tickets numbered from 1 per office per Tehran day), the
 * citizen's consent by one-time code, the consented status lookup (charged as `follow-up` or
 * `case-report`), and today's work at a glance. Each takes the actor first and checks access.
 */
import { maskMobile } from '#core/identifiers';
import { ACTIVE_WINDOW_MINUTES, estimateWait, RECENT_DAYS, RECENT_SERVICES } from '#core/queue-wait';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { checkCode, sendCode, spendCode } from '#server/modules/identity/mobile-codes';
import { citizenByNationalId, findCitizen } from '#server/modules/identity/store';
import { citizenOverview } from '#server/modules/notices/tracking';
import { findService } from '#server/modules/catalog/store';
import type { CreditHandler } from '#server/platform/ports/payment-credit';
import { startPayment } from '#server/modules/payments/service';
import { quoteFees } from '#server/modules/tariffs/fees';
import { assertConsent, CONSENT_TTL_MINUTES, type ConsentPurpose } from '#server/modules/records/consents';
import { recordService } from '#server/modules/records/service-records';
import { assertMayPerform } from '#server/modules/operators/licences/may-perform';
import * as store from './store';

/**
 * The handler of a credited service payment (`ctx.ports.onPaymentCredited.service`): the payment
 * is linked to the service record it pays for, in the crediting transaction.
 */
export const creditServicePayment: CreditHandler = async (tx, payment) => {
  if (payment.serviceRecordId != null) await store.linkPayment(tx, payment.serviceRecordId, payment.id);
  return [];
};

const jalaliDay = (iso: string) => formatJalaliIso(isoToJalali(iso));

function toTicket(t: store.TicketRow) {
  return {
    id: t.id,
    officeId: t.officeId,
    day: t.day,
    dayJalali: jalaliDay(t.day),
    number: t.number,
    serviceCode: t.serviceCode,
    status: t.status,
    citizenId: t.citizenId,
    servedBy: t.servedBy,
    createdAt: t.createdAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    doneAt: t.doneAt?.toISOString() ?? null,
  };
}

// ---- The queue ----

export async function issueTicket(ctx: AppContext, actor: Actor, input: { serviceCode?: string } = {}) {
  const { officeId } = actingOffice(actor, 'counter.tickets');
  const now = ctx.clock.now();
  if (input.serviceCode != null && !(await findService(ctx.db, input.serviceCode))?.active)
    throw invalidField('serviceCode', 'unknown_service');
  const ticket = await ctx.db.transaction((tx) =>
    store.issueTicket(tx, officeId, tehranIsoDate(now), now, input.serviceCode ?? null),
  );
  return toTicket(ticket);
}

export async function listTickets(ctx: AppContext, actor: Actor) {
  const { officeId } = actingOffice(actor, 'counter.tickets');
  const day = tehranIsoDate(ctx.clock.now());
  const [items, counts] = await Promise.all([
    store.ticketsOfDay(ctx.db, officeId, day),
    store.queueCounts(ctx.db, officeId, day),
  ]);
  return { day, dayJalali: jalaliDay(day), counts, items: items.map(toTicket) };
}

/**
 * A ticket as printed for the visitor: number, service, office, when it was taken, and the
 * estimated wait from the queue ahead of it and the office's recent service times
 * (`estimateWait` in core/queue-wait.ts says how). Only at the ticket's own office.
 */
export async function ticketSlip(ctx: AppContext, actor: Actor, ticketId: number) {
  actingOffice(actor, 'counter.tickets');
  const ticket = await store.findTicket(ctx.db, ticketId);
  if (!ticket) throw new AppError('not_found');
  authorize(actor, 'counter.tickets', { officeId: ticket.officeId });
  const now = ctx.clock.now();
  const [slip, recent] = await Promise.all([
    store.slipOf(ctx.db, ticket),
    store.recentServiceTimes(ctx.db, ticket.officeId, {
      since: new Date(now.getTime() - RECENT_DAYS * 86_400_000),
      activeSince: new Date(now.getTime() - ACTIVE_WINDOW_MINUTES * 60_000),
      limit: RECENT_SERVICES,
    }),
  ]);
  const wait =
    ticket.status === 'waiting'
      ? estimateWait({ ahead: slip.ahead, recentServiceSeconds: recent.seconds, activeCounters: recent.activeCounters })
      : null;
  return {
    ticket: toTicket(ticket),
    office: slip.office
      ? { code: slip.office.code, name: { fa: slip.office.nameFa, en: slip.office.nameEn } }
      : { code: '', name: { fa: '', en: '' } },
    service: slip.service ? { fa: slip.service.titleFa, en: slip.service.titleEn } : null,
    wait,
  };
}

/** Calls the first waiting visitor of the day; null when nobody is waiting. */
export async function callNext(ctx: AppContext, actor: Actor) {
  const { officeId } = actingOffice(actor, 'counter.tickets');
  const now = ctx.clock.now();
  const ticket = await ctx.db.transaction(async (tx) => {
    const next = await store.nextWaiting(tx, officeId, tehranIsoDate(now));
    if (!next) return null;
    return store.updateTicket(tx, next.id, ['waiting'], { status: 'serving', calledAt: now, servedBy: actor.userId });
  });
  return ticket ? toTicket(ticket) : null;
}

type Move = 'call' | 'serve' | 'cancel';
const MOVES: Record<Move, { from: store.TicketRow['status'][]; to: store.TicketRow['status'] }> = {
  call: { from: ['waiting'], to: 'serving' },
  serve: { from: ['waiting', 'serving'], to: 'done' },
  cancel: { from: ['waiting', 'serving'], to: 'cancelled' },
};

/** Calls a particular ticket, marks it served or cancels it: only at the ticket's own office. */
export async function moveTicket(
  ctx: AppContext,
  actor: Actor,
  ticketId: number,
  move: Move,
  input: { citizenId?: number } = {},
) {
  actingOffice(actor, 'counter.tickets');
  const ticket = await ctx.db.transaction(async (tx) => {
    const current = await store.findTicket(tx, ticketId, true);
    if (!current) throw new AppError('not_found');
    authorize(actor, 'counter.tickets', { officeId: current.officeId });
    const { from, to } = MOVES[move];
    if (!from.includes(current.status))
      throw new AppError('ticket_status_conflict', { extra: { ticketStatus: current.status } });
    const now = ctx.clock.now();
    const updated = await store.updateTicket(tx, ticketId, from, {
      status: to,
      servedBy: actor.userId,
      ...(move === 'call' ? { calledAt: now } : { doneAt: now }),
      ...(move === 'serve' && current.calledAt == null ? { calledAt: now } : {}),
      ...(input.citizenId ? { citizenId: input.citizenId } : {}),
    });
    if (!updated) throw new AppError('ticket_status_conflict');
    // A citizen served: the higher areas act on it in this transaction (the quality survey's SMS).
    if (move === 'serve' && updated.citizenId != null)
      await ctx.ports.onTicketServed(
        tx,
        {
          id: updated.id,
          officeId: updated.officeId,
          citizenId: updated.citizenId,
          servedBy: updated.servedBy,
          serviceCode: updated.serviceCode,
        },
        { now, publicUrl: ctx.config.publicUrl },
      );
    return updated;
  });
  return toTicket(ticket);
}

// ---- Consent by one-time code ----

const consentCodePurpose = (purpose: ConsentPurpose, officeId: number, citizenId: number) =>
  `consent:${purpose}:${officeId}:${citizenId}`;
const PURPOSE_FA: Record<ConsentPurpose, string> = {
  'follow-up': 'پیگیری',
  'case-report': 'گزارش وضعیت پرونده',
  'notice-page': 'گشایش صفحهٔ ابلاغ',
};
const invalidConsentCode = () =>
  new AppError('invalid_consent_code', {
    fields: [
      {
        field: 'code',
        code: 'invalid_mobile_code',
        message: { fa: 'کد رضایت نادرست یا منقضی است.', en: 'The consent code is wrong or has expired.' },
      },
    ],
  });

async function citizenFor(ctx: AppContext, nationalId: string) {
  const citizen = await citizenByNationalId(ctx.db, nationalId);
  if (!citizen) throw new AppError('eaccount_not_found');
  return citizen;
}

/** The operator asks for consent: the citizen receives a code on their registered mobile. */
export async function requestConsent(
  ctx: AppContext,
  actor: Actor,
  input: { nationalId: string; purpose: ConsentPurpose },
) {
  const { officeId } = actingOffice(actor, 'counter.consents');
  // A consent is for a service (its purpose is the service code): an operator who may not perform it asks for none.
  await assertMayPerform(ctx.db, {
    officeId,
    userId: actor.userId,
    serviceCode: input.purpose,
    day: tehranIsoDate(ctx.clock.now()),
  });
  const citizen = await citizenFor(ctx, input.nationalId);
  const sent = await sendCode(ctx, {
    mobile: citizen.mobile,
    purpose: consentCodePurpose(input.purpose, officeId, citizen.id),
    template: 'otp.consent',
    provinceId: citizen.provinceId,
    text: (code) =>
      `دفتر: کد رضایت شما برای «${PURPOSE_FA[input.purpose]}» در دفتر خدمات الکترونیک قضایی ${code} است. فقط اگر خودتان در دفتر حاضرید آن را بدهید.`,
  });
  return {
    citizen: {
      id: citizen.id,
      firstName: citizen.firstName,
      lastName: citizen.lastName,
      judicialId: citizen.judicialId,
      maskedMobile: maskMobile(citizen.mobile),
    },
    purpose: input.purpose,
    ...sent,
  };
}

/** The operator enters the citizen's code: a consent valid for a short time at this office for this purpose. */
export async function confirmConsent(
  ctx: AppContext,
  actor: Actor,
  input: { nationalId: string; purpose: ConsentPurpose; code: string },
) {
  const { officeId, provinceId } = actingOffice(actor, 'counter.consents');
  const citizen = await citizenFor(ctx, input.nationalId);
  const now = ctx.clock.now();
  const challengeId = await checkCode(
    ctx.db,
    { mobile: citizen.mobile, purpose: consentCodePurpose(input.purpose, officeId, citizen.id), code: input.code },
    invalidConsentCode,
    now,
  );
  const consent = await ctx.db.transaction(async (tx) => {
    await spendCode(tx, challengeId, invalidConsentCode, now);
    const row = await store.insertConsent(tx, {
      citizenId: citizen.id,
      officeId,
      operatorUserId: actor.userId,
      purpose: input.purpose,
      grantedAt: now,
      expiresAt: new Date(now.getTime() + CONSENT_TTL_MINUTES * 60_000),
    });
    await recordAudit(tx, actor, {
      action: 'counter.consent',
      entityType: 'consent',
      entityId: row.id,
      provinceId,
      officeId,
      data: { citizenId: citizen.id, purpose: input.purpose, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
  return {
    id: consent.id,
    citizenId: consent.citizenId,
    officeId: consent.officeId,
    purpose: consent.purpose,
    grantedAt: consent.grantedAt.toISOString(),
    expiresAt: consent.expiresAt.toISOString(),
  };
}

/**
 * The citizen's status at an office, with a valid `follow-up` or `case-report` consent. The first
 * lookup under a consent is charged (a service record at the tariff in force and a payment); later
 * views under the same consent show the status again without charging twice.
 */
export async function statusLookup(
  ctx: AppContext,
  actor: Actor,
  input: { consentId: number; citizenId: number; ticketId?: number },
) {
  const { officeId, provinceId } = actingOffice(actor, 'counter.status-lookup');
  if (input.ticketId != null && (await store.findTicket(ctx.db, input.ticketId))?.officeId !== officeId)
    throw invalidField('ticketId', 'invalid_value');
  const now = ctx.clock.now();
  const charged = await ctx.db.transaction(async (tx) => {
    const consent = await store.findConsentForUpdate(tx, input.consentId);
    if (!consent || consent.purpose === 'notice-page') throw new AppError('consent_required');
    const purpose = consent.purpose;
    // One rule for validity: the same check the notices area uses.
    await assertConsent(
      tx,
      { consentId: consent.id, citizenId: input.citizenId, officeId, operatorUserId: actor.userId, purpose },
      now,
    );
    if (consent.serviceRecordId != null) {
      // A repeat view under a charged consent records nothing, but it is still this operator's service.
      await assertMayPerform(tx, { officeId, userId: actor.userId, serviceCode: purpose, day: tehranIsoDate(now) });
      return { purpose, serviceRecordId: consent.serviceRecordId, quote: null };
    }
    const quote = await quoteFees(tx, { service: purpose, isoDate: tehranIsoDate(now) });
    const serviceRecordId = await recordService(
      tx,
      {
        serviceCode: purpose,
        channel: 'office',
        officeId,
        provinceId,
        operatorUserId: actor.userId,
        citizenId: input.citizenId,
        ticketId: input.ticketId ?? null,
        scheduleId: quote.schedule.id,
        amountRials: quote.totalRials,
      },
      now,
    );
    await store.setConsentCharge(tx, consent.id, serviceRecordId);
    await recordAudit(tx, actor, {
      action: 'counter.status-lookup',
      entityType: 'citizen',
      entityId: input.citizenId,
      provinceId,
      officeId,
      data: { consentId: consent.id, purpose, serviceRecordId, amountRials: quote.totalRials },
    });
    return { purpose, serviceRecordId, quote };
  });
  // A lookup charged earlier whose payment never started (the gateway was down) gets its payment now.
  const quote =
    charged.quote ??
    ((await store.hasPayment(ctx.db, charged.serviceRecordId))
      ? null
      : await quoteFees(ctx.db, { service: charged.purpose, isoDate: tehranIsoDate(now) }));
  const payment = quote
    ? await startPayment(ctx, actor, {
        purpose: 'service',
        serviceRecordId: charged.serviceRecordId,
        amountRials: quote.totalRials,
        lines: quote.lines,
        officeId,
        provinceId,
        channel: 'office',
        payerCitizenId: input.citizenId,
        returnPath: '/counter',
      })
    : null;
  const [row, overview] = await Promise.all([
    findCitizen(ctx.db, input.citizenId),
    citizenOverview(ctx.db, input.citizenId, tehranIsoDate(now)),
  ]);
  if (!row) throw new AppError('not_found');
  const amountRials = charged.quote?.totalRials ?? (await store.serviceAmount(ctx.db, charged.serviceRecordId));
  return {
    citizen: {
      id: row.citizen.id,
      firstName: row.citizen.firstName,
      lastName: row.citizen.lastName,
      judicialId: row.citizen.judicialId,
    },
    purpose: charged.purpose,
    overview,
    serviceRecordId: charged.serviceRecordId,
    amountRials,
    payment: payment
      ? { paymentId: payment.paymentId, receiptNumber: payment.receiptNumber, redirectUrl: payment.redirectUrl }
      : null,
  };
}

// ---- Today's work ----

export async function today(ctx: AppContext, actor: Actor) {
  const { officeId } = actingOffice(actor, 'counter.today');
  const day = tehranIsoDate(ctx.clock.now());
  const data = await store.todayOf(ctx.db, officeId, day);
  const tickets = data.tickets;
  const services = data.services.map((s) => ({
    code: s.code,
    title: { fa: s.titleFa ?? s.code, en: s.titleEn ?? s.code },
    count: Number(s.n),
    amountRials: Number(s.amount),
  }));
  return {
    officeId,
    day,
    dayJalali: jalaliDay(day),
    tickets,
    services,
    servicesTotalRials: services.reduce((sum, s) => sum + s.amountRials, 0),
    filings: data.filings.map((f) => ({ status: f.status, count: Number(f.n) })),
    revenueRials: Number(data.revenue?.total ?? 0),
    paidPayments: Number(data.revenue?.n ?? 0),
  };
}
