/**
 * Arbitration cases from the agreement to the start of the term: the agreement and its parties'
 * consent by one-time code (Art. 454), the arbitrators named and their answers, and the term that
 * starts when every arbitrator has been notified (Art. 468). Who sees a case: its parties, its
 * arbitrators, and the staff of its seat office; anyone else is answered as if it did not exist.
 */
import { createHash } from 'node:crypto';
import { maskMobile } from '#core/identifiers';
import { capacityProblem, subjectExcluded } from '#core/arbitration/admissibility';
import { annulmentInTime, enforcementOpen } from '#core/arbitration/after-award';
import { awardWindows, countTerm, latestDelivery, termDays, type AwardWindows } from '#core/arbitration/clocks';
import { awardSignedBy, nextState, type ArbitrationState, type ArbitrationStep } from '#core/arbitration/lifecycle';
import { countWindow, daysLeft } from '#core/deadlines';
import { formatJalali, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import type { Tx } from '#server/db/transaction';
import { checkCode, sendCode, spendCode } from '#server/modules/identity/mobile-codes';
import { openCase } from '#server/modules/court/decisions';
import { attachmentLimits } from '#server/modules/filings/service';
import { inspectFile } from '#server/platform/storage/file-inspection';
import type { FileStorage } from '#server/platform/storage/storage';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { issueOnCase } from '#server/modules/notices/service';
import type { Actor } from '#server/platform/auth/actor';
import { PERMISSIONS, type Action } from '#server/platform/auth/permissions';
import { authorize, can, holds } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AuditAction } from '#server/platform/audit/actions';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { startPaymentIn } from '#server/modules/payments/service';
import type { AnnulmentInput, AppointInput, AwardInput, HearingInput, MinutesInput, StartInput } from './schemas';
import { feeView, fixFeeAtTermStart } from './fees';
import * as store from './store';
import { DOCUMENT_KINDS } from './values';

const consentPurpose = (caseId: number) => `arbitration-consent:${caseId}`;
const invalidCode = () => new AppError('invalid_code');
const day = (iso: string) => ({ iso, jalali: formatJalaliIso(isoToJalali(iso)) });

interface CaseAccess {
  party: store.PartyRow | null;
  arbitrator: store.ArbitratorRow | null;
  office: boolean;
  /** The court desk of the court the award was lodged with (Art. 485). */
  court: boolean;
}

/** May the actor act as an arbitrator for this action at all (the role, wherever it is held)? */
function actsAsArbitrator(actor: Actor, action: Action): boolean {
  return (
    (PERMISSIONS[action] as readonly string[]).includes('arbitrator') &&
    actor.grants.some((g) => g.role === 'arbitrator')
  );
}

function accessOf(
  actor: Actor,
  action: Action,
  kase: store.CaseRow,
  parties: store.PartyRow[],
  arbitrators: store.ArbitratorRow[],
): CaseAccess {
  const party =
    actor.citizenId != null && can(actor, action, { citizenId: actor.citizenId })
      ? (parties.find((p) => p.citizenId === actor.citizenId) ?? null)
      : null;
  const arbitrator = actsAsArbitrator(actor, action)
    ? (arbitrators.find((a) => a.userId === actor.userId && a.status !== 'declined') ?? null)
    : null;
  // Staff grants are office-scoped: only the seat office's staff are covered.
  const office = can(actor, action, { officeId: kase.seatOfficeId });
  const court =
    kase.courtId != null &&
    actor.grants.some((g) => g.role === 'court_clerk') &&
    can(actor, action, { courtId: kase.courtId, provinceId: kase.provinceId });
  return { party, arbitrator, office, court };
}

interface Loaded {
  kase: store.CaseRow;
  parties: store.PartyRow[];
  arbitrators: store.ArbitratorRow[];
  access: CaseAccess;
}

/** The case as the actor may see it for `action`: 403 without the role, 404 when it is not theirs (or does not exist). */
async function loadCase(ctx: AppContext, actor: Actor, action: Action, id: number, tx?: Tx): Promise<Loaded> {
  if (!holds(actor, action)) throw new AppError('forbidden');
  const db = tx ?? ctx.db;
  const kase = await store.findCase(db, id, Boolean(tx));
  if (!kase) throw new AppError('not_found');
  const [parties, arbitrators] = await Promise.all([store.partiesOf(db, id), store.arbitratorsOf(db, id)]);
  const access = accessOf(actor, action, kase, parties, arbitrators);
  if (!access.party && !access.arbitrator && !access.office && !access.court) throw new AppError('not_found');
  return { kase, parties, arbitrators, access };
}

/** Takes a lifecycle step or refuses it with the case's state. */
function stepFrom(kase: store.CaseRow, step: ArbitrationStep): ArbitrationState {
  const next = nextState(kase.state, step);
  if (!next) throw new AppError('arbitration_state_conflict', { extra: { state: kase.state, step } });
  return next;
}

/** One dated step on the case's timeline and in the audit chain, in the caller's transaction. */
async function record(
  tx: Tx,
  actor: Actor,
  kase: store.CaseRow,
  event: {
    action: AuditAction;
    kind: string;
    at: Date;
    step?: ArbitrationStep;
    toState?: ArbitrationState;
    data?: Record<string, unknown>;
  },
) {
  const data = event.data ?? {};
  await store.insertEvent(tx, {
    caseId: kase.id,
    kind: event.kind,
    step: event.step ?? null,
    fromState: event.toState ? kase.state : null,
    toState: event.toState ?? null,
    actorId: actor.userId,
    at: event.at,
    data,
  });
  await recordAudit(tx, actor, {
    action: event.action,
    entityType: 'arbitration_case',
    entityId: kase.id,
    provinceId: kase.provinceId,
    officeId: kase.seatOfficeId,
    data: { ...data, ...(event.toState ? { from: kase.state, to: event.toState } : {}) },
  });
}

/** Arts. 488, 490: the windows after the award run twenty days from its notice. */
const AFTER_AWARD_DAYS = 20;

/**
 * The award's e-notice as each party received it, and the windows that run from the last
 * delivery (none until every party has opened it).
 */
