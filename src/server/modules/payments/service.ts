/**
 * Payments: starting a payment through a gateway, the gateway's callback, reconciliation of what
 * was left pending, and the reads behind the result page, the receipts and the office's list.
 *
 * A payment moves pending → paid exactly once: only with the gateway's own word (verify on a
 * callback, inquire in reconciliation), in one transaction with the payment row locked, in which
 * the purpose's credit handler runs and the audit event is written. Every callback is kept in
 * payment_callbacks with its verdict, accepted or not.
 */
import { timingSafeEqual } from 'node:crypto';
import { withCheckDigit } from '#core/check-digit';
import { isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Executor, Tx } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, authorize, authorizeVisible, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import {
  idempotencyKeyFrom,
  purgeIdempotencyKeys,
  runIdempotentInTransaction,
} from '#server/platform/http/idempotency';
import { isUnstorable, storableCopy } from '#server/platform/http/unstorable-text';
import { findService } from '#server/modules/catalog/store';
import { recordService } from '#server/modules/records/service-records';
import { assertMayPerform } from '#server/modules/operators/licences/may-perform';
import { assertOfferedIn, quoteFees } from '#server/modules/tariffs/fees';
import type { PaymentPurpose } from '#server/platform/ports/payment-credit';
import type { GatewayAnswer } from '#server/platform/ports/payment-gateway';
import type { Ports } from '#server/platform/ports/ports';
import { sandboxGateway, SANDBOX_CALLBACK_PATH, signCallback } from './sandbox-gateway';
import {
  PAYMENT_LINE_KINDS,
  type CreatePaymentBody,
  type ListPaymentsQuery,
  type PaymentLine,
  type PaymentView,
} from './schemas';
import * as store from './store';

/** How long the payer has at the bank before the payment expires. */
const PAYMENT_TTL_MINUTES = 15;

// ---- gateways (ctx.ports.paymentGateways: the sandbox bank by default, a real bank's when wired) ----

function gatewayNamed(ports: Ports, name: string) {
  const g = ports.paymentGateways.named(name);
  if (!g) throw new Error(`no payment gateway named ${name} is wired`);
  return g;
}

// ---- starting a payment -------------------------------------------------------------------------

export interface StartPaymentInput {
  purpose: PaymentPurpose;
  filingId?: number;
  serviceRecordId?: number;
  amountRials: number;
  lines: unknown[];
  officeId: number | null;
  provinceId: number;
  channel: 'office' | 'online';
  payerCitizenId: number | null;
  returnPath: string;
}

export interface StartedPayment {
  paymentId: number;
  receiptNumber: string;
  redirectUrl: string;
}

/** `{Jalali year}{payment number, 9 digits}` and a Verhoeff check digit: unique, as payment numbers are. */
function receiptNumberFor(paymentId: number, isoDay: string): string {
  return withCheckDigit(`${isoToJalali(isoDay).jy}${String(paymentId).padStart(9, '0')}`);
}

/** Only a path inside this app (never another site) is remembered to go back to. */
function safeReturnPath(path: string | undefined): string | null {
  if (!path || path.length > 500 || !/^\/(?![/\\])/.test(path)) return null;
  return path;
}

/** A line's kind as given, or for lines stored before kinds were recorded, read from its code. */
function kindOf(l: Partial<PaymentLine>): PaymentLine['kind'] {
  if (l.kind && (PAYMENT_LINE_KINDS as readonly string[]).includes(l.kind)) return l.kind;
  if (l.code === 'already-paid') return 'adjustment';
  return String(l.code ?? '').startsWith('court-cost') ? 'court-cost' : 'office-fee';
}

function toLines(lines: unknown[]): PaymentLine[] {
  return lines
    .filter((l): l is PaymentLine => !!l && typeof l === 'object')
    .map((l) => ({
      code: String(l.code ?? ''),
      titleFa: String(l.titleFa ?? ''),
      titleEn: String(l.titleEn ?? ''),
      quantity: Number(l.quantity ?? 1),
      unitRials: Number(l.unitRials ?? 0),
      amountRials: Number(l.amountRials ?? 0),
      kind: kindOf(l),
    }));
}

/**
 * Starts a payment at `now` through the default gateway of `ctx.ports`, inside the caller's
 * transaction, so a charge and its payment exist together or not at all.
 */
