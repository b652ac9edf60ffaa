/**
 * Proposals for new office services: the national association files one (for itself or for a
 * province's association), the regulator acknowledges it, checks it is complete within one limit
 * of working days, may ask for more information (the running clock stops until the answer), and
 * decides within a second limit. An approval adds, in the same transaction, the catalog service
 * (for a new one), its fee as a line of the next draft tariff schedule (the regulator still
 * approves the schedule) and the competency to the active offices of the named provinces, as a
 * pilot when it is one; a pilot's fee prices the service in its provinces and days at once
 * (docs/decisions/0047). Clocks: src/core/proposal-clock.ts.
 */
import type { HolidayCalendar } from '#core/holiday-calendar';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import { pilotReviewDueOn, pilotState, type PilotState } from '#core/pilot-review';
import {
  DEFAULT_PROPOSAL_LIMITS,
  readClock,
  type ClockInput,
  type ClockPause,
  type ClockReading,
} from '#core/proposal-clock';
import { feeProblem } from '#core/tariff-schedule-rules';
import type { Executor } from '#server/db/transaction';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { grantToProvincesInTransaction } from '#server/modules/offices/competencies';
import { courseForApprovedService, courseSummary } from '#server/modules/operators/training/service';
import { addPilotFee } from '#server/modules/tariffs/fees';
import { addLineToNextDraft } from '#server/modules/tariffs/schedules/service';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
import type { DecideInput, SubmitInput } from './schemas';
import * as store from './store';
import { OPEN_PROPOSAL_STATUSES, type ProposalOutcome, type ProposalPhase, type ProposalStatus } from './values';

export interface Limits {
  completenessDays: number;
  decisionDays: number;
  reminderDays: number;
}

// ---- clocks ---------------------------------------------------------------------------------

/** The clock a proposal is on now, or null once decided. */
export function phaseOf(row: store.ProposalRow): ProposalPhase | null {
  if (row.status === 'received') return 'completeness';
  if (row.status === 'in-review') return 'decision';
  return null;
}

function pausesOf(requests: readonly store.InfoRequestRow[], phase: ProposalPhase): ClockPause[] {
  return requests.filter((r) => r.phase === phase).map((r) => ({ from: r.askedOn, to: r.answeredOn }));
}

export interface Clocks {
  completeness: ClockReading & { startedOn: string; stoppedOn: string | null };
  decision: (ClockReading & { startedOn: string; stoppedOn: string | null }) | null;
}

export function clocksOf(
  row: store.ProposalRow,
  requests: readonly store.InfoRequestRow[],
  today: string,
  calendar: HolidayCalendar,
): Clocks {
  const read = (input: ClockInput) => ({
    ...readClock(input, today, row.reminderDays, calendar),
    startedOn: input.startedOn,
    stoppedOn: input.stoppedOn,
  });
  const completeness = read({
    startedOn: row.receivedOn,
    limitDays: row.completenessDays,
    pauses: pausesOf(requests, 'completeness'),
    stoppedOn: row.completeOn,
  });
  const decision = row.completeOn
    ? read({
        startedOn: row.completeOn,
        limitDays: row.decisionDays,
        pauses: pausesOf(requests, 'decision'),
        stoppedOn: row.decidedOn,
      })
    : null;
  return { completeness, decision };
}

/** One calendar that covers every clock of these proposals read today. */
export async function calendarFor(db: Executor, rows: readonly store.ProposalRow[], today: string) {
  const days = [today, ...rows.map((r) => r.receivedOn)].sort();
  const [first, last] = [days[0], days[days.length - 1]];
  const longest = rows.reduce((m, r) => Math.max(m, r.completenessDays, r.decisionDays), 1);
  // Each limit walks at most its working days at six a week, plus the closures of a year.
  return loadHolidayCalendar(db, first, addDaysIso(last, 2 * Math.ceil((longest * 7) / 6) + 120));
}