async function afterAward(
  db: Tx | AppContext['db'],
  kase: store.CaseRow,
  parties: store.PartyRow[],
): Promise<{ deliveries: { partyId: number; deliveredAt: string | null }[]; windows: AwardWindows | null }> {
  if (kase.noticeId == null) return { deliveries: [], windows: null };
  const rows = await store.deliveriesOf(db, kase.noticeId);
  const deliveries = parties.map((p) => {
    const at = rows.find((r) => r.citizenId === p.citizenId)?.deliveredAt ?? null;
    return { partyId: p.id, at };
  });
  const last = latestDelivery(deliveries.map((d) => (d.at ? tehranIsoDate(d.at) : null)));
  let windows: AwardWindows | null = null;
  if (last) {
    const span = countWindow(last, AFTER_AWARD_DAYS);
    windows = awardWindows(last, await loadHolidayCalendar(db, span.fromIso, span.toIso));
  }
  return {
    deliveries: deliveries.map((d) => ({ partyId: d.partyId, deliveredAt: d.at?.toISOString() ?? null })),
    windows,
  };
}

async function view(ctx: AppContext, loaded: Loaded) {
  const { kase, parties, arbitrators, access } = loaded;
  const [office, events, hearings, documents, court, after, fee] = await Promise.all([
    store.findOffice(ctx.db, kase.seatOfficeId),
    store.eventsOf(ctx.db, kase.id),
    store.hearingsOf(ctx.db, kase.id),
    store.documentsOf(ctx.db, kase.id),
    kase.courtId != null ? store.findCourt(ctx.db, kase.courtId) : null,
    afterAward(ctx.db, kase, parties),
    feeView(ctx.db, kase, parties, access.party?.id ?? null),
  ]);
  const today = tehranIsoDate(ctx.clock.now());
  const windows = after.windows;
  const windowClocks = windows
    ? [
        { kind: 'comply' as const, last: windows.complyLastDay },
        { kind: 'annulment' as const, last: windows.annulmentLastDay },
      ].map((w) => ({
        kind: w.kind,
        startsOn: day(windows.deliveredOn),
        lastDay: day(w.last),
        days: AFTER_AWARD_DAYS,
        daysLeft: daysLeft(today, w.last),
      }))
    : [];
  const clocks =
    kase.termStartedOn && kase.termLastDay
      ? [
          {
            kind: 'term' as const,
            startsOn: day(kase.termStartedOn),
            lastDay: day(kase.termLastDay),
            days:
              termDays(kase.termAmount && kase.termUnit ? { amount: kase.termAmount, unit: kase.termUnit } : null) +
              kase.extensionDays,
            daysLeft: daysLeft(today, kase.termLastDay),
          },
        ]
      : [];
  const accepted = arbitrators.filter((a) => a.status === 'accepted');
  return {
    id: kase.id,
    state: kase.state,
    subjectKind: kase.subjectKind,
    subject: kase.subject,
    seatOffice: {
      id: kase.seatOfficeId,
      code: office?.code ?? '',
      name: { fa: office?.nameFa ?? '', en: office?.nameEn ?? '' },
    },
    createdAt: kase.createdAt.toISOString(),
    termLastDay: kase.termLastDay ? day(kase.termLastDay) : null,
    agreementKind: kase.agreementKind,
    arbitratorCount: kase.arbitratorCount,
    selection: kase.selection,
    term: kase.termAmount && kase.termUnit ? { amount: kase.termAmount, unit: kase.termUnit } : null,
    awardNotice: kase.awardNotice,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      maskedMobile: maskMobile(p.mobile),
      consented: p.consentedAt !== null,
      consentedAt: p.consentedAt?.toISOString() ?? null,
    })),
    arbitrators: arbitrators.map((a) => ({
      id: a.id,
      name: a.name,
      registered: a.userId !== null,
      status: a.status,
      notifiedOn: a.notifiedOn ? day(a.notifiedOn) : null,
      signature: a.signature,
      dissent: a.dissent,
    })),
    clocks: [...clocks, ...windowClocks],
    hearings: hearings.map((h) => ({
      id: h.id,
      startsAt: h.startsAt.toISOString(),
      place: h.place,
      note: h.note,
      minutes:
        h.minutes !== null && h.minutesAt !== null
          ? {
              text: h.minutes,
              presentPartyIds: h.minutesPresent ?? [],
              recordedBy: arbitrators.find((a) => a.userId !== null && a.userId === h.minutesBy)?.name ?? '',
              recordedAt: h.minutesAt.toISOString(),
            }
          : null,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      partyId: d.partyId,
      kind: d.kind,
      title: d.title,
      fileName: d.fileName,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      pages: d.pages,
      sha256: d.sha256,
      uploadedAt: d.createdAt.toISOString(),
    })),
    award:
      kase.awardReasons && kase.awardDecision && kase.awardWinnerPartyId
        ? {
            reasons: kase.awardReasons,
            decision: kase.awardDecision,
            winnerPartyId: kase.awardWinnerPartyId,
            date: kase.awardDate ? day(kase.awardDate) : null,
            signatures: awardSignedBy(
              kase.arbitratorCount,
              accepted.filter((a) => a.signature === 'signed').length,
              accepted.filter((a) => a.signature === 'refused').length,
            ),
            court:
              court && kase.courtCaseId
                ? { id: court.id, name: { fa: court.nameFa, en: court.nameEn }, caseId: kase.courtCaseId }
                : null,
            noticeId: kase.noticeId,
            deliveries: after.deliveries,
            annulment:
              kase.annulmentPartyId && kase.annulmentGrounds
                ? { partyId: kase.annulmentPartyId, grounds: kase.annulmentGrounds }
                : null,
            enforcementPartyId: kase.enforcementPartyId,
          }
        : null,
    fee,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      step: e.step,
      toState: e.toState,
      at: e.at.toISOString(),
      data: e.data,
    })),
    viewer: {
      partyId: access.party?.id ?? null,
      arbitratorId: access.arbitrator?.id ?? null,
      office: access.office,
      court: access.court,
    },
  };
}

async function reload(ctx: AppContext, actor: Actor, action: Action, id: number) {
  return view(ctx, await loadCase(ctx, actor, action, id));
}

// ---- The agreement and its consent ----

