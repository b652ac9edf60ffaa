/**
 * The review at the end of a pilot (docs/decisions/0057): a proposal approved as a pilot comes
 * back to the regulator when its last days come, with its figures — the services its offices
 * performed and the fees charged, the citizens' survey answers — and the regulator adopts the
 * service nationally, extends the pilot, or ends it, with reasons. The service's availability
 * follows in the same transaction:
 *
 * - adopt: every active office of every province holds the service with no last day and no pilot
 *   mark; the approved fee prices it everywhere until a schedule carries it (the draft line added
 *   at the approval waits for the regulator's approval of its schedule), at most to the end of
 *   the next Jalali year;
 * - extend: the pilot's offices keep it until the new last day, and a new pilot fee prices it in
 *   the pilot's provinces until then;
 * - end: the pilot's competencies are withdrawn, a new service that exists only for this pilot
 *   leaves the catalog's active list, and the line the approval drafted is taken back from its
 *   schedule while that is still a draft (an extension's line returns to the fee in force); an
 *   approved schedule keeps it (docs/decisions/0066).
 */
import { addDaysIso, isoToJalali, jalaliToIso, tehranIsoDate } from '#core/jalali';
import { pilotReviewProblems, pilotState } from '#core/pilot-review';
import type { Executor } from '#server/db/transaction';
import { renewGrantsInTransaction, withdrawPilotGrantsInTransaction } from '#server/modules/offices/competencies';
import { addPilotFee } from '#server/modules/tariffs/fees';
import { type DraftedLineOutcome, withdrawDraftedLine } from '#server/modules/tariffs/schedules/service';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import type { PilotReviewBody } from './schemas';
import { pilotStateOf, view } from './service';
import * as store from './store';