// ---- views ----------------------------------------------------------------------------------

interface Lookups {
  names: Map<number, string>;
  provinces: Map<number, { fa: string; en: string }>;
  requests: Map<number, store.InfoRequestRow[]>;
  pilotReviews: Map<number, store.PilotReviewRow[]>;
  calendar: HolidayCalendar;
  courses: Map<number, NonNullable<Awaited<ReturnType<typeof courseSummary>>>>;
  today: string;
}

/** The courses the approvals of these proposals created or named, by id. */
async function coursesOf(db: Executor, rows: store.ProposalRow[]) {
  const ids = [...new Set(rows.map((r) => r.courseId).filter((id): id is number => id != null))];
  const found = await Promise.all(ids.map((id) => courseSummary(db, id)));
  return new Map(found.filter((c) => c != null).map((c) => [c.id, c]));
}

async function lookups(db: Executor, rows: store.ProposalRow[], today: string): Promise<Lookups> {
  const requests = await store.infoRequestsOf(
    db,
    rows.map((r) => r.id),
  );
  const byProposal = new Map<number, store.InfoRequestRow[]>();
  for (const r of requests) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
  const reviews = await store.pilotReviewsOf(
    db,
    rows.filter((r) => r.pilot).map((r) => r.id),
  );
  const reviewsBy = new Map<number, store.PilotReviewRow[]>();
  for (const r of reviews) reviewsBy.set(r.proposalId, [...(reviewsBy.get(r.proposalId) ?? []), r]);
  const people = [
    ...rows.flatMap((r) => [r.submittedBy, r.acknowledgedBy, r.decidedBy, r.escalatedTo]),
    ...requests.flatMap((r) => [r.askedBy, r.answeredBy]),
    ...reviews.map((r) => r.decidedBy),
  ].filter((id): id is number => id != null);
  return {
    names: await store.names(db, people),
    provinces: await store.provinceNames(db),
    requests: byProposal,
    pilotReviews: reviewsBy,
    calendar: await calendarFor(db, rows, today),
    courses: await coursesOf(db, rows),
    today,
  };
}

/** Where an approved pilot stands today, given its reviews (null: not an approved pilot). */
export function pilotStateOf(
  row: store.ProposalRow,
  reviews: readonly store.PilotReviewRow[],
  today: string,
): PilotState | null {
  if (!row.pilot || !row.pilotUntil || !row.decidedOn) return null;
  const last = reviews[reviews.length - 1];
  return pilotState(row.pilotUntil, last && last.outcome !== 'extend' ? last.outcome : null, today);
}