const CAPACITY_ERROR = {
  minor: 'arbitration_party_minor',
  capacity_unattested: 'arbitration_capacity_unattested',
} as const;

export async function startArbitration(
  ctx: AppContext,
  actor: Actor,
  input: StartInput,
  keyHeader?: string | string[],
) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'arbitration.start', { citizenId: actor.citizenId });
  const key = idempotencyKeyFrom(keyHeader, false);
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  // Art. 496: some subjects no agreement may send to arbitration.
  if (subjectExcluded(input.subjectKind))
    throw new AppError('arbitration_subject_excluded', { fields: [fieldError('subjectKind', 'invalid_value')] });
  const office = await store.findOffice(ctx.db, input.seatOfficeId);
  if (!office) throw invalidField('seatOfficeId', 'invalid_value');
  if (office.status !== 'active')
    throw new AppError('office_status_conflict', { extra: { officeStatus: office.status } });

  const claimant = await store.citizenById(ctx.db, actor.citizenId);
  if (!claimant) throw new AppError('forbidden');
  const respondents = [];
  const errors: FieldError[] = [];
  const seen = new Set([claimant.nationalId]);
  for (const [i, r] of input.respondents.entries()) {
    if (seen.has(r.nationalId)) errors.push(fieldError(`respondents.${i}.nationalId`, 'invalid_value'));
    seen.add(r.nationalId);
    const citizen = await store.citizenByNationalId(ctx.db, r.nationalId);
    // The code goes to the party's own registered mobile: a mobile that is not theirs names nobody.
    if (!citizen || citizen.mobile !== r.mobile)
      throw new AppError('arbitration_party_unknown', { fields: [fieldError(`respondents.${i}`, 'invalid_value')] });
    respondents.push(citizen);
  }
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  // Art. 454: every party must have capacity to sue.
  for (const [field, c] of [
    ['claimant', claimant] as const,
    ...respondents.map((c, i) => [`respondents.${i}`, c] as const),
  ]) {
    const problem = capacityProblem({ birthDate: c.birthDate, capacityAttested: false }, today);
    if (problem) throw new AppError(CAPACITY_ERROR[problem], { fields: [fieldError(field, 'invalid_value')] });
  }

  const parties = [
    { role: 'claimant' as const, citizen: claimant },
    ...respondents.map((citizen) => ({ role: 'respondent' as const, citizen })),
  ];
  const write = async (tx: Tx) => {
    const row = await store.insertCase(tx, {
      state: 'drafted',
      agreementKind: input.agreementKind,
      subjectKind: input.subjectKind,
      subject: input.subject,
      arbitratorCount: input.arbitratorCount,
      selection: input.selection,
      termAmount: input.term?.amount ?? null,
      termUnit: input.term?.unit ?? null,
      seatOfficeId: office.id,
      provinceId: office.provinceId,
      awardNotice: input.awardNotice,
      createdBy: actor.userId,
      createdAt: now,
      feeBasis: input.fee?.basis ?? null,
      feeClaimRials: input.fee?.basis === 'scale' ? input.fee.claimRials : null,
      feeAgreedPerArbitratorRials: input.fee?.basis === 'agreed' ? input.fee.perArbitratorRials : null,
      feePayers: input.fee?.payers ?? 'equal',
    });
    await store.insertParties(
      tx,
      parties.map((p) => ({
        caseId: row.id,
        role: p.role,
        citizenId: p.citizen.id,
        nationalId: p.citizen.nationalId,
        name: `${p.citizen.firstName} ${p.citizen.lastName}`,
        mobile: p.citizen.mobile,
      })),
    );
    await record(tx, actor, row, {
      action: 'arbitration.agreement',
      kind: 'agreement',
      at: now,
      data: {
        agreementKind: input.agreementKind,
        subjectKind: input.subjectKind,
        arbitratorCount: input.arbitratorCount,
        term: input.term,
        parties: parties.length,
        ...(input.fee ? { fee: input.fee } : {}),
      },
    });
    return row;
  };
  if (!key) {
    const kase = await ctx.db.transaction(write);
    for (const p of parties) await sendConsentCode(ctx, kase, p.citizen.mobile, p.citizen.provinceId);
    return reload(ctx, actor, 'arbitration.read', kase.id);
  }
  // A retried start with the same key answers with the case the first one made, and sends no new codes.
  let made: store.CaseRow | null = null;
  const answer = await runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key, operation: 'arbitration.start', request: input },
    async (tx) => {
      made = await write(tx);
      return { status: 201, body: { id: made.id } };
    },
  );
  const kase = made as store.CaseRow | null;
  if (!answer.replayed && kase)
    for (const p of parties) await sendConsentCode(ctx, kase, p.citizen.mobile, p.citizen.provinceId);
  return reload(ctx, actor, 'arbitration.read', (answer.body as { id: number }).id);
}

function sendConsentCode(ctx: AppContext, kase: store.CaseRow, mobile: string, provinceId: number) {
  return sendCode(ctx, {
    mobile,
    purpose: consentPurpose(kase.id),
    template: 'otp.arbitration-consent',
    provinceId,
    text: (code) =>
      `دفتر: برای رضایت به موافقت‌نامهٔ داوری شمارهٔ ${kase.id} («${kase.subject.slice(0, 40)}») کد ${code} را در سامانه وارد کنید. اگر از این داوری خبر ندارید، کد را به کسی ندهید.`,
  });
}

export async function resendConsentCode(ctx: AppContext, actor: Actor, id: number) {
  const { kase, access } = await loadCase(ctx, actor, 'arbitration.consent', id);
  if (!access.party) throw new AppError('not_found');
  if (kase.state !== 'drafted' || access.party.consentedAt)
    throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
  const citizen = await store.citizenById(ctx.db, access.party.citizenId);
  return sendConsentCode(ctx, kase, access.party.mobile, citizen?.provinceId ?? kase.provinceId);
}

