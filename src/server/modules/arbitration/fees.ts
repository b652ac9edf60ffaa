/**
 * The arbitrators' fee (Civil Procedure Code Art. 498): the official scale the regulator enters
 * (versioned, in force from a day after it is entered, never back-dated), the fee fixed when the
 * term starts — by the agreement, or by the scale in force that day — with each paying party's
 * share, and the payment of a share through the payment flow, credited with a dated step on the
 * case's timeline and in the audit chain.
 */
import {
  type ArbitrationFeeScale,
  equalShares,
  type FeeTerms,
  fixFee,
  partyShares,
  scaleInForce,
  scaleProblem,
  scaleWithdrawalProblem,
} from '#core/arbitration/fees';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Executor, Tx } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { CreditHandler } from '#server/platform/ports/payment-credit';
import type { FeeScaleInput, FeeScaleWithdrawalInput } from './schemas';
import * as store from './store';

const day = (iso: string) => ({ iso, jalali: formatJalaliIso(isoToJalali(iso)) });

function asScale(row: store.FeeScaleRow): ArbitrationFeeScale {
  return {
    validFrom: row.validFrom,
    bands: row.bands,
    capRials: row.capRials,
    nonMonetaryMinRials: row.nonMonetaryMinRials,
    nonMonetaryMaxRials: row.nonMonetaryMaxRials,
  };
}

function scaleView(row: store.FeeScaleRow) {
  return {
    id: row.id,
    validFrom: day(row.validFrom),
    bands: row.bands,
    capRials: row.capRials,
    nonMonetaryMinRials: row.nonMonetaryMinRials,
    nonMonetaryMaxRials: row.nonMonetaryMaxRials,
    source: row.source,
    withdrawal:
      row.withdrawnAt && row.withdrawalReason != null
        ? { at: row.withdrawnAt.toISOString(), reason: row.withdrawalReason }
        : null,
  };
}

/** Every scale, newest first, with the one in force today marked: public, as the regulation is. */
export async function listFeeScales(ctx: AppContext) {
  const rows = await store.feeScales(ctx.db);
  const inForce = scaleInForce(rows, tehranIsoDate(ctx.clock.now()));
  return { items: rows.map((r) => ({ ...scaleView(r), inForce: r.id === inForce?.id })) };
}

/**
 * The regulator enters a new scale. It comes into force from a later day than today — a fee
 * already fixed, or one fixed today, never changes — and a day another scale starts is taken.
 */
export async function addFeeScale(ctx: AppContext, actor: Actor, input: FeeScaleInput) {
  authorize(actor, 'arbitration.fee-scales.manage', {});
  const problem = scaleProblem(input);
  if (problem) throw invalidField(problem.field, problem.code);
  const now = ctx.clock.now();
  if (input.validFrom.iso <= tehranIsoDate(now))
    throw new AppError('arbitration_fee_scale_retroactive', { fields: [fieldError('validFrom', 'not_after_today')] });
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await store.insertFeeScale(tx, {
      validFrom: input.validFrom.iso,
      bands: input.bands,
      capRials: input.capRials,
      nonMonetaryMinRials: input.nonMonetaryMinRials,
      nonMonetaryMaxRials: input.nonMonetaryMaxRials,
      source: input.source,
      createdBy: actor.userId,
      createdAt: now,
    });
    if (!inserted) throw new AppError('arbitration_fee_scale_exists');
    await recordAudit(tx, actor, {
      action: 'arbitration.fee-scale',
      entityType: 'arbitration_fee_scale',
      entityId: inserted.id,
      provinceId: null,
      officeId: null,
      data: {
        validFrom: inserted.validFrom,
        bands: inserted.bands,
        capRials: inserted.capRials,
        nonMonetary: [inserted.nonMonetaryMinRials, inserted.nonMonetaryMaxRials],
        source: inserted.source,
      },
    });
    return inserted;
  });
  return { ...scaleView(row), inForce: false };
}

/**
 * The regulator withdraws a scale before its first day, giving the reason: it is kept on the list,
 * marked withdrawn, never comes into force (no fee is fixed by it) and frees its first day. A scale
 * in force — today is its first day or later — is refused: a fee may already be fixed by it, and
 * only a newer scale supersedes it. Two withdrawals at once: the second waits and is refused.
 */
export async function withdrawFeeScale(ctx: AppContext, actor: Actor, id: number, input: FeeScaleWithdrawalInput) {
  authorize(actor, 'arbitration.fee-scales.manage', {});
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const row = await ctx.db.transaction(async (tx) => {
    const scale = await store.lockFeeScale(tx, id);
    if (!scale) throw new AppError('not_found');
    const problem = scaleWithdrawalProblem(scale, today);
    if (problem === 'withdrawn') throw new AppError('arbitration_fee_scale_withdrawn');
    if (problem === 'in_force') throw new AppError('arbitration_fee_scale_in_force');
    const withdrawn = await store.updateFeeScale(tx, id, {
      withdrawnAt: now,
      withdrawnBy: actor.userId,
      withdrawalReason: input.reason,
    });
    await recordAudit(tx, actor, {
      action: 'arbitration.fee-scale-withdraw',
      entityType: 'arbitration_fee_scale',
      entityId: withdrawn.id,
      provinceId: null,
      officeId: null,
      data: { validFrom: withdrawn.validFrom, source: withdrawn.source, reason: input.reason },
    });
    return withdrawn;
  });
  const inForce = scaleInForce(await store.feeScales(ctx.db), today);
  return { ...scaleView(row), inForce: row.id === inForce?.id };
}