function toView(row: store.ProposalRow, l: Lookups) {
  const name = (id: number | null) => (id == null ? null : (l.names.get(id) ?? null));
  const province = (id: number) => ({ id, name: l.provinces.get(id) ?? { fa: String(id), en: String(id) } });
  const requests = l.requests.get(row.id) ?? [];
  const outcome: Record<string, ProposalOutcome> = {
    approved: 'approve',
    'approved-with-changes': 'approve-with-changes',
    rejected: 'reject',
  };
  return {
    id: row.id,
    kind: row.kind,
    service: { code: row.serviceCode, title: { fa: row.titleFa, en: row.titleEn } },
    serviceKind: row.serviceKind,
    channels: row.channels,
    description: row.description,
    legalBasis: row.legalBasis,
    expectedMonthlyVolume: row.expectedMonthlyVolume,
    fee: { amountRials: row.feeRials, onlineAmountRials: row.onlineFeeRials },
    requiredCompetencies: row.requiredCompetencies,
    training: row.training,
    provinces: row.provinceIds.map(province),
    pilotMonths: row.pilotMonths,
    forProvince: row.forProvinceId == null ? null : province(row.forProvinceId),
    status: row.status,
    phase: phaseOf(row),
    submittedBy: name(row.submittedBy),
    submittedAt: row.submittedAt.toISOString(),
    receivedOn: row.receivedOn,
    acknowledged: row.acknowledgedAt ? { by: name(row.acknowledgedBy), at: row.acknowledgedAt.toISOString() } : null,
    clocks: clocksOf(row, requests, l.today, l.calendar),
    infoRequests: requests.map((r) => ({
      id: r.id,
      phase: r.phase,
      question: r.question,
      askedOn: r.askedOn,
      askedBy: name(r.askedBy),
      answer: r.answer,
      answeredOn: r.answeredOn,
      answeredBy: name(r.answeredBy),
    })),
    decision:
      row.decidedOn && outcome[row.status]
        ? {
            outcome: outcome[row.status],
            reasons: row.decisionReasons,
            decidedOn: row.decidedOn,
            by: name(row.decidedBy),
            pilot: row.pilot ?? false,
            pilotUntil: row.pilotUntil,
            provinces: (row.approvedProvinceIds ?? []).map(province),
            feeRials: row.approvedFeeRials,
            tariffScheduleId: row.tariffScheduleId,
            grantedOffices: row.grantedOffices ?? 0,
            course: row.courseId == null ? null : (l.courses.get(row.courseId) ?? null),
          }
        : null,
    escalatedTo: name(row.escalatedTo),
    pilotReview: pilotView(row, l.pilotReviews.get(row.id) ?? [], l.today, name),
  };
}

function pilotView(
  row: store.ProposalRow,
  reviews: store.PilotReviewRow[],
  today: string,
  name: (id: number | null) => string | null,
) {
  const state = pilotStateOf(row, reviews, today);
  if (!state || !row.pilotUntil) return null;
  return {
    state,
    pilotUntil: row.pilotUntil,
    dueOn: pilotReviewDueOn(row.pilotUntil),
    reviews: reviews.map((r) => ({
      outcome: r.outcome,
      reasons: r.reasons,
      decidedOn: r.decidedOn,
      by: name(r.decidedBy),
      pilotUntilBefore: r.pilotUntilBefore,
      extendedUntil: r.extendedUntil,
      offices: r.offices,
      tariffLine: r.tariffLine,
    })),
  };
}

async function views(ctx: AppContext, rows: store.ProposalRow[]) {
  const l = await lookups(ctx.db, rows, tehranIsoDate(ctx.clock.now()));
  return rows.map((r) => toView(r, l));
}

export async function view(ctx: AppContext, id: number) {
  const rows = await store.proposals(ctx.db, { ids: [id] });
  if (rows.length === 0) throw new AppError('not_found');
  return (await views(ctx, rows))[0];
}

// ---- reads ----------------------------------------------------------------------------------

/** Proposals are national: any grant of the permission reads them all. */
function requireReader(actor: Actor) {
  scopeFilter(actor, 'proposals.read');
}

export async function listProposals(
  ctx: AppContext,
  actor: Actor,
  query: { status?: ProposalStatus; open?: boolean; pilotReview?: 'due' },
) {
  requireReader(actor);
  const statuses = query.status ? [query.status] : query.open ? OPEN_PROPOSAL_STATUSES : undefined;
  const items = await views(ctx, await store.proposals(ctx.db, { statuses }));
  if (!query.pilotReview) return { items };
  // Pilots whose end review is due: within their last days, or past them and not yet reviewed.
  return { items: items.filter((p) => p.pilotReview?.state === 'due' || p.pilotReview?.state === 'lapsed') };
}

export async function getProposal(ctx: AppContext, actor: Actor, id: number) {
  requireReader(actor);
  return view(ctx, id);
}