/** An approved pilot: its first day, the provinces it runs in, its fee. */
function pilotOf(row: store.ProposalRow) {
  if (!row.pilot || !row.pilotUntil || !row.decidedOn || !row.decidedAt) return null;
  return {
    from: row.decidedOn,
    since: row.decidedAt,
    until: row.pilotUntil,
    provinceIds: row.approvedProvinceIds ?? row.provinceIds,
    feeRials: row.approvedFeeRials ?? row.feeRials,
    // An approval that changed the fee set no separate online fee (service.ts, decideProposal).
    onlineFeeRials: row.approvedFeeRials != null && row.approvedFeeRials !== row.feeRials ? null : row.onlineFeeRials,
  };
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The pilot's figures read today: services, offices, fees per province, and the citizens' survey answers. */
async function figuresOf(db: Executor, row: store.ProposalRow, reviews: store.PilotReviewRow[], today: string) {
  const pilot = pilotOf(row)!;
  const names = await store.provinceNames(db);
  const byProvince = (await store.pilotServices(db, row.serviceCode, pilot.provinceIds, pilot.since)).map((r) => ({
    provinceId: r.provinceId,
    services: Number(r.services),
    offices: Number(r.offices),
    feesRials: Number(r.feesRials),
  }));
  const surveys = await store.pilotSurveys(db, row.serviceCode, pilot.provinceIds, pilot.since);
  const lastDay = today < pilot.until ? today : pilot.until;
  const days = Math.max(
    0,
    Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${pilot.from}T00:00:00Z`)) / 86_400_000) + 1,
  );
  return {
    from: pilot.from,
    until: pilot.until,
    state: pilotStateOf(row, reviews, today)!,
    services: byProvince.reduce((s, p) => s + p.services, 0),
    offices: byProvince.reduce((s, p) => s + p.offices, 0),
    feesRials: byProvince.reduce((s, p) => s + p.feesRials, 0),
    expectedServices: Math.round((row.expectedMonthlyVolume * days) / 30),
    grantedOffices: row.grantedOffices ?? 0,
    byProvince: byProvince.map(({ provinceId, ...p }) => ({
      province: { id: provinceId, name: names.get(provinceId) ?? { fa: String(provinceId), en: String(provinceId) } },
      ...p,
    })),
    surveys: {
      answered: surveys.answered,
      averageSatisfaction: surveys.answered ? round(surveys.satisfactionSum / surveys.answered, 2) : null,
      wouldReturnShare: surveys.answered ? round(surveys.wouldReturn / surveys.answered, 3) : null,
    },
  };
}

/** The proposal, which must be an approved pilot. */
async function approvedPilot(db: Executor, id: number, lock: boolean) {
  const row = lock ? await store.proposalForUpdate(db, id) : ((await store.proposals(db, { ids: [id] }))[0] ?? null);
  if (!row) throw new AppError('not_found');
  if (!pilotOf(row)) throw new AppError('proposal_not_a_pilot', { extra: { proposalStatus: row.status } });
  return row;
}

export async function pilotFigures(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'proposals.read');
  const row = await approvedPilot(ctx.db, id, false);
  const reviews = await store.pilotReviewsOf(ctx.db, [id]);
  return figuresOf(ctx.db, row, reviews, tehranIsoDate(ctx.clock.now()));
}

/** The last day of the Jalali year after the one `today` falls in. */
function endOfNextJalaliYear(today: string) {
  return addDaysIso(jalaliToIso({ jy: isoToJalali(today).jy + 2, jm: 1, jd: 1 }), -1);
}

export async function reviewPilot(ctx: AppContext, actor: Actor, id: number, input: PilotReviewBody) {
  authorize(actor, 'proposals.review', {});
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  await ctx.db.transaction(async (tx) => {
    const row = await approvedPilot(tx, id, true);
    const pilot = pilotOf(row)!;
    const reviews = await store.pilotReviewsOf(tx, [id]);
    const last = reviews[reviews.length - 1];
    if (last && last.outcome !== 'extend')
      throw new AppError('pilot_already_concluded', { extra: { outcome: last.outcome } });
    const problems = pilotReviewProblems(
      { outcome: input.outcome, reasons: input.reasons, until: input.until?.iso ?? null },
      pilot.until,
      today,
    );
    const fields = Object.entries(problems).map(([field, code]) => fieldError(field, code!));
    if (fields.length) throw new AppError('validation_failed', { fields });

    const figures = await figuresOf(tx, row, reviews, today);
    const reason = `پیشنهاد خدمت شمارهٔ ${id}: ${input.reasons}`;
    const atOffices = row.channels !== 'online';
    let offices = 0;
    let extendedUntil: string | null = null;
    let tariffLine: DraftedLineOutcome | null = null;
    if (input.outcome === 'adopt') {
      const everywhere = await store.allProvinceIds(tx);
      if (atOffices)
        offices = await renewGrantsInTransaction(
          tx,
          actor,
          { serviceCode: row.serviceCode, validFrom: today, validUntil: null, pilot: false, reason },
          everywhere,
          now,
        );
      await addPilotFee(
        tx,
        actor,
        {
          serviceCode: row.serviceCode,
          titleFa: row.titleFa,
          titleEn: row.titleEn,
          amountRials: pilot.feeRials,
          onlineAmountRials: pilot.onlineFeeRials,
          provinceIds: everywhere,
          validFrom: today,
          validUntil: endOfNextJalaliYear(today),
          source: `پذیرش سراسری پیشنهاد خدمت شمارهٔ ${id}`,
        },
        now,
      );
    } else if (input.outcome === 'extend') {
      extendedUntil = input.until!.iso;
      if (atOffices)
        offices = await renewGrantsInTransaction(
          tx,
          actor,
          { serviceCode: row.serviceCode, validFrom: today, validUntil: extendedUntil, pilot: true, reason },
          pilot.provinceIds,
          now,
        );
      await addPilotFee(
        tx,
        actor,
        {
          serviceCode: row.serviceCode,
          titleFa: row.titleFa,
          titleEn: row.titleEn,
          amountRials: pilot.feeRials,
          onlineAmountRials: pilot.onlineFeeRials,
          provinceIds: pilot.provinceIds,
          validFrom: today,
          validUntil: extendedUntil,
          source: `تمدید آزمایش پیشنهاد خدمت شمارهٔ ${id}`,
        },
        now,
      );
      await store.updateProposal(tx, id, { pilotUntil: extendedUntil });
    } else {
      if (atOffices)
        offices = await withdrawPilotGrantsInTransaction(tx, actor, row.serviceCode, pilot.provinceIds, reason, now);
      if (row.kind === 'new-service') await store.deactivateCatalogService(tx, row.serviceCode);
      tariffLine =
        row.tariffScheduleId == null
          ? 'absent'
          : await withdrawDraftedLine(tx, actor, row.tariffScheduleId, row.serviceCode, {
              now,
              note: `پایان آزمایش پیشنهاد خدمت شمارهٔ ${id}: ${input.reasons}`,
            });
    }
    await store.insertPilotReview(tx, {
      proposalId: id,
      outcome: input.outcome,
      reasons: input.reasons,
      pilotUntilBefore: pilot.until,
      extendedUntil,
      figures,
      offices,
      tariffLine,
      decidedBy: actor.userId,
      decidedAt: now,
      decidedOn: today,
    });
    await recordAudit(tx, actor, {
      action: 'proposals.pilot-review',
      entityType: 'service_proposal',
      entityId: id,
      data: {
        outcome: input.outcome,
        reasons: input.reasons,
        serviceCode: row.serviceCode,
        pilotUntil: pilot.until,
        extendedUntil,
        state: pilotState(pilot.until, null, today),
        offices,
        tariffLine,
        figures: {
          services: figures.services,
          feesRials: figures.feesRials,
          surveys: figures.surveys,
        },
      },
    });
  });
  return view(ctx, id);
}