export async function consent(ctx: AppContext, actor: Actor, id: number, code: string) {
  const { kase, access } = await loadCase(ctx, actor, 'arbitration.consent', id);
  const party = access.party;
  if (!party) throw new AppError('not_found');
  if (kase.state !== 'drafted' || party.consentedAt)
    throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
  const now = ctx.clock.now();
  const challengeId = await checkCode(
    ctx.db,
    { mobile: party.mobile, purpose: consentPurpose(id), code },
    invalidCode,
    now,
  );
  await ctx.db.transaction(async (tx) => {
    const locked = await loadCase(ctx, actor, 'arbitration.consent', id, tx);
    if (locked.kase.state !== 'drafted')
      throw new AppError('arbitration_state_conflict', { extra: { state: locked.kase.state } });
    await spendCode(tx, challengeId, invalidCode, now);
    if (!(await store.markConsented(tx, party.id, now)))
      throw new AppError('arbitration_state_conflict', { extra: { state: locked.kase.state } });
    await record(tx, actor, locked.kase, {
      action: 'arbitration.consent',
      kind: 'consent',
      at: now,
      data: { partyId: party.id },
    });
    const everyone = locked.parties.every((p) => p.id === party.id || p.consentedAt !== null);
    if (everyone) {
      const to = stepFrom(locked.kase, 'consent_all');
      await store.updateCase(tx, id, { state: to });
      await record(tx, actor, locked.kase, {
        action: 'arbitration.consent',
        kind: 'agreement-made',
        at: now,
        step: 'consent_all',
        toState: to,
      });
    }
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

// ---- Arbitrators ----

export async function arbitratorRegistry(ctx: AppContext, actor: Actor) {
  if (!holds(actor, 'arbitration.appoint')) throw new AppError('forbidden');
  const rows = await store.registry(ctx.db);
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      name: `${r.firstName} ${r.lastName}`,
      province: r.provinceFa && r.provinceEn ? { fa: r.provinceFa, en: r.provinceEn } : null,
    })),
  };
}

export async function appoint(ctx: AppContext, actor: Actor, id: number, input: AppointInput) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { kase, parties, arbitrators, access } = await loadCase(ctx, actor, 'arbitration.appoint', id, tx);
    // The agreement says who names them: the parties, or the seat office from its panel.
    const mayName = kase.selection === 'parties' ? access.party !== null : access.office;
    if (!mayName) throw new AppError('forbidden');
    const to = stepFrom(kase, 'appoint');
    const standing = arbitrators.filter((a) => a.status !== 'declined');
    if (standing.length + input.arbitrators.length !== kase.arbitratorCount)
      throw invalidField('arbitrators', 'invalid_quantity');
    const taken = new Set([...standing.map((a) => a.nationalId), ...parties.map((p) => p.nationalId)]);
    const rows = [];
    for (const [i, a] of input.arbitrators.entries()) {
      let named: { userId: number | null; nationalId: string; name: string };
      if ('userId' in a) {
        const reg = await store.registeredArbitrator(tx, a.userId);
        if (!reg?.nationalId) throw invalidField(`arbitrators.${i}.userId`, 'invalid_value');
        named = { userId: reg.userId, nationalId: reg.nationalId, name: `${reg.firstName} ${reg.lastName}` };
      } else named = { userId: null, nationalId: a.nationalId, name: a.name };
      // No one twice, and no party as their own judge.
      if (taken.has(named.nationalId)) throw invalidField(`arbitrators.${i}`, 'invalid_value');
      taken.add(named.nationalId);
      rows.push({ ...named, caseId: id, status: 'named' as const, namedBy: actor.userId, namedAt: now });
    }
    const inserted = await store.insertArbitrators(tx, rows);
    if (to !== kase.state) await store.updateCase(tx, id, { state: to });
    await record(tx, actor, kase, {
      action: 'arbitration.appoint',
      kind: 'appoint',
      at: now,
      step: 'appoint',
      toState: to,
      data: { arbitrators: inserted.map((a) => ({ id: a.id, name: a.name, registered: a.userId !== null })) },
    });
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

export async function answer(ctx: AppContext, actor: Actor, id: number, arbitratorId: number, accept: boolean) {
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const answeredAs = await ctx.db.transaction(async (tx) => {
    const { kase, parties, arbitrators, access } = await loadCase(ctx, actor, 'arbitration.answer', id, tx);
    const target = arbitrators.find((a) => a.id === arbitratorId);
    if (!target) throw new AppError('not_found');
    // A registered arbitrator answers for themself; the seat office records the written answer of one outside the registry.
    const mayAnswer = target.userId !== null ? access.arbitrator?.id === target.id : access.office;
    if (!mayAnswer) throw new AppError('forbidden');
    if (kase.state !== 'arbitrators_appointed' || target.status !== 'named')
      throw new AppError('arbitration_state_conflict', { extra: { state: kase.state, arbitrator: target.status } });
    await store.answerArbitrator(tx, target.id, {
      status: accept ? 'accepted' : 'declined',
      // The reference reaches the arbitrator in the platform; accepting it is its notice (Art. 468).
      notifiedOn: accept ? today : null,
      answeredAt: now,
      answeredBy: actor.userId,
    });
    await record(tx, actor, kase, {
      action: 'arbitration.arbitrator-answer',
      kind: accept ? 'arbitrator-accepted' : 'arbitrator-declined',
      at: now,
      data: { arbitratorId: target.id, name: target.name },
    });
    const standing = arbitrators
      .map((a) =>
        a.id === target.id
          ? { ...a, status: accept ? ('accepted' as const) : ('declined' as const), notifiedOn: accept ? today : null }
          : a,
      )
      .filter((a) => a.status !== 'declined');
    if (standing.length === kase.arbitratorCount && standing.every((a) => a.status === 'accepted')) {
      // Art. 468: the term runs from the day the last arbitrator was notified.
      const startedOn = standing
        .map((a) => a.notifiedOn!)
        .sort()
        .at(-1)!;
      const agreed = kase.termAmount && kase.termUnit ? { amount: kase.termAmount, unit: kase.termUnit } : null;
      const days = termDays(agreed) + kase.extensionDays;
      const window = countWindow(startedOn, days);
      const calendar = await loadHolidayCalendar(tx, window.fromIso, window.toIso);
      const term = countTerm(
        startedOn,
        agreed,
        kase.extensionDays ? [{ amount: kase.extensionDays, unit: 'day' }] : [],
        calendar,
      );
      const to = stepFrom(kase, 'start_term');
      await store.updateCase(tx, id, { state: to, termStartedOn: startedOn, termLastDay: term.lastDay });
      // The arbitrators are chosen: their fee is fixed now, by the agreement or the scale in force today.
      const fee = await fixFeeAtTermStart(tx, kase, parties, today);
      await record(tx, actor, kase, {
        action: 'arbitration.term-start',
        kind: 'term-start',
        at: now,
        step: 'start_term',
        toState: to,
        data: {
          startedOn,
          days,
          lastDay: term.lastDay,
          movedFrom: term.moved.length ? term.nominalLastDay : null,
          ...(fee ? { feeTotalRials: fee.totalRials, feeScaleId: fee.scaleId } : {}),
        },
      });
    }
    return access;
  });
  // One who declined is no longer on the case, but reads the answer they gave.
  const [kase, parties, arbitrators] = await Promise.all([
    store.findCase(ctx.db, id),
    store.partiesOf(ctx.db, id),
    store.arbitratorsOf(ctx.db, id),
  ]);
  return view(ctx, { kase: kase!, parties, arbitrators, access: answeredAs });
}