/** Proposals in review, for everyone: what is proposed, since when, and how far along its clock is. */
export async function proposalsInReview(ctx: AppContext) {
  const rows = await store.proposals(ctx.db, { statuses: OPEN_PROPOSAL_STATUSES });
  const l = await lookups(ctx.db, rows, tehranIsoDate(ctx.clock.now()));
  return {
    items: rows.map((row) => {
      const v = toView(row, l);
      const clock = v.clocks.decision ?? v.clocks.completeness;
      return {
        id: v.id,
        kind: v.kind,
        service: v.service,
        provinces: v.provinces,
        receivedOn: v.receivedOn,
        status: v.status,
        phase: v.phase!,
        workingDaysElapsed: v.clocks.completeness.elapsed + (v.clocks.decision?.elapsed ?? 0),
        clock,
      };
    }),
  };
}

// ---- settings -------------------------------------------------------------------------------

async function currentLimits(db: Executor): Promise<Limits> {
  const row = await store.settings(db);
  return row
    ? { completenessDays: row.completenessDays, decisionDays: row.decisionDays, reminderDays: row.reminderDays }
    : { ...DEFAULT_PROPOSAL_LIMITS };
}

export async function getSettings(ctx: AppContext, actor: Actor): Promise<Limits> {
  requireReader(actor);
  return currentLimits(ctx.db);
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: Limits): Promise<Limits> {
  authorize(actor, 'proposals.review', {});
  const errors: FieldError[] = [];
  if (input.reminderDays >= input.completenessDays) errors.push(fieldError('reminderDays', 'too_big'));
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  await ctx.db.transaction(async (tx) => {
    const before = await currentLimits(tx);
    await store.saveSettings(tx, input, actor.userId, ctx.clock.now());
    await recordAudit(tx, actor, {
      action: 'proposals.settings.update',
      entityType: 'service_proposal',
      entityId: 'settings',
      data: { before, after: input },
    });
  });
  return currentLimits(ctx.db);
}

// ---- submit ---------------------------------------------------------------------------------

async function submissionProblems(ctx: AppContext, input: SubmitInput) {
  const errors: FieldError[] = [];
  const service = await store.catalogService(ctx.db, input.serviceCode);
  if (input.kind === 'new-service') {
    if (service) errors.push(fieldError('serviceCode', 'service_code_taken'));
    for (const field of ['titleFa', 'titleEn', 'serviceKind', 'channels'] as const)
      if (input[field] === undefined) errors.push(fieldError(field, 'required'));
  } else if (!service?.active) errors.push(fieldError('serviceCode', 'unknown_service'));
  else if (service.channels === 'online') errors.push(fieldError('serviceCode', 'service_not_at_offices_proposal'));
  const provinceIds = [...new Set(input.provinceIds)];
  if ((await store.existingProvinceIds(ctx.db, provinceIds)).length !== provinceIds.length)
    errors.push(fieldError('provinceIds', 'invalid_value'));
  if (input.forProvinceId != null && (await store.existingProvinceIds(ctx.db, [input.forProvinceId])).length === 0)
    errors.push(fieldError('forProvinceId', 'invalid_value'));
  const fee = feeProblem(input.fee.amountRials, null);
  if (fee) errors.push(fieldError('fee.amountRials', fee));
  if (input.fee.onlineAmountRials != null) {
    const online = feeProblem(input.fee.onlineAmountRials, null);
    if (online) errors.push(fieldError('fee.onlineAmountRials', online));
  }
  return { errors, service };
}