/** The fee terms the agreement carries, or null when it recorded none. */
function termsOf(kase: store.CaseRow): FeeTerms | null {
  if (kase.feeBasis === 'agreed' && kase.feeAgreedPerArbitratorRials != null)
    return { basis: 'agreed', perArbitratorRials: kase.feeAgreedPerArbitratorRials, payers: kase.feePayers };
  if (kase.feeBasis === 'scale') return { basis: 'scale', claimRials: kase.feeClaimRials, payers: kase.feePayers };
  return null;
}

/**
 * Fixes the fee as the term starts (the arbitrators are chosen): by the agreement, or by the scale
 * in force on `today`; writes each paying party's share. Returns what to record on the term's
 * step, or null when there is nothing to fix (no terms, or no scale in force).
 */
export async function fixFeeAtTermStart(
  tx: Tx,
  kase: store.CaseRow,
  parties: store.PartyRow[],
  today: string,
): Promise<{ totalRials: number; scaleId: number | null } | null> {
  const terms = termsOf(kase);
  if (!terms) return null;
  const scale = terms.basis === 'scale' ? scaleInForce(await store.feeScales(tx), today) : null;
  const fee = fixFee(terms, kase.arbitratorCount, scale ? asScale(scale) : null);
  if (!fee) return null;
  await store.updateCase(tx, kase.id, { feeTotalRials: fee.totalRials, feeScaleId: scale?.id ?? null });
  await store.insertFeeShares(
    tx,
    partyShares(fee.totalRials, parties, terms.payers).map((s) => ({
      caseId: kase.id,
      partyId: s.party.id,
      amountRials: s.amountRials,
    })),
  );
  return { totalRials: fee.totalRials, scaleId: scale?.id ?? null };
}

/** What the case shows of the fee; a share's payment and receipt only to the party whose share it is. */
export async function feeView(
  db: Executor,
  kase: store.CaseRow,
  parties: store.PartyRow[],
  viewerPartyId: number | null,
) {
  const terms = termsOf(kase);
  if (!terms) return null;
  const [shares, scale] = await Promise.all([
    store.feeSharesOf(db, kase.id),
    kase.feeScaleId != null ? store.findFeeScale(db, kase.feeScaleId) : null,
  ]);
  const payments = await store.paymentsByIds(
    db,
    shares.map((s) => s.paymentId).filter((id): id is number => id != null),
  );
  return {
    basis: terms.basis,
    payers: terms.payers,
    claimRials: terms.basis === 'scale' ? terms.claimRials : null,
    agreedPerArbitratorRials: terms.basis === 'agreed' ? terms.perArbitratorRials : null,
    totalRials: kase.feeTotalRials,
    perArbitratorRials: kase.feeTotalRials != null ? equalShares(kase.feeTotalRials, kase.arbitratorCount) : [],
    scale: scale ? { id: scale.id, validFrom: day(scale.validFrom), source: scale.source } : null,
    shares: shares.map((s) => {
      const p = s.paymentId != null ? payments.get(s.paymentId) : undefined;
      const own = s.partyId === viewerPartyId;
      return {
        partyId: s.partyId,
        name: parties.find((x) => x.id === s.partyId)?.name ?? '',
        amountRials: s.amountRials,
        status: s.paidAt ? ('paid' as const) : p?.status === 'pending' ? ('pending' as const) : ('owed' as const),
        paidAt: s.paidAt?.toISOString() ?? null,
        paymentId: own ? (s.paymentId ?? null) : null,
        receiptNumber: own && s.paidAt && p ? p.receiptNumber : null,
      };
    }),
  };
}

/**
 * The handler of a credited arbitrators' fee payment (`ctx.ports.onPaymentCredited.arbitration`):
 * the share is paid, dated on the case's timeline and in the audit chain, in the crediting
 * transaction. A payment that is not the share's latest (or a share paid already) credits nothing.
 */
export const creditArbitrationFee: CreditHandler = async (tx, payment) => {
  const share = await store.feeShareOfPayment(tx, payment.id);
  if (!share || share.paidAt) return [];
  await store.updateFeeShare(tx, share.id, { paidAt: payment.paidAt });
  const kase = (await store.findCase(tx, share.caseId))!;
  const party = (await store.partiesOf(tx, share.caseId)).find((p) => p.id === share.partyId);
  const data = {
    partyId: share.partyId,
    name: party?.name ?? '',
    amountRials: share.amountRials,
    paymentId: payment.id,
    receiptNumber: payment.receiptNumber,
  };
  await store.insertEvent(tx, {
    caseId: kase.id,
    kind: 'fee-paid',
    step: null,
    fromState: null,
    toState: null,
    actorId: payment.createdBy,
    at: payment.paidAt,
    data,
  });
  await recordAudit(
    tx,
    { userId: payment.createdBy },
    {
      action: 'arbitration.fee-paid',
      entityType: 'arbitration_case',
      entityId: kase.id,
      provinceId: kase.provinceId,
      officeId: kase.seatOfficeId,
      data,
    },
  );
  return [];
};