// ---- Proceedings ----

/** Tehran has kept +03:30 all year since 1401. */
const TEHRAN_OFFSET = '+03:30';
const PLACE_FA = { office: 'در دفتر محل داوری', video: 'به صورت تصویری (پیوند در سامانه)' } as const;

/** A registered arbitrator on the case who has accepted the reference. */
function sittingArbitrator(access: CaseAccess): store.ArbitratorRow {
  if (access.arbitrator?.status !== 'accepted') throw new AppError('forbidden');
  return access.arbitrator;
}

/** Art. 489 para. 4: nothing is decided after the term's last day. */
function withinTerm(kase: store.CaseRow, today: string) {
  if (kase.termLastDay && today > kase.termLastDay)
    // The award bears the day it is made, so the refusal names its date.
    throw new AppError('arbitration_award_after_term', {
      fields: [fieldError('date', 'award_after_term')],
      extra: { termLastDay: kase.termLastDay, today },
    });
}

/** An arbitrator sets a hearing while the term runs: the day and Tehran time, at the seat office or by video; every party gets an SMS. */
export async function scheduleHearing(ctx: AppContext, actor: Actor, id: number, input: HearingInput) {
  const now = ctx.clock.now();
  const [h, m] = input.time.split(':').map(Number);
  const startsAt = new Date(
    `${input.date.iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${TEHRAN_OFFSET}`,
  );
  if (startsAt.getTime() <= now.getTime()) throw invalidField('date', 'hearing_in_past');
  const outboxIds = await ctx.db.transaction(async (tx) => {
    const { kase, parties, access } = await loadCase(ctx, actor, 'arbitration.hearing', id, tx);
    sittingArbitrator(access);
    if (kase.state !== 'term_running' && kase.state !== 'award_drafted')
      throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
    // A hearing after the term could only lead to a void award.
    if (kase.termLastDay && input.date.iso > kase.termLastDay) throw invalidField('date', 'invalid_value');
    const hearing = await store.insertHearing(tx, {
      caseId: id,
      startsAt,
      place: input.place,
      note: input.note,
      scheduledBy: actor.userId,
      scheduledAt: now,
    });
    await record(tx, actor, kase, {
      action: 'arbitration.hearing',
      kind: 'hearing',
      at: now,
      data: { hearingId: hearing.id, startsAt: startsAt.toISOString(), place: input.place },
    });
    const when = toPersianDigits(`${formatJalali(startsAt, 'fa', true)}`);
    const ids: number[] = [];
    for (const p of parties)
      ids.push(
        await enqueueMessage(
          tx,
          {
            channel: 'sms',
            recipient: p.mobile,
            template: 'arbitration.hearing',
            provinceId: kase.provinceId,
            body: `دفتر: جلسهٔ رسیدگی داوری شمارهٔ ${toPersianDigits(String(kase.id))} در ${when} (به وقت تهران) ${PLACE_FA[input.place]} برگزار می‌شود.`,
          },
          now,
        ),
      );
    return ids;
  });
  await dispatchMessages(ctx, outboxIds);
  return reload(ctx, actor, 'arbitration.read', id);
}

/**
 * An arbitrator on the case records the minutes of a hearing once it has been held: what was said
 * and done, and which parties appeared. Written once and final (a record, not a draft); the audit
 * chain keeps the text's SHA-256 beside the timeline's step.
 */
export async function recordMinutes(ctx: AppContext, actor: Actor, id: number, hearingId: number, input: MinutesInput) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { kase, parties, access } = await loadCase(ctx, actor, 'arbitration.hearing', id, tx);
    sittingArbitrator(access);
    const hearing = (await store.hearingsOf(tx, id)).find((h) => h.id === hearingId);
    if (!hearing) throw new AppError('not_found');
    if (kase.state !== 'term_running' && kase.state !== 'award_drafted')
      throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
    if (hearing.minutes !== null) throw new AppError('arbitration_minutes_recorded');
    if (hearing.startsAt.getTime() > now.getTime())
      throw new AppError('arbitration_hearing_not_held', { extra: { startsAt: hearing.startsAt.toISOString() } });
    const errors = input.presentPartyIds.flatMap((partyId, i) =>
      parties.some((p) => p.id === partyId) ? [] : [fieldError(`presentPartyIds.${i}`, 'invalid_value')],
    );
    if (errors.length) throw new AppError('validation_failed', { fields: errors });
    if (
      !(await store.recordMinutes(tx, id, hearingId, {
        minutes: input.text,
        minutesPresent: input.presentPartyIds,
        minutesBy: actor.userId,
        minutesAt: now,
      }))
    )
      throw new AppError('arbitration_minutes_recorded');
    await record(tx, actor, kase, {
      action: 'arbitration.hearing-minutes',
      kind: 'hearing-minutes',
      at: now,
      data: {
        hearingId,
        presentPartyIds: input.presentPartyIds,
        sha256: createHash('sha256').update(input.text).digest('hex'),
      },
    });
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

// ---- The parties' submissions and evidence ----