/** The national association files a proposal; its completeness clock starts the day it arrives. */
export async function submitProposal(ctx: AppContext, actor: Actor, input: SubmitInput, key: string | undefined) {
  authorize(actor, 'proposals.submit', {});
  const checked = idempotencyKeyFrom(key, false);
  const { errors, service } = await submissionProblems(ctx, input);
  if (errors.length) throw new AppError('validation_failed', { fields: errors });

  const work = async (tx: Executor) => {
    const now = ctx.clock.now();
    const limits = await currentLimits(tx);
    const id = await store.insertProposal(tx, {
      kind: input.kind,
      serviceCode: input.serviceCode,
      titleFa: service?.titleFa ?? input.titleFa!,
      titleEn: service?.titleEn ?? input.titleEn!,
      serviceKind: service?.kind ?? input.serviceKind!,
      channels: service?.channels ?? input.channels!,
      description: input.description,
      legalBasis: input.legalBasis,
      expectedMonthlyVolume: input.expectedMonthlyVolume,
      feeRials: input.fee.amountRials,
      onlineFeeRials: input.fee.onlineAmountRials ?? null,
      requiredCompetencies: input.requiredCompetencies,
      training: input.training,
      provinceIds: [...new Set(input.provinceIds)],
      pilotMonths: input.pilotMonths ?? null,
      forProvinceId: input.forProvinceId ?? null,
      status: 'received',
      submittedBy: actor.userId,
      submittedAt: now,
      receivedOn: tehranIsoDate(now),
      ...limits,
    });
    await recordAudit(tx, actor, {
      action: 'proposals.submit',
      entityType: 'service_proposal',
      entityId: id,
      provinceId: input.forProvinceId ?? null,
      data: {
        kind: input.kind,
        serviceCode: input.serviceCode,
        feeRials: input.fee.amountRials,
        provinceIds: input.provinceIds,
        limits,
      },
    });
    return id;
  };

  if (!checked) return { replayed: false, body: await view(ctx, await ctx.db.transaction(work)) };
  let created: number | null = null;
  const answer = await runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key: checked, operation: 'proposals.submit', request: input },
    async (tx) => {
      created = await work(tx);
      return { status: 201, body: { id: created } };
    },
  );
  const id = created ?? (answer.body as { id: number }).id;
  return { replayed: answer.replayed, body: await view(ctx, id) };
}

// ---- review ---------------------------------------------------------------------------------

/** The proposal locked for a step of its review; a decided one is not open. */
async function lockedOpen(tx: Executor, id: number) {
  const row = await store.proposalForUpdate(tx, id);
  if (!row) throw new AppError('not_found');
  if (!OPEN_PROPOSAL_STATUSES.includes(row.status as (typeof OPEN_PROPOSAL_STATUSES)[number]))
    throw new AppError('proposal_not_open', { extra: { proposalStatus: row.status } });
  return row;
}

export async function acknowledgeProposal(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'proposals.review', {});
  await ctx.db.transaction(async (tx) => {
    const row = await lockedOpen(tx, id);
    if (row.acknowledgedAt) throw new AppError('proposal_status_conflict', { extra: { proposalStatus: row.status } });
    await store.updateProposal(tx, id, { acknowledgedBy: actor.userId, acknowledgedAt: ctx.clock.now() });
    await recordAudit(tx, actor, {
      action: 'proposals.acknowledge',
      entityType: 'service_proposal',
      entityId: id,
      data: { serviceCode: row.serviceCode },
    });
  });
  return view(ctx, id);
}

export async function requestInfo(ctx: AppContext, actor: Actor, id: number, input: { question: string }) {
  authorize(actor, 'proposals.review', {});
  await ctx.db.transaction(async (tx) => {
    const row = await lockedOpen(tx, id);
    if (await store.openInfoRequest(tx, id)) throw new AppError('proposal_info_request_open');
    const now = ctx.clock.now();
    const phase = phaseOf(row)!;
    await store.insertInfoRequest(tx, {
      proposalId: id,
      phase,
      question: input.question,
      askedBy: actor.userId,
      askedAt: now,
      askedOn: tehranIsoDate(now),
    });
    await recordAudit(tx, actor, {
      action: 'proposals.info-request',
      entityType: 'service_proposal',
      entityId: id,
      data: { phase, question: input.question },
    });
  });
  return view(ctx, id);
}