export async function startPaymentIn(
  ctx: Pick<AppContext, 'ports'>,
  tx: Tx,
  actor: Actor,
  input: StartPaymentInput,
  now: Date,
): Promise<StartedPayment> {
  if (!Number.isSafeInteger(input.amountRials) || input.amountRials <= 0)
    throw invalidField('amountRials', 'too_small');
  authorize(actor, 'payments.start', {
    officeId: input.officeId,
    provinceId: input.provinceId,
    citizenId: input.payerCitizenId,
  });
  const gateway = ctx.ports.paymentGateways.default;
  const id = await store.nextPaymentId(tx);
  const receiptNumber = receiptNumberFor(id, tehranIsoDate(now));
  const expiresAt = new Date(now.getTime() + PAYMENT_TTL_MINUTES * 60_000);
  const { token, redirectUrl } = await gateway.start(tx, {
    merchantReference: receiptNumber,
    amountRials: input.amountRials,
    expiresAt,
    callbackPath: SANDBOX_CALLBACK_PATH,
  });
  await store.insertPayment(tx, {
    id,
    receiptNumber,
    purpose: input.purpose,
    filingId: input.filingId ?? null,
    serviceRecordId: input.serviceRecordId ?? null,
    amountRials: input.amountRials,
    status: 'pending',
    gateway: gateway.name,
    gatewayToken: token,
    payerCitizenId: input.payerCitizenId,
    officeId: input.officeId,
    provinceId: input.provinceId,
    channel: input.channel,
    createdBy: actor.userId,
    expiresAt,
    lines: toLines(input.lines),
    returnPath: safeReturnPath(input.returnPath),
    createdAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'payments.started',
    entityType: 'payment',
    entityId: id,
    provinceId: input.provinceId,
    officeId: input.officeId,
    data: {
      receiptNumber,
      purpose: input.purpose,
      filingId: input.filingId ?? null,
      serviceRecordId: input.serviceRecordId ?? null,
      amountRials: input.amountRials,
      gateway: gateway.name,
    },
  });
  return { paymentId: id, receiptNumber, redirectUrl };
}

/** Starts a payment (the filings and counter areas call this); the payer goes to `redirectUrl`. */
export async function startPayment(ctx: AppContext, actor: Actor, input: StartPaymentInput): Promise<StartedPayment> {
  return ctx.db.transaction((tx) => startPaymentIn(ctx, tx, actor, input, ctx.clock.now()));
}

/**
 * A priced office service paid at the counter (a filing pays through its own endpoint): quoted
 * from the tariff in force, recorded as a service performed, and its payment started — one
 * transaction, and retried requests with the same `Idempotency-Key` get the first answer.
 */
export async function createServicePayment(
  ctx: AppContext,
  actor: Actor,
  body: CreatePaymentBody,
  keyHeader: string | string[] | undefined,
) {
  // Who may charge comes first: a caller without the right learns nothing about the key rules.
  const office = actingOffice(actor, 'payments.start');
  const key = idempotencyKeyFrom(keyHeader, true)!;
  // The charge and its stored answer commit together: a crash can never leave a charge a retry repeats.
  return runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key, operation: 'payments.create', request: body },
    async (tx) => {
      const now = ctx.clock.now();
      const service = await findService(tx, body.serviceCode);
      if (!service?.active) throw invalidField('serviceCode', 'unknown_service');
      // Filings pay through their own flow; services behind a citizen's consent are charged by the counter's consent flow.
      if (service.kind === 'filing' || service.channels === 'online' || service.inputs.includes('consent'))
        throw invalidField('serviceCode', 'invalid_value');
      if (body.citizenId != null && !(await store.citizenName(tx, body.citizenId)))
        throw invalidField('citizenId', 'invalid_value');
      // A service still in its pilot is offered only in the pilot's provinces and days: said before anything else.
      await assertOfferedIn(tx, service.code, office.provinceId, tehranIsoDate(now));
      // Once the code is known to be a service: refused before it is quoted if this operator may not perform it here.
      const licence = await assertMayPerform(tx, {
        officeId: office.officeId,
        userId: actor.userId,
        serviceCode: service.code,
        day: tehranIsoDate(now),
      });
      const quote = await quoteFees(tx, {
        service: service.code,
        provinceId: office.provinceId,
        isoDate: tehranIsoDate(now),
      });
      const serviceRecordId = await recordService(
        tx,
        {
          serviceCode: service.code,
          channel: 'office',
          officeId: office.officeId,
          provinceId: office.provinceId,
          operatorUserId: actor.userId,
          citizenId: body.citizenId ?? null,
          ticketId: body.ticketId ?? null,
          scheduleId: quote.schedule.id,
          amountRials: quote.totalRials,
        },
        now,
        licence,
      );
      const payment = await startPaymentIn(
        ctx,
        tx,
        actor,
        {
          purpose: 'service',
          serviceRecordId,
          amountRials: quote.totalRials,
          lines: quote.lines,
          officeId: office.officeId,
          provinceId: office.provinceId,
          channel: 'office',
          payerCitizenId: body.citizenId ?? null,
          returnPath: '/payments',
        },
        now,
      );
      return { status: 201, body: { ...payment, amountRials: quote.totalRials } };
    },
  );
}