/** While the case is before its arbitrators — from the agreement until the award is made — its parties may submit. */
const OPEN_TO_DOCUMENTS: readonly ArbitrationState[] = [
  'consented',
  'arbitrators_appointed',
  'term_running',
  'award_drafted',
];

export interface DocumentUpload {
  kind: string;
  fileName: string;
  title: string;
  bytes: Buffer;
  /** The multipart limit cut the file short. */
  truncated: boolean;
}

/** The calling party of a case open to submissions, checked before the upload is read (and again in its transaction). */
async function submittingParty(ctx: AppContext, actor: Actor, id: number, tx?: Tx) {
  const { kase, access } = await loadCase(ctx, actor, 'arbitration.documents', id, tx);
  if (!access.party) throw new AppError('forbidden');
  if (!OPEN_TO_DOCUMENTS.includes(kase.state))
    throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
  return { kase, party: access.party };
}

export async function assertCanSubmit(ctx: AppContext, actor: Actor, id: number) {
  await submittingParty(ctx, actor, id);
}

/**
 * A party puts a submission or evidence before the arbitrators: a PDF, JPEG or PNG judged by its
 * content, within the filings' size and page limits (the same checks as filings' attachments),
 * stored under the case and listed on its timeline with its SHA-256 (also in the audit chain).
 */
export async function addDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
  upload: DocumentUpload,
  storage: FileStorage,
) {
  await assertCanSubmit(ctx, actor, id);
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(upload.kind)
    ? (upload.kind as (typeof DOCUMENT_KINDS)[number])
    : null;
  if (!kind) throw invalidField('kind', 'invalid_value');
  const limits = attachmentLimits();
  if (upload.truncated || upload.bytes.length > limits.maxFileBytes)
    throw new AppError('file_too_large', {
      extra: { maxBytes: limits.maxFileBytes },
      fields: [fieldError('file', 'too_big')],
    });
  if (upload.bytes.length === 0)
    throw new AppError('corrupt_file', { detail: 'The file is empty.', fields: [fieldError('file', 'invalid')] });
  const inspected = await inspectFile(upload.bytes);
  if (!inspected.ok)
    throw new AppError(inspected.problem, {
      detail: inspected.detail,
      fields: [fieldError('file', inspected.problem === 'unsupported_file_type' ? 'invalid_value' : 'invalid')],
    });
  if (inspected.pages > limits.maxPagesPerFile)
    throw new AppError('page_limit_exceeded', {
      extra: { pages: inspected.pages, maxPagesPerFile: limits.maxPagesPerFile },
      fields: [fieldError('file', 'too_big')],
    });
  const stored = await storage.put(`arbitration/${id}`, upload.bytes);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const { kase, party } = await submittingParty(ctx, actor, id, tx);
      const doc = await store.insertDocument(tx, {
        caseId: id,
        partyId: party.id,
        kind,
        title: upload.title || upload.fileName,
        fileName: upload.fileName,
        mediaType: inspected.mediaType,
        sizeBytes: stored.sizeBytes,
        pages: inspected.pages,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await record(tx, actor, kase, {
        action: 'arbitration.document',
        kind: 'document',
        at: now,
        data: {
          documentId: doc.id,
          partyId: party.id,
          kind,
          title: doc.title,
          fileName: doc.fileName,
          pages: doc.pages,
          sha256: doc.sha256,
        },
      });
    });
  } catch (error) {
    await storage.remove(stored.key).catch(() => undefined);
    throw error;
  }
  return reload(ctx, actor, 'arbitration.read', id);
}

/** A document's row, for whoever sees the case: its parties, its arbitrators, the seat office and the court desk. */
export async function documentFile(ctx: AppContext, actor: Actor, id: number, documentId: number) {
  await loadCase(ctx, actor, 'arbitration.read', id);
  const doc = await store.findDocument(ctx.db, id, documentId);
  if (!doc) throw new AppError('not_found');
  return doc;
}

// ---- The award ----

/** An arbitrator writes (or rewrites) the award while the term runs; a rewritten draft is signed afresh. */
export async function draftAward(ctx: AppContext, actor: Actor, id: number, input: AwardInput) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { kase, parties, access } = await loadCase(ctx, actor, 'arbitration.award', id, tx);
    sittingArbitrator(access);
    const to = stepFrom(kase, 'draft_award');
    withinTerm(kase, tehranIsoDate(now));
    if (!parties.some((p) => p.id === input.winnerPartyId)) throw invalidField('winnerPartyId', 'invalid_value');
    await store.updateCase(tx, id, {
      state: to,
      awardReasons: input.reasons,
      awardDecision: input.decision,
      awardWinnerPartyId: input.winnerPartyId,
      awardDate: null,
      awardDraftedBy: actor.userId,
    });
    await store.clearSignatures(tx, id);
    await record(tx, actor, kase, {
      action: 'arbitration.award-draft',
      kind: 'award-draft',
      at: now,
      step: 'draft_award',
      toState: to,
      data: { winnerPartyId: input.winnerPartyId },
    });
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

/**
 * An arbitrator signs the draft or refuses it, with a dissent if they write one (the seat office
 * records the answer of one outside the registry). Signed by all, or by a majority with the rest
 * refusing (Art. 484), the award is made that day — only within the term (Art. 489 para. 4) — and
 * lodged with the court of the seat's province, which sends it to every party as an e-notice
 * (Art. 485): delivery starts the windows to comply and to seek annulment.
 */