export async function answerInfo(
  ctx: AppContext,
  actor: Actor,
  id: number,
  requestId: number,
  input: { answer: string },
) {
  authorize(actor, 'proposals.submit', {});
  await ctx.db.transaction(async (tx) => {
    await lockedOpen(tx, id);
    const open = await store.openInfoRequest(tx, id);
    if (!open || open.id !== requestId) throw new AppError('proposal_no_open_info_request');
    const now = ctx.clock.now();
    await store.answerInfoRequest(tx, requestId, {
      answer: input.answer,
      answeredBy: actor.userId,
      answeredAt: now,
      answeredOn: tehranIsoDate(now),
    });
    await recordAudit(tx, actor, {
      action: 'proposals.info-answer',
      entityType: 'service_proposal',
      entityId: id,
      data: { requestId, phase: open.phase },
    });
  });
  return view(ctx, id);
}

/** The regulator finds the proposal complete: the completeness clock stops, the decision clock starts. */
export async function completeProposal(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'proposals.review', {});
  await ctx.db.transaction(async (tx) => {
    const row = await lockedOpen(tx, id);
    if (row.status !== 'received')
      throw new AppError('proposal_status_conflict', { extra: { proposalStatus: row.status } });
    if (await store.openInfoRequest(tx, id)) throw new AppError('proposal_info_request_open');
    const now = ctx.clock.now();
    await store.updateProposal(tx, id, {
      status: 'in-review',
      completeOn: tehranIsoDate(now),
      completeBy: actor.userId,
      // The reviewer is whoever takes the first step, if nobody acknowledged it.
      ...(row.acknowledgedAt ? {} : { acknowledgedBy: actor.userId, acknowledgedAt: now }),
    });
    await recordAudit(tx, actor, {
      action: 'proposals.complete',
      entityType: 'service_proposal',
      entityId: id,
      data: { serviceCode: row.serviceCode, completeOn: tehranIsoDate(now) },
    });
  });
  return view(ctx, id);
}

const STATUS_OF: Record<ProposalOutcome, ProposalStatus> = {
  approve: 'approved',
  'approve-with-changes': 'approved-with-changes',
  reject: 'rejected',
};

function decisionProblems(input: DecideInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.outcome !== 'approve' && !input.reasons) errors.push(fieldError('reasons', 'reasons_required'));
  if (input.outcome === 'reject') return errors;
  if (input.pilot && !(input.pilotUntil && input.pilotUntil.iso > today))
    errors.push(fieldError('pilotUntil', 'pilot_end_required'));
  if (!input.pilot && input.pilotUntil) errors.push(fieldError('pilotUntil', 'invalid_value'));
  if (input.feeRials !== undefined) {
    if (input.outcome !== 'approve-with-changes') errors.push(fieldError('feeRials', 'invalid_value'));
    else {
      const fee = feeProblem(input.feeRials, null);
      if (fee) errors.push(fieldError('feeRials', fee));
    }
  }
  return errors;
}

/**
 * The regulator's decision, within the decision clock: never on a decided proposal, nor on one
 * whose decision limit is not running (not yet found complete, or waiting for an answer).
 */
