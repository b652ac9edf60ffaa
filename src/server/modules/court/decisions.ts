/**
 * The court's decision on a submitted filing, taken at the court desk: accept (a case with a
 * number and a branch, its parties copied from the filing) or return with reasons. Both run in one
 * transaction with the filings area's status change and the audit events.
 */
import { formatJalaliIso, isoToJalali, jalaliToIso, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { acceptFiling, returnFiling } from '#server/modules/filings/court-decisions';
import { ensureCourtFiling } from './service';
import * as store from './store';

/** `<Jalali year>-<court code>-<sequence of the court's year, 6 digits>`, e.g. `1405-THR-GEN-01-000042`. */
export function caseNumberOf(year: number, courtCode: string, sequence: number): string {
  return `${year}-${courtCode}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Opens a case in a court with the next number of the court's Jalali year, in the caller's
 * transaction: a filing accepted here, or an arbitration award lodged with the court (Art. 485).
 */
export async function openCase(
  tx: Executor,
  actor: Actor,
  court: { id: number; code: string; provinceId: number },
  input: { branch: number; filingId: number | null; subject: string },
  parties: Parameters<typeof store.insertCase>[2],
  now: Date,
) {
  await store.lockCourtNumbering(tx, court.id);
  const { jy } = isoToJalali(tehranIsoDate(now));
  const prefix = `${jy}-${court.code}-`;
  const yearStart = new Date(`${jalaliToIso({ jy, jm: 1, jd: 1 })}T00:00:00+03:30`);
  const caseNumber = caseNumberOf(jy, court.code, (await store.lastCaseSequence(tx, court.id, prefix, yearStart)) + 1);
  return store.insertCase(
    tx,
    {
      caseNumber,
      courtId: court.id,
      branch: input.branch,
      provinceId: court.provinceId,
      filingId: input.filingId,
      subject: input.subject,
      openedBy: actor.userId,
      openedAt: now,
    },
    parties,
  );
}

export async function acceptToCase(ctx: AppContext, actor: Actor, filingId: number, input: { branch: number }) {
  scopeFilter(actor, 'court.decide');
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const { outboxId, ...accepted } = await ctx.db.transaction(async (tx) => {
    const filing = ensureCourtFiling(actor, 'court.decide', await store.findFiling(tx, filingId, true));
    if (filing.status !== 'submitted')
      throw new AppError('filing_not_awaiting_decision', { extra: { filingStatus: filing.status } });
    const court = await store.findCourt(tx, filing.courtId!);
    if (!court) throw new AppError('not_found');
    if (input.branch > court.branches) throw invalidField('branch', 'invalid_branch');

    const parties = await store.filingPartiesOf(tx, filing.id);
    const kase = await openCase(
      tx,
      actor,
      court,
      { branch: input.branch, filingId: filing.id, subject: filing.subject },
      parties.map((p) => ({
        role: p.role,
        citizenId: p.citizenId,
        legalPersonId: p.legalPersonId,
        name: p.name,
        nationalId: p.nationalId,
      })),
      now,
    );
    const caseNumber = kase.caseNumber;

    const outboxId = await acceptFiling(
      tx,
      actor,
      filing.id,
      { caseNumber, branch: input.branch, caseId: kase.id },
      now,
    );
    await recordAudit(tx, actor, {
      action: 'court.case-open',
      entityType: 'case',
      entityId: kase.id,
      provinceId: court.provinceId,
      data: {
        caseNumber,
        courtId: court.id,
        branch: input.branch,
        filingId: filing.id,
        trackingCode: filing.trackingCode,
        parties: parties.length,
        openedOn: formatJalaliIso(isoToJalali(today)),
      },
    });
    return { caseId: kase.id, caseNumber, branch: input.branch, outboxId };
  });
  if (outboxId != null) await dispatchMessages(ctx, [outboxId]);
  return accepted;
}

export async function returnToOffice(ctx: AppContext, actor: Actor, filingId: number, input: { reasons: string }) {
  scopeFilter(actor, 'court.decide');
  const { outboxId, ...returned } = await ctx.db.transaction(async (tx) => {
    const filing = ensureCourtFiling(actor, 'court.decide', await store.findFiling(tx, filingId, true));
    if (filing.status !== 'submitted')
      throw new AppError('filing_not_awaiting_decision', { extra: { filingStatus: filing.status } });
    const outboxId = await returnFiling(tx, actor, filing.id, { reasons: input.reasons }, ctx.clock.now());
    return { filingId: filing.id, status: 'returned' as const, reasons: input.reasons, outboxId };
  });
  if (outboxId != null) await dispatchMessages(ctx, [outboxId]);
  return returned;
}