export async function signAward(
  ctx: AppContext,
  actor: Actor,
  id: number,
  arbitratorId: number,
  input: { sign: boolean; dissent?: string },
) {
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const outboxIds = await ctx.db.transaction(async (tx) => {
    const { kase, parties, arbitrators, access } = await loadCase(ctx, actor, 'arbitration.award', id, tx);
    const target = arbitrators.find((a) => a.id === arbitratorId && a.status === 'accepted');
    if (!target) throw new AppError('not_found');
    const mayAnswer = target.userId !== null ? access.arbitrator?.id === target.id : access.office;
    if (!mayAnswer) throw new AppError('forbidden');
    if (kase.state !== 'award_drafted' || target.signature !== null)
      throw new AppError('arbitration_state_conflict', { extra: { state: kase.state, signature: target.signature } });
    withinTerm(kase, today);
    const signature = input.sign ? ('signed' as const) : ('refused' as const);
    const dissent = input.dissent?.length ? input.dissent : null;
    if (!(await store.signArbitrator(tx, target.id, { signature, signedAt: now, dissent })))
      throw new AppError('arbitration_state_conflict', { extra: { state: kase.state } });
    await record(tx, actor, kase, {
      action: 'arbitration.award-sign',
      kind: input.sign ? 'award-signed' : 'award-refused',
      at: now,
      data: { arbitratorId: target.id, name: target.name, ...(dissent ? { dissent } : {}) },
    });
    const answers = arbitrators
      .filter((a) => a.status === 'accepted')
      .map((a) => (a.id === target.id ? signature : a.signature));
    const verdict = awardSignedBy(
      kase.arbitratorCount,
      answers.filter((a) => a === 'signed').length,
      answers.filter((a) => a === 'refused').length,
    );
    if (verdict !== 'signed') return [];
    return makeAndLodge(tx, actor, { ...kase }, parties, arbitrators, now);
  });
  await dispatchMessages(ctx, outboxIds);
  return reload(ctx, actor, 'arbitration.read', id);
}

async function makeAndLodge(
  tx: Tx,
  actor: Actor,
  kase: store.CaseRow,
  parties: store.PartyRow[],
  arbitrators: store.ArbitratorRow[],
  now: Date,
): Promise<number[]> {
  const today = tehranIsoDate(now);
  const signedState = stepFrom(kase, 'sign_award');
  await store.updateCase(tx, kase.id, { state: signedState, awardDate: today });
  const refused = arbitrators.filter((a) => a.status === 'accepted' && a.signature === 'refused');
  await record(tx, actor, kase, {
    action: 'arbitration.award-sign',
    kind: 'award-made',
    at: now,
    step: 'sign_award',
    toState: signedState,
    data: { awardDate: today, refusedBy: refused.map((a) => a.id) },
  });
  const signed = { ...kase, state: signedState };
  const court = await store.registryCourt(tx, kase.provinceId);
  if (!court) throw new AppError('arbitration_no_registry_court');
  const courtCase = await openCase(
    tx,
    actor,
    court,
    { branch: 1, filingId: null, subject: `رأی داوری شمارهٔ ${kase.id}: ${kase.subject}`.slice(0, 500) },
    parties.map((p) => ({
      role: p.role,
      citizenId: p.citizenId,
      legalPersonId: null,
      name: p.name,
      nationalId: p.nationalId,
    })),
    now,
  );
  const winner = parties.find((p) => p.id === kase.awardWinnerPartyId);
  const { notice, outboxIds } = await issueOnCase(
    tx,
    actor,
    courtCase,
    {
      kind: 'notification',
      title: `ابلاغ رأی داوری شمارهٔ ${toPersianDigits(String(kase.id))}`,
      body: [
        `رأی داوری در پروندهٔ داوری شمارهٔ ${toPersianDigits(String(kase.id))} («${kase.subject}») در تاریخ ${toPersianDigits(formatJalaliIso(isoToJalali(today)))} صادر شد.`,
        `رأی به سود: ${winner?.name ?? ''}`,
        `خلاصهٔ رأی: ${kase.awardDecision ?? ''}`,
        'از فردای ابلاغ، محکوم‌علیه بیست روز برای اجرای رأی (مادهٔ ۴۸۸) و هر یک از طرفین بیست روز برای درخواست ابطال آن (مادهٔ ۴۹۰ قانون آیین دادرسی مدنی) مهلت دارد. متن کامل رأی با امضای داوران در پروندهٔ داوری شما در سامانه است.',
      ].join('\n'),
      hearingAt: null,
    },
    now,
  );
  const notifiedState = stepFrom(signed, 'notify_award');
  await store.updateCase(tx, kase.id, {
    state: notifiedState,
    courtId: court.id,
    courtCaseId: courtCase.id,
    noticeId: notice.id,
  });
  await record(tx, actor, signed, {
    action: 'arbitration.award-notify',
    kind: 'award-notified',
    at: now,
    step: 'notify_award',
    toState: notifiedState,
    data: {
      method: kase.awardNotice,
      courtId: court.id,
      courtCaseId: courtCase.id,
      caseNumber: courtCase.caseNumber,
      noticeId: notice.id,
    },
  });
  return outboxIds;
}

/** The award as the parties, its arbitrators, the seat office and the court desk read it: for its printed page. */
export async function printableAward(ctx: AppContext, actor: Actor, id: number) {
  const loaded = await loadCase(ctx, actor, 'arbitration.read', id);
  if (!loaded.kase.awardReasons) throw new AppError('not_found');
  return view(ctx, loaded);
}

// ---- After the award, at the court desk ----

/**
 * Art. 490: a party's annulment request, recorded by the clerk of the court the award was lodged
 * with, naming the Art. 489 grounds; in time up to the last day of the twenty days from the last
 * delivery, refused after it and before every party has received the award.
 */
export async function requestAnnulment(ctx: AppContext, actor: Actor, id: number, input: AnnulmentInput) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { kase, parties, access } = await loadCase(ctx, actor, 'arbitration.court-desk', id, tx);
    if (!access.court) throw new AppError('not_found');
    const to = stepFrom(kase, 'request_annulment');
    const party = parties.find((p) => p.id === input.partyId);
    if (!party) throw invalidField('partyId', 'invalid_value');
    const { windows } = await afterAward(tx, kase, parties);
    const check = annulmentInTime(windows, tehranIsoDate(now));
    if (!check.ok)
      throw new AppError(
        check.reason === 'not_delivered' ? 'arbitration_award_not_delivered' : 'arbitration_annulment_late',
        {
          extra: { annulmentLastDay: windows?.annulmentLastDay ?? null },
        },
      );
    await store.updateCase(tx, id, { state: to, annulmentPartyId: party.id, annulmentGrounds: input.grounds });
    await record(tx, actor, kase, {
      action: 'arbitration.annulment',
      kind: 'annulment-requested',
      at: now,
      step: 'request_annulment',
      toState: to,
      data: { partyId: party.id, grounds: input.grounds, annulmentLastDay: windows!.annulmentLastDay },
    });
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

