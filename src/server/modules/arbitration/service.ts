/**
 * Arbitration cases from the agreement to the start of the term: the agreement and its parties'
 * consent by one-time code (Art. 454), the arbitrators named and their answers, and the term that
 * starts when every arbitrator has been notified (Art. 468). Who sees a case: its parties, its
 * arbitrators, and the staff of its seat office; anyone else is answered as if it did not exist.
 */
import { maskMobile } from '#core/identifiers';
import { capacityProblem, subjectExcluded } from '#core/arbitration/admissibility';
import { countTerm, termDays } from '#core/arbitration/clocks';
import { nextState, type ArbitrationState, type ArbitrationStep } from '#core/arbitration/lifecycle';
import { countWindow, daysLeft } from '#core/deadlines';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Tx } from '#server/db/transaction';
import { checkCode, sendCode, spendCode } from '#server/modules/identity/mobile-codes';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import type { Actor } from '#server/platform/auth/actor';
import { PERMISSIONS, type Action } from '#server/platform/auth/permissions';
import { authorize, can, holds } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AuditAction } from '#server/platform/audit/actions';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import type { AppointInput, StartInput } from './schemas';
import * as store from './store';

const consentPurpose = (caseId: number) => `arbitration-consent:${caseId}`;
const invalidCode = () => new AppError('invalid_code');
const day = (iso: string) => ({ iso, jalali: formatJalaliIso(isoToJalali(iso)) });

interface CaseAccess {
  party: store.PartyRow | null;
  arbitrator: store.ArbitratorRow | null;
  office: boolean;
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
  return { party, arbitrator, office };
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
  if (!access.party && !access.arbitrator && !access.office) throw new AppError('not_found');
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

async function view(ctx: AppContext, loaded: Loaded) {
  const { kase, parties, arbitrators, access } = loaded;
  const [office, events] = await Promise.all([
    store.findOffice(ctx.db, kase.seatOfficeId),
    store.eventsOf(ctx.db, kase.id),
  ]);
  const today = tehranIsoDate(ctx.clock.now());
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
    })),
    clocks,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      step: e.step,
      toState: e.toState,
      at: e.at.toISOString(),
      data: e.data,
    })),
    viewer: { partyId: access.party?.id ?? null, arbitratorId: access.arbitrator?.id ?? null, office: access.office },
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

export async function startArbitration(ctx: AppContext, actor: Actor, input: StartInput) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'arbitration.start', { citizenId: actor.citizenId });
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
  const kase = await ctx.db.transaction(async (tx) => {
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
      },
    });
    return row;
  });
  for (const p of parties) await sendConsentCode(ctx, kase, p.citizen.mobile, p.citizen.provinceId);
  return reload(ctx, actor, 'arbitration.read', kase.id);
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
    const { kase, arbitrators, access } = await loadCase(ctx, actor, 'arbitration.answer', id, tx);
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
      await record(tx, actor, kase, {
        action: 'arbitration.term-start',
        kind: 'term-start',
        at: now,
        step: 'start_term',
        toState: to,
        data: { startedOn, days, lastDay: term.lastDay, movedFrom: term.moved.length ? term.nominalLastDay : null },
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
  const rows = await store.listCases(
    ctx.db,
    {
      citizenId:
        actor.citizenId != null && can(actor, 'arbitration.read', { citizenId: actor.citizenId })
          ? actor.citizenId
          : null,
      userId: actsAsArbitrator(actor, 'arbitration.read') ? actor.userId : null,
      officeIds,
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