export async function decideProposal(ctx: AppContext, actor: Actor, id: number, input: DecideInput) {
  authorize(actor, 'proposals.review', {});
  const today = tehranIsoDate(ctx.clock.now());
  const errors = decisionProblems(input, today);
  if (input.provinceIds) {
    const ids = [...new Set(input.provinceIds)];
    if ((await store.existingProvinceIds(ctx.db, ids)).length !== ids.length)
      errors.push(fieldError('provinceIds', 'invalid_value'));
  }
  if (errors.length) throw new AppError('validation_failed', { fields: errors });

  await ctx.db.transaction(async (tx) => {
    const row = await lockedOpen(tx, id);
    if (row.status !== 'in-review' || (await store.openInfoRequest(tx, id)))
      throw new AppError('proposal_no_running_limit', { extra: { proposalStatus: row.status } });
    const now = ctx.clock.now();
    const status = STATUS_OF[input.outcome];
    const approved = input.outcome !== 'reject';
    const provinceIds = approved ? [...new Set(input.provinceIds ?? row.provinceIds)] : null;
    const feeRials = approved ? (input.feeRials ?? row.feeRials) : null;
    let scheduleId: number | null = null;
    let grantedOffices = 0;
    let courseId: number | null = null;
    let courseCreated = false;
    if (approved) {
      if (row.kind === 'new-service') {
        if (await store.catalogService(tx, row.serviceCode)) throw invalidField('serviceCode', 'service_code_taken');
        await store.insertCatalogService(tx, {
          code: row.serviceCode,
          titleFa: row.titleFa,
          titleEn: row.titleEn,
          kind: row.serviceKind,
          channels: row.channels,
          inputs: [],
          active: true,
        });
      } else if (!(await store.catalogService(tx, row.serviceCode))?.active)
        throw invalidField('serviceCode', 'unknown_service');
      // The training the proposal names becomes the course operators take for the service (one
      // already covering it is reused); an online-only service is not done by operators.
      if (row.training.trim() !== '' && row.channels !== 'online') {
        const course = await courseForApprovedService(tx, actor, {
          code: `proposal-${id}`,
          serviceCode: row.serviceCode,
          titleFa: row.titleFa,
          titleEn: row.titleEn,
          description: row.training,
        });
        courseId = course.id;
        courseCreated = course.created;
      }
      const onlineFee = input.feeRials !== undefined ? null : row.onlineFeeRials;
      scheduleId = (
        await addLineToNextDraft(
          tx,
          actor,
          { code: row.serviceCode, amountRials: feeRials!, onlineAmountRials: onlineFee },
          {
            draftedBy: row.submittedBy,
            now,
            codeHint: `proposal-${id}`,
            note: `پیشنهاد خدمت شمارهٔ ${id}: ${row.titleFa}`,
          },
        )
      ).scheduleId;
      // A pilot is priced by its approved fee in its provinces and days until a schedule carries the service.
      if (input.pilot)
        await addPilotFee(
          tx,
          actor,
          {
            serviceCode: row.serviceCode,
            titleFa: row.titleFa,
            titleEn: row.titleEn,
            amountRials: feeRials!,
            onlineAmountRials: onlineFee,
            provinceIds: provinceIds!,
            validFrom: today,
            validUntil: input.pilotUntil!.iso,
            source: `پیشنهاد خدمت شمارهٔ ${id}`,
          },
          now,
        );
      if (row.channels !== 'online') {
        const grants = await grantToProvincesInTransaction(
          tx,
          actor,
          {
            serviceCode: row.serviceCode,
            validFrom: today,
            validUntil: input.pilot ? input.pilotUntil!.iso : null,
            pilot: input.pilot,
            reason: `پیشنهاد خدمت شمارهٔ ${id}`,
          },
          provinceIds!,
          now,
        );
        grantedOffices = grants.granted;
      }
    }
    await store.updateProposal(tx, id, {
      status,
      decidedOn: today,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionReasons: input.reasons || null,
      pilot: approved ? input.pilot : null,
      pilotUntil: approved && input.pilot ? input.pilotUntil!.iso : null,
      approvedProvinceIds: provinceIds,
      approvedFeeRials: feeRials,
      tariffScheduleId: scheduleId,
      grantedOffices: approved ? grantedOffices : null,
      courseId,
    });
    await recordAudit(tx, actor, {
      action: 'proposals.decide',
      entityType: 'service_proposal',
      entityId: id,
      data: {
        outcome: input.outcome,
        reasons: input.reasons ?? null,
        serviceCode: row.serviceCode,
        pilot: approved ? input.pilot : null,
        pilotUntil: input.pilotUntil?.iso ?? null,
        provinceIds,
        feeRials,
        tariffScheduleId: scheduleId,
        grantedOffices,
        courseId,
        courseCreated,
      },
    });
  });
  return view(ctx, id);
}