/**
 * Art. 488: the winning party's request for the enforcement order, recorded by the clerk of the
 * court the award was lodged with, once the twenty days to comply from the last delivery have passed.
 */
export async function requestEnforcement(ctx: AppContext, actor: Actor, id: number, partyId: number) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { kase, parties, access } = await loadCase(ctx, actor, 'arbitration.court-desk', id, tx);
    if (!access.court) throw new AppError('not_found');
    const to = stepFrom(kase, 'request_enforcement');
    const party = parties.find((p) => p.id === partyId);
    if (!party) throw invalidField('partyId', 'invalid_value');
    if (party.id !== kase.awardWinnerPartyId)
      throw new AppError('arbitration_not_award_winner', { fields: [fieldError('partyId', 'invalid_value')] });
    const { windows } = await afterAward(tx, kase, parties);
    const check = enforcementOpen(windows, tehranIsoDate(now));
    if (!check.ok)
      throw new AppError(
        check.reason === 'not_delivered' ? 'arbitration_award_not_delivered' : 'arbitration_enforcement_early',
        {
          extra: { enforcementFrom: windows?.enforcementFrom ?? null },
        },
      );
    await store.updateCase(tx, id, { state: to, enforcementPartyId: party.id });
    await record(tx, actor, kase, {
      action: 'arbitration.enforcement',
      kind: 'enforcement-requested',
      at: now,
      step: 'request_enforcement',
      toState: to,
      data: { partyId: party.id, enforcementFrom: windows!.enforcementFrom },
    });
  });
  return reload(ctx, actor, 'arbitration.read', id);
}

// ---- Reading ----

export async function listCases(ctx: AppContext, actor: Actor, query: { state?: ArbitrationState }) {
  if (!holds(actor, 'arbitration.read')) throw new AppError('forbidden');
  const officeIds = actor.grants
    .filter(
      (g) =>
        g.scope.kind === 'office' &&
        g.scope.officeId != null &&
        can(actor, 'arbitration.read', { officeId: g.scope.officeId }),
    )
    .map((g) => g.scope.officeId!);
  const courtIds = actor.grants
    .filter(
      (g) =>
        g.role === 'court_clerk' &&
        g.scope.kind === 'court' &&
        g.scope.courtId != null &&
        can(actor, 'arbitration.read', { courtId: g.scope.courtId }),
    )
    .map((g) => g.scope.courtId!);
  const rows = await store.listCases(
    ctx.db,
    {
      citizenId:
        actor.citizenId != null && can(actor, 'arbitration.read', { citizenId: actor.citizenId })
          ? actor.citizenId
          : null,
      userId: actsAsArbitrator(actor, 'arbitration.read') ? actor.userId : null,
      officeIds,
      courtIds,
    },
    query.state,
  );
  return {
    items: rows.map((r) => ({
      id: r.kase.id,
      state: r.kase.state,
      subjectKind: r.kase.subjectKind,
      subject: r.kase.subject,
      seatOffice: { id: r.kase.seatOfficeId, code: r.officeCode, name: { fa: r.officeFa, en: r.officeEn } },
      createdAt: r.kase.createdAt.toISOString(),
      termLastDay: r.kase.termLastDay ? day(r.kase.termLastDay) : null,
    })),
  };
}

export function getCase(ctx: AppContext, actor: Actor, id: number) {
  return reload(ctx, actor, 'arbitration.read', id);
}

// ---- The arbitrators' fee ----

/**
 * A party pays their share of the fixed fee through the payment flow (the sandbox bank by default),
 * online, credited to the case by `creditArbitrationFee`. A retry with the same Idempotency-Key
 * answers as the first request; a payment still open at the bank is offered again rather than a
 * second one started, so a share is never paid twice.
 */
export async function payFeeShare(ctx: AppContext, actor: Actor, id: number, keyHeader: string | string[] | undefined) {
  const { kase, access } = await loadCase(ctx, actor, 'arbitration.fee-pay', id);
  const party = access.party;
  if (!party) throw new AppError('forbidden');
  const key = idempotencyKeyFrom(keyHeader, true)!;
  return runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key, operation: 'arbitration.fee-pay', request: { caseId: id } },
    async (tx) => {
      const now = ctx.clock.now();
      if (kase.feeTotalRials == null) throw new AppError('arbitration_fee_not_fixed');
      const share = await store.findFeeShare(tx, kase.id, party.id, true);
      if (!share) throw new AppError('arbitration_fee_not_owed');
      if (share.paidAt) throw new AppError('arbitration_fee_paid');
      if (share.paymentId != null) {
        // Still open at the bank: that payment's page, which leads on to the bank, rather than a second payment.
        const open = (await store.paymentsByIds(tx, [share.paymentId])).get(share.paymentId);
        if (open?.status === 'pending' && open.expiresAt.getTime() > now.getTime())
          return {
            status: 201,
            body: {
              paymentId: share.paymentId,
              receiptNumber: open.receiptNumber,
              redirectUrl: `/payments/${share.paymentId}`,
              amountRials: share.amountRials,
            },
          };
      }
      const started = await startPaymentIn(
        ctx,
        tx,
        actor,
        {
          purpose: 'arbitration',
          amountRials: share.amountRials,
          lines: [
            {
              code: 'arbitrator-fee',
              titleFa: `سهم ${party.name} از حق‌الزحمهٔ داوران — پروندهٔ داوری شمارهٔ ${toPersianDigits(String(kase.id))}`,
              titleEn: `${party.name}'s share of the arbitrators' fee — arbitration no. ${kase.id}`,
              quantity: 1,
              unitRials: share.amountRials,
              amountRials: share.amountRials,
              kind: 'arbitrator-fee',
            },
          ],
          officeId: kase.seatOfficeId,
          provinceId: kase.provinceId,
          channel: 'online',
          payerCitizenId: party.citizenId,
          returnPath: `/arbitrations/${kase.id}`,
        },
        now,
      );
      await store.updateFeeShare(tx, share.id, { paymentId: started.paymentId });
      return { status: 201, body: { ...started, amountRials: share.amountRials } };
    },
  );
}