/**
 * Gives a paid payment back in full (a consultation cancelled before its cut-off): the gateway
 * reverses it and the payment becomes `refunded`, in the caller's transaction. A payment that is
 * not paid is left as it is; the answer says whether anything was refunded.
 */
export async function refundPaymentIn(
  ctx: Pick<AppContext, 'ports'>,
  tx: Tx,
  actor: Actor,
  paymentId: number,
  now: Date,
): Promise<boolean> {
  const p = await store.findPayment(tx, paymentId, true);
  if (p?.status !== 'paid') return false;
  await gatewayNamed(ctx.ports, p.gateway).reverse(tx, p.gatewayToken, now);
  await store.setStatus(tx, p.id, { status: 'refunded' });
  await recordAudit(tx, actor, {
    action: 'payments.refunded',
    entityType: 'payment',
    entityId: p.id,
    provinceId: p.provinceId,
    officeId: p.officeId,
    data: { receiptNumber: p.receiptNumber, amountRials: p.amountRials, purpose: p.purpose },
  });
  return true;
}

// ---- settling: the callback and reconciliation --------------------------------------------------

type Verdict = store.CallbackVerdict;

async function credit(
  ports: Ports,
  tx: Tx,
  p: store.PaymentRow,
  answer: GatewayAnswer,
  via: 'callback' | 'reconciliation',
  paidAt: Date,
  outbox: number[],
) {
  await store.setStatus(tx, p.id, { status: 'paid', paidAt, bankReference: answer.bankReference });
  const handler = ports.onPaymentCredited[p.purpose];
  if (handler) {
    const queued = await handler(tx, {
      id: p.id,
      purpose: p.purpose,
      filingId: p.filingId,
      serviceRecordId: p.serviceRecordId,
      amountRials: p.amountRials,
      receiptNumber: p.receiptNumber,
      createdBy: p.createdBy,
      paidAt,
    });
    outbox.push(...queued);
  }
  await recordAudit(tx, null, {
    action: 'payments.paid',
    entityType: 'payment',
    entityId: p.id,
    provinceId: p.provinceId,
    officeId: p.officeId,
    data: {
      receiptNumber: p.receiptNumber,
      amountRials: p.amountRials,
      bankReference: answer.bankReference,
      purpose: p.purpose,
      filingId: p.filingId,
      via,
    },
  });
}

async function close(
  tx: Tx,
  p: store.PaymentRow,
  status: 'failed' | 'cancelled' | 'expired',
  via: 'callback' | 'reconciliation',
  extra: Record<string, unknown> = {},
) {
  await store.setStatus(tx, p.id, { status });
  await recordAudit(tx, null, {
    action: `payments.${status}`,
    entityType: 'payment',
    entityId: p.id,
    provinceId: p.provinceId,
    officeId: p.officeId,
    data: { receiptNumber: p.receiptNumber, amountRials: p.amountRials, via, ...extra },
  });
}

/**
 * Applies the gateway's word to a locked payment. Only a pending payment changes; after its expiry
 * nothing is credited (money the bank took late is reversed). The outbox ids of messages the
 * credit queued are added to `outbox`, for delivery after commit.
 */
async function settle(
  ports: Ports,
  tx: Tx,
  p: store.PaymentRow,
  answer: GatewayAnswer,
  via: 'callback' | 'reconciliation',
  now: Date,
  outbox: number[] = [],
): Promise<Verdict | null> {
  if (p.status !== 'pending') return 'duplicate';
  if (p.expiresAt.getTime() <= now.getTime()) {
    if (answer.state === 'paid') await gatewayNamed(ports, p.gateway).reverse(tx, p.gatewayToken, now);
    await close(tx, p, 'expired', via, { gatewayState: answer.state, reversed: answer.state === 'paid' });
    return 'expired';
  }
  switch (answer.state) {
    case 'paid':
      if (answer.amountRials !== p.amountRials) return 'forged';
      await credit(ports, tx, p, answer, via, now, outbox);
      return 'credited';
    case 'failed':
      await close(tx, p, 'failed', via);
      return 'failed';
    case 'cancelled':
      await close(tx, p, 'cancelled', via);
      return 'cancelled';
    default:
      return null;
  }
}

function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(a) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a.toLowerCase(), 'hex'), Buffer.from(b.toLowerCase(), 'hex'));
}

export interface CallbackResult {
  paymentId: number | null;
  verdict: Verdict;
}

/**
 * The bank's callback. Checks the signature, the token and the amount against our payment, asks
 * the gateway (verify), then settles the payment under a row lock. Every callback is recorded.
 */
export async function handleCallback(
  ctx: AppContext,
  gatewayName: string,
  body: Record<string, unknown>,
): Promise<CallbackResult> {
  // Kept as it came, but storable: a NUL or a lone surrogate becomes U+FFFD in the record, and
  // what a form post never carries (values nested deeper than a few levels) is cut off.
  const payload = storableCopy(body, 200, 4) as Record<string, unknown>;
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const f = {
    token: str('token'),
    outcome: str('outcome'),
    amountRials: str('amountRials'),
    merchantReference: str('merchantReference'),
    bankReference: str('bankReference'),
  };
  const gateway = ctx.ports.paymentGateways.named(gatewayName);
  const reject = async (paymentId: number | null, verdict: Verdict): Promise<CallbackResult> => {
    await store.recordCallback(ctx.db, paymentId, verdict, payload);
    return { paymentId, verdict };
  };
  if (!gateway || !f.token || isUnstorable(f.token)) return reject(null, 'unknown');
  const known = await store.findByToken(ctx.db, gateway.name, f.token);
  const validShape = ['paid', 'declined', 'cancelled'].includes(f.outcome) && /^\d{1,18}$/.test(f.amountRials);
  if (
    !validShape ||
    !sameHex(str('signature'), signCallback(ctx.config.paymentSecret, f as Parameters<typeof signCallback>[1]))
  ) {
    return reject(known?.id ?? null, 'forged');
  }
  if (!known) return reject(null, 'unknown');
  if (Number(f.amountRials) !== known.amountRials || f.merchantReference !== known.receiptNumber)
    return reject(known.id, 'forged');
  const answer = await gateway.verify(ctx.db, f.token);
  if (answer.state === 'unknown' || answer.amountRials !== known.amountRials) return reject(known.id, 'forged');
  const outbox: number[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    outbox.length = 0;
    const p = (await store.findPayment(tx, known.id, true))!;
    // A signed callback claiming what the bank itself does not say is not believed.
    const verdict = (await settle(ctx.ports, tx, p, answer, 'callback', ctx.clock.now(), outbox)) ?? 'forged';
    await store.recordCallback(tx, p.id, verdict, payload);
    return { paymentId: p.id, verdict };
  });
  await dispatchMessages(ctx, outbox);
  return result;
}

export interface ReconcileResult {
  inquired: number;
  credited: number;
  failed: number;
  cancelled: number;
  expired: number;
  purgedKeys: number;
}

/**
 * The reconciliation job: every pending payment is inquired with its gateway; paid ones are
 * credited (once — the row lock and the pending check make a racing callback a duplicate),
 * declined or cancelled ones are closed, and those past their expiry expire. Messages a credit
 * queues (the applicant's "paid" SMS) are delivered by the outbox sweep.
 */
export async function reconcilePayments(
  ctx: Pick<AppContext, 'db' | 'ports'>,
  now: Date,
  batch = 500,
): Promise<ReconcileResult> {
  const { db } = ctx;
  const result: ReconcileResult = { inquired: 0, credited: 0, failed: 0, cancelled: 0, expired: 0, purgedKeys: 0 };
  for (const pending of await store.pendingPayments(db, batch)) {
    const gateway = ctx.ports.paymentGateways.named(pending.gateway);
    if (!gateway) continue;
    const answer = await gateway.inquire(db, pending.gatewayToken);
    result.inquired++;
    const verdict = await db.transaction(async (tx) => {
      const p = await store.findPayment(tx, pending.id, true);
      if (!p) return null;
      return settle(ctx.ports, tx, p, answer, 'reconciliation', now);
    });
    if (verdict === 'credited') result.credited++;
    else if (verdict === 'failed') result.failed++;
    else if (verdict === 'cancelled') result.cancelled++;
    else if (verdict === 'expired') result.expired++;
  }
  result.purgedKeys = await purgeIdempotencyKeys(db, now);
  return result;
}

// ---- reads --------------------------------------------------------------------------------------

function resourceOf(p: store.PaymentRow) {
  return { officeId: p.officeId, provinceId: p.provinceId, citizenId: p.payerCitizenId, userId: p.createdBy };
}

async function viewOf(db: Executor, p: store.PaymentRow, now: Date): Promise<PaymentView> {
  const office = await store.officeOf(db, p.officeId);
  const payerName = await store.citizenName(db, p.payerCitizenId);
  const open = p.status === 'pending' && p.expiresAt.getTime() > now.getTime();
  return {
    id: p.id,
    receiptNumber: p.receiptNumber,
    status: p.status,
    purpose: p.purpose,
    filingId: p.filingId,
    serviceRecordId: p.serviceRecordId,
    amountRials: p.amountRials,
    lines: toLines(p.lines as unknown[]),
    gateway: p.gateway,
    bankReference: p.bankReference,
    channel: p.channel,
    office: office ? { id: office.id, code: office.code, name: { fa: office.nameFa, en: office.nameEn } } : null,
    provinceId: p.provinceId,
    payer: p.payerCitizenId != null ? { citizenId: p.payerCitizenId, name: payerName ?? '' } : null,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
    returnPath: p.returnPath,
    payUrl: open && p.gateway === sandboxGateway.name ? `/sandbox-bank/pay/${p.gatewayToken}` : null,
  };
}

export async function getPayment(ctx: AppContext, actor: Actor, id: number): Promise<PaymentView> {
  const p = await store.findPayment(ctx.db, id);
  if (!p) throw new AppError('not_found');
  authorizeVisible(actor, 'payments.read', resourceOf(p));
  return viewOf(ctx.db, p, ctx.clock.now());
}

export async function listPayments(ctx: AppContext, actor: Actor, q: ListPaymentsQuery) {
  const filter = scopeFilter(actor, 'payments.list');
  if (q.officeId != null) {
    // An office outside one's scope is refused, as documented, not answered with an empty page
    // (nor one that does not exist, which would tell which ids do).
    const office = await store.officeOf(ctx.db, q.officeId);
    if (office ? !can(actor, 'payments.list', { officeId: office.id, provinceId: office.provinceId }) : !filter.all)
      throw new AppError('forbidden');
  }
  const { rows, total } = await store.searchPayments(ctx.db, filter, {
    officeId: q.officeId,
    status: q.status,
    fromIso: q.from?.iso,
    toIso: q.to?.iso,
    sort: q.sort,
    page: q.page,
    pageSize: q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.payment.id,
      receiptNumber: r.payment.receiptNumber,
      status: r.payment.status,
      purpose: r.payment.purpose,
      filingId: r.payment.filingId,
      amountRials: r.payment.amountRials,
      channel: r.payment.channel,
      office: r.office
        ? { id: r.office.id, code: r.office.code, name: { fa: r.office.nameFa, en: r.office.nameEn } }
        : null,
      payer:
        r.payment.payerCitizenId != null
          ? { citizenId: r.payment.payerCitizenId, name: `${r.payerFirstName ?? ''} ${r.payerLastName ?? ''}`.trim() }
          : null,
      createdAt: r.payment.createdAt.toISOString(),
      paidAt: r.payment.paidAt?.toISOString() ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The name the bank page shows for the merchant: the office, or the online channel. */
export async function merchantNameFor(db: Executor, token: string): Promise<string> {
  const p = await store.findByToken(db, sandboxGateway.name, token);
  const office = p ? await store.officeOf(db, p.officeId) : null;
  return office ? office.nameFa : 'دفاتر خدمات الکترونیک قضایی — پرداخت برخط';
}
