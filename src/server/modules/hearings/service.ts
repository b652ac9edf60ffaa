/**
 * Video hearings: the court's clerk schedules one on a case of their court (day, Tehran time,
 * length, the presiding judge, the participants and where each attends from) and every
 * participant receives the summons as an e-notice through the notices area, so its delivery is
 * recorded as any notice's is. The judge or the clerk moves it through its states
 * (`#core/hearing-state`), each change audited; the clerk keeps the minutes while it runs; when it
 * ends, the minutes and the attendance go onto the case as a notice carrying them as a PDF.
 */
import { randomInt } from 'node:crypto';
import { checkInCodeOf } from '#core/hearing-booths';
import { formatJalali, tehranIsoDate } from '#core/jalali';
import { hearingEnded, nextHearingState, type HearingState, type HearingTransition } from '#core/hearing-state';
import type { Actor } from '#server/platform/auth/actor';
import { can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, type FieldError } from '#server/platform/errors/app-error';
import { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { iceServersFor } from '#server/platform/ice-servers';
import { htmlToPdf, pdfAvailable } from '#server/platform/pdf/printer';
import { fileStorage, sha256Hex } from '#server/platform/storage/storage';
import type { Executor, Tx } from '#server/db/transaction';
import { caseInScope } from '#server/modules/courts/cases';
import { issueOnCase } from '#server/modules/notices/service';
import * as notices from '#server/modules/notices/store';
import { assignBooth, hostsHearings } from './booth-assign';
import { latestBoothChecks } from './booth-checks';
import { minutesHtml } from './minutes';
import { hearingStateChanged, type HearingSeat } from './rooms';
import type { HearingView, ScheduleInput } from './schemas';
import * as store from './store';

/** Tehran has kept +03:30 all year since 1401. */
const TEHRAN_OFFSET = '+03:30';

/** What the actor is in a hearing, or null when it is not theirs to see. */
function seatOf(actor: Actor, hearing: store.HearingRow, participants: store.ParticipantRow[]): HearingSeat | null {
  if (hearing.judgeUserId === actor.userId && can(actor, 'hearings.conduct', { courtId: hearing.courtId }))
    return { kind: 'judge', participantId: null };
  if (actor.grants.some((g) => g.role === 'court_clerk' && g.scope.courtId === hearing.courtId))
    return { kind: 'clerk', participantId: null };
  if (actor.citizenId != null && can(actor, 'hearings.read', { citizenId: actor.citizenId })) {
    const mine = participants.find((p) => p.citizenId === actor.citizenId);
    if (mine) return { kind: 'participant', participantId: mine.id };
  }
  return null;
}

/** Another judge of the court reads the court's hearings as the court desk does, without conducting them. */
function readsAsCourt(actor: Actor, hearing: store.HearingRow) {
  return can(actor, 'hearings.read', { courtId: hearing.courtId }) && actor.citizenId == null;
}

/** The offices participants attend from and the operators who checked them in, for a hearing's view and minutes. */
export async function officesAndOperators(db: Executor, participants: store.ParticipantRow[]) {
  const officeIds = [...new Set(participants.flatMap((p) => (p.officeId != null ? [p.officeId] : [])))];
  const operatorIds = [...new Set(participants.flatMap((p) => (p.checkedInBy != null ? [p.checkedInBy] : [])))];
  // One after the other: `db` may be a transaction, whose one connection takes one statement at a time.
  const officeRows = await store.officesByIds(db, officeIds);
  const names = await store.userNames(db, operatorIds);
  const officesById = new Map(officeRows.map((o) => [o.id, o]));
  return {
    office: (p: store.ParticipantRow) => {
      const o = p.officeId != null ? officesById.get(p.officeId) : undefined;
      return o ? { id: o.id, code: o.code, name: { fa: o.nameFa, en: o.nameEn } } : null;
    },
    checkIn: (p: store.ParticipantRow) =>
      p.checkedInAt && p.checkedInBy != null
        ? { at: p.checkedInAt.toISOString(), by: { userId: p.checkedInBy, name: names.get(p.checkedInBy) ?? '' } }
        : null,
  };
}

export async function view(db: Executor, found: store.HearingWithCase, seat: HearingSeat): Promise<HearingView> {
  const h = found.hearing;
  // One after the other: `db` may be a transaction, whose one connection takes one statement at a time.
  const participants = await store.participantsOf(db, h.id);
  const attendance = await store.attendanceOf(db, h.id);
  const judgeName = await store.userName(db, h.judgeUserId);
  const where = await officesAndOperators(db, participants);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const court = seat.kind !== 'participant';
  // The court sees whether each booth its participants attend from passed the office's check.
  const boothOffices = [
    ...new Set(participants.flatMap((p) => (p.officeId != null && p.boothNo != null ? [p.officeId] : []))),
  ];
  const checks =
    court && boothOffices.length ? await latestBoothChecks(db, boothOffices, tehranIsoDate(h.startsAt)) : null;
  const mine = seat.participantId != null ? byId.get(seat.participantId) : undefined;
  return {
    id: h.id,
    state: h.state,
    startsAt: h.startsAt.toISOString(),
    durationMinutes: h.durationMinutes,
    case: {
      id: found.kase.id,
      caseNumber: found.kase.caseNumber,
      subject: found.kase.subject,
      branch: found.kase.branch,
      court: { id: found.court.id, name: { fa: found.court.nameFa, en: found.court.nameEn } },
    },
    judge: { userId: h.judgeUserId, name: judgeName },
    participants: participants.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      mode: p.mode,
      officeId: p.officeId,
      office: where.office(p),
      boothNo: p.boothNo,
      checkIn: where.checkIn(p),
      boothCheck: checks?.get(`${p.officeId}:${p.boothNo}`) ?? null,
      interpretsFor: p.interpretsFor,
      state: p.state,
    })),
    noticeId: h.noticeId,
    minutes: court || hearingEnded(h.state) ? h.minutes : null,
    minutesUpdatedAt: h.minutesUpdatedAt?.toISOString() ?? null,
    startedAt: h.startedAt?.toISOString() ?? null,
    endedAt: h.endedAt?.toISOString() ?? null,
    minutesNoticeId: h.minutesNoticeId,
    attendance: attendance.map(({ a, firstName, lastName }) => {
      const p = a.participantId != null ? byId.get(a.participantId) : undefined;
      return {
        name: p?.name ?? `${firstName} ${lastName}`,
        role: p?.role ?? (a.userId === h.judgeUserId ? 'judge' : 'clerk'),
        mode: p?.mode ?? 'court',
        office: p ? where.office(p) : null,
        checkIn: p ? where.checkIn(p) : null,
        joinedAt: a.joinedAt.toISOString(),
        leftAt: a.leftAt?.toISOString() ?? null,
      };
    }),
    you: { ...seat, checkInCode: mine?.checkInCode ?? null },
  };
}

/** The hearing and the actor's seat in it; not found for anyone it is not theirs to see. */
export async function hearingFor(db: Executor, actor: Actor, id: number, forUpdate = false) {
  const found = await store.findHearing(db, id, forUpdate);
  if (!found) throw new AppError('not_found');
  const participants = await store.participantsOf(db, id);
  const seat =
    seatOf(actor, found.hearing, participants) ??
    (readsAsCourt(actor, found.hearing) ? ({ kind: 'clerk', participantId: null } as const) : null);
  if (!seat) throw new AppError('not_found');
  return { found, participants, seat };
}

export async function getHearing(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'hearings.read');
  const { found, seat } = await hearingFor(ctx.db, actor, id);
  return view(ctx.db, found, seat);
}

/** The STUN and TURN servers for the room's peer connections, only to those seated in it (as its signalling socket). */
export async function hearingIceServers(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'hearings.read');
  const { found, seat } = await hearingFor(ctx.db, actor, id);
  if (seat.kind !== 'participant' && !conducts(actor, found.hearing)) throw new AppError('not_found');
  return iceServersFor(ctx.config.ice, actor.userId, ctx.clock.now());
}

export async function listHearings(ctx: AppContext, actor: Actor, state?: HearingState) {
  const filter = scopeFilter(actor, 'hearings.read');
  const rows = await store.listHearings(ctx.db, { filter, citizenId: actor.citizenId }, state);
  return {
    items: rows.map((r) => ({
      id: r.hearing.id,
      state: r.hearing.state,
      startsAt: r.hearing.startsAt.toISOString(),
      durationMinutes: r.hearing.durationMinutes,
      caseId: r.hearing.caseId,
      caseNumber: r.caseNumber,
      courtName: { fa: r.courtNameFa, en: r.courtNameEn },
      participantCount: r.participantCount,
    })),
  };
}

function startsAtOf(input: ScheduleInput, now: Date): Date {
  const at = new Date(`${input.date.iso}T${input.time.padStart(5, '0')}:00${TEHRAN_OFFSET}`);
  if (at.getTime() <= now.getTime())
    throw new AppError('validation_failed', { fields: [fieldError('date', 'hearing_in_past')] });
  return at;
}

/** The participants checked against each other, the e-accounts and the offices; every problem named by its field. */
async function checkParticipants(db: Executor, input: ScheduleInput) {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.participants.forEach((p, i) => {
    if (seen.has(p.nationalId)) problems.push(fieldError(`participants.${i}.nationalId`, 'duplicate_participant'));
    seen.add(p.nationalId);
    if ((p.mode === 'office') !== (p.officeId != null))
      problems.push(fieldError(`participants.${i}.officeId`, 'office_required'));
    const interpreted = p.interpretsFor;
    if (
      (p.role === 'interpreter') !== (interpreted != null) ||
      (interpreted != null &&
        (interpreted === p.nationalId || !input.participants.some((q) => q.nationalId === interpreted)))
    )
      problems.push(fieldError(`participants.${i}.interpretsFor`, 'interpreted_not_listed'));
  });
  const found = await store.citizensByNationalId(db, [...seen]);
  const byNationalId = new Map(found.map((c) => [c.nationalId, c]));
  input.participants.forEach((p, i) => {
    if (!byNationalId.has(p.nationalId))
      problems.push(fieldError(`participants.${i}.nationalId`, 'applicant_not_registered'));
  });
  const officeIds = input.participants.flatMap((p) => (p.officeId != null ? [p.officeId] : []));
  const offices = new Map((await store.officesByIds(db, officeIds)).map((o) => [o.id, o]));
  input.participants.forEach((p, i) => {
    const office = p.officeId != null ? offices.get(p.officeId) : undefined;
    if (p.officeId != null && !office) problems.push(fieldError(`participants.${i}.officeId`, 'invalid'));
    else if (office && !hostsHearings(office))
      problems.push(fieldError(`participants.${i}.officeId`, 'office_without_booths'));
  });
  if (problems.length) throw new AppError('validation_failed', { fields: problems });
  return byNationalId;
}

function summonsBody(caseNumber: string, startsAt: Date, durationMinutes: number) {
  return [
    `جلسهٔ رسیدگی پروندهٔ ${caseNumber} در ${formatJalali(startsAt, 'fa', true)} به‌وقت تهران، به مدت ${durationMinutes} دقیقه، به‌صورت برخط (تصویری) برگزار می‌شود.`,
    'در وقت جلسه از حساب قضایی خود در سامانهٔ دفتر، بخش «جلسه‌های رسیدگی»، وارد اتاق انتظار شوید تا قاضی شما را بپذیرد. اگر از دفتر خدمات الکترونیک قضایی حاضر می‌شوید، کارت ملی و این ابلاغیه را همراه داشته باشید.',
  ].join('\n');
}

type CaseRow = Awaited<ReturnType<typeof caseInScope>>['row'];

async function scheduleIn(tx: Tx, actor: Actor, kase: CaseRow, input: ScheduleInput, now: Date) {
  const startsAt = startsAtOf(input, now);
  const judgeName = await store.judgeOfCourt(tx, input.judgeUserId, kase.courtId);
  if (!judgeName)
    throw new AppError('validation_failed', { fields: [fieldError('judgeUserId', 'judge_not_of_court')] });
  const byNationalId = await checkParticipants(tx, input);

  const hearing = await store.insertHearing(tx, {
    caseId: kase.id,
    courtId: kase.courtId,
    provinceId: kase.provinceId,
    judgeUserId: input.judgeUserId,
    startsAt,
    durationMinutes: input.durationMinutes,
    scheduledBy: actor.userId,
    scheduledAt: now,
  });
  const inserted = await store.insertParticipants(
    tx,
    input.participants.map((p) => {
      const c = byNationalId.get(p.nationalId)!;
      return {
        hearingId: hearing.id,
        role: p.role,
        citizenId: c.id,
        name: `${c.firstName} ${c.lastName}`,
        mode: p.mode,
        officeId: p.officeId ?? null,
        checkInCode: checkInCodeOf(randomInt(1_000_000)),
      };
    }),
  );
  // The clerk who names an office for a participant books them a booth there for the whole hearing.
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  const boothProblems: FieldError[] = [];
  for (const [i, p] of inserted.entries()) {
    if (p.officeId == null) continue;
    const booth = await assignBooth(tx, p.officeId, { startsAt, endsAt }, p.id);
    if (booth.problem) boothProblems.push(fieldError(`participants.${i}.officeId`, booth.problem));
    else await store.updateParticipant(tx, p.id, { boothNo: booth.boothNo, boothBookedBy: actor.userId });
  }
  if (boothProblems.length) throw new AppError('validation_failed', { fields: boothProblems });
  // An interpreter is linked to the participant they interpret for, by the participant's own id.
  for (const [i, p] of input.participants.entries()) {
    if (!p.interpretsFor) continue;
    const target = inserted.find((r) => r.citizenId === byNationalId.get(p.interpretsFor!)!.id)!;
    await store.updateParticipant(tx, inserted[i].id, { interpretsFor: target.id });
  }

  // The summons, through the notices area: one notice, each participant's copy in their e-account.
  const { notice, outboxIds } = await issueOnCase(
    tx,
    actor,
    kase,
    {
      kind: 'summons',
      title: 'احضار به جلسهٔ رسیدگی برخط',
      body: summonsBody(kase.caseNumber, startsAt, input.durationMinutes),
      hearingAt: startsAt,
    },
    now,
    {
      recipients: [...byNationalId.values()].map((c) => ({
        citizenId: c.id,
        mobile: c.mobile,
        provinceId: c.provinceId,
      })),
      auditData: { hearingId: hearing.id },
    },
  );
  await store.updateHearing(tx, hearing.id, { noticeId: notice.id });
  await recordAudit(tx, actor, {
    action: 'hearings.schedule',
    entityType: 'hearing',
    entityId: hearing.id,
    provinceId: kase.provinceId,
    data: {
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      courtId: kase.courtId,
      judgeUserId: input.judgeUserId,
      startsAt: startsAt.toISOString(),
      durationMinutes: input.durationMinutes,
      participants: inserted.map((p) => ({ citizenId: p.citizenId, role: p.role, mode: p.mode, officeId: p.officeId })),
      noticeId: notice.id,
    },
  });
  const found = (await store.findHearing(tx, hearing.id))!;
  return { body: await view(tx, found, { kind: 'clerk', participantId: null }), outboxIds };
}

export async function scheduleHearing(
  ctx: AppContext,
  actor: Actor,
  input: ScheduleInput,
  keyHeader?: string | string[],
): Promise<HearingView> {
  scopeFilter(actor, 'hearings.schedule');
  const key = idempotencyKeyFrom(keyHeader, false);
  const now = ctx.clock.now();
  const { row: kase } = await caseInScope(ctx, actor, 'hearings.schedule', input.caseId);
  if (!key) {
    const { body, outboxIds } = await ctx.db.transaction((tx) => scheduleIn(tx, actor, kase, input, now));
    await dispatchMessages(ctx, outboxIds);
    return body;
  }
  let outbox: number[] = [];
  const answer = await runIdempotentInTransaction(
    ctx,
    {
      userId: actor.userId,
      key,
      operation: 'hearings.schedule',
      request: { ...input, date: input.date.iso },
    },
    async (tx) => {
      const { body, outboxIds } = await scheduleIn(tx, actor, kase, input, now);
      outbox = outboxIds;
      return { status: 201, body };
    },
  );
  if (!answer.replayed) await dispatchMessages(ctx, outbox);
  return answer.body as HearingView;
}

/** The judge who presides or a clerk of the hearing's court: the only ones who move a hearing or its participants. */
export function conducts(actor: Actor, hearing: store.HearingRow): boolean {
  if (!can(actor, 'hearings.conduct', { courtId: hearing.courtId })) return false;
  return (
    hearing.judgeUserId === actor.userId ||
    actor.grants.some((g) => g.role === 'court_clerk' && g.scope.courtId === hearing.courtId)
  );
}

export async function transition(ctx: AppContext, actor: Actor, id: number, to: HearingTransition) {
  scopeFilter(actor, 'hearings.conduct');
  const now = ctx.clock.now();
  const first = await hearingFor(ctx.db, actor, id);
  if (!conducts(actor, first.found.hearing)) throw new AppError('forbidden');
  const next = nextHearingState(first.found.hearing.state, to);
  if (!next) throw new AppError('hearing_transition_not_allowed');

  // The minutes and attendance as they stand are printed before the state changes; the change
  // itself checks the state again under the row's lock, so a concurrent change wins cleanly.
  const pdf = hearingEnded(next) ? await minutesPdf(ctx, first.found, next as 'adjourned' | 'closed', now) : null;
  const storage = fileStorage(ctx.config);
  let storedKey: string | null = null;
  try {
    const { outboxIds, body } = await ctx.db.transaction(async (tx) => {
      const { found, participants, seat } = await hearingFor(tx, actor, id, true);
      const from = found.hearing.state;
      if (nextHearingState(from, to) !== next) throw new AppError('hearing_transition_not_allowed');
      let outboxIds: number[] = [];
      let minutesNoticeId: number | null = null;
      if (hearingEnded(next)) {
        await store.closeAttendance(tx, id, now);
        const kase = found.kase;
        const issued = await issueOnCase(
          tx,
          actor,
          kase,
          {
            kind: 'notification',
            title: 'صورتجلسهٔ جلسهٔ رسیدگی برخط',
            body: found.hearing.minutes.trim() || 'صورتجلسه متنی ندارد؛ فهرست حاضران پیوست است.',
            hearingAt: null,
          },
          now,
          { recipients: await store.participantContacts(tx, id), auditData: { hearingId: id, minutes: true } },
        );
        const notice = issued.notice;
        outboxIds = issued.outboxIds;
        minutesNoticeId = notice.id;
        if (pdf) {
          const stored = await storage.put(`notices/${notice.id}`, pdf.bytes);
          storedKey = stored.key;
          await notices.setDocument(tx, notice.id, {
            documentKey: stored.key,
            documentSha256: stored.sha256,
            documentFileName: `minutes-${kase.caseNumber.replace(/[^A-Za-z0-9-]/g, '-')}-${id}.pdf`,
            documentSizeBytes: stored.sizeBytes,
            documentPages: 1,
            documentAttachedBy: actor.userId,
            documentAttachedAt: now,
          });
        }
      }
      await store.updateHearing(tx, id, {
        state: next,
        ...(next === 'in_session' && !found.hearing.startedAt ? { startedAt: now } : {}),
        ...(hearingEnded(next) ? { endedAt: now, minutesNoticeId } : {}),
      });
      await recordAudit(tx, actor, {
        action: 'hearings.transition',
        entityType: 'hearing',
        entityId: id,
        provinceId: found.hearing.provinceId,
        data: {
          caseId: found.kase.id,
          transition: to,
          from,
          to: next,
          by: seat.kind,
          ...(minutesNoticeId != null
            ? { minutesNoticeId, minutesSha256: pdf?.sha256 ?? null, participants: participants.length }
            : {}),
        },
      });
      const updated = (await store.findHearing(tx, id))!;
      return { outboxIds, body: await view(tx, updated, seat) };
    });
    await dispatchMessages(ctx, outboxIds);
    hearingStateChanged(id, body.state);
    return body;
  } catch (error) {
    if (storedKey) await storage.remove(storedKey).catch(() => undefined);
    throw error;
  }
}

/** The minutes and attendance as a PDF, or null on a server that cannot print (the notice then carries the text alone). */
async function minutesPdf(ctx: AppContext, found: store.HearingWithCase, endState: 'adjourned' | 'closed', now: Date) {
  if (!pdfAvailable()) return null;
  const h = found.hearing;
  const [participants, attendance, judgeName] = await Promise.all([
    store.participantsOf(ctx.db, h.id),
    store.attendanceOf(ctx.db, h.id),
    store.userName(ctx.db, h.judgeUserId),
  ]);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const where = await officesAndOperators(ctx.db, participants);
  const bytes = await htmlToPdf(
    minutesHtml({
      caseNumber: found.kase.caseNumber,
      subject: found.kase.subject,
      courtName: found.court.nameFa,
      branch: found.kase.branch,
      judgeName,
      startsAt: h.startsAt,
      startedAt: h.startedAt,
      endedAt: now,
      endState,
      minutes: h.minutes,
      attendance: attendance.map(({ a, firstName, lastName }) => {
        const p = a.participantId != null ? byId.get(a.participantId) : undefined;
        return {
          name: p?.name ?? `${firstName} ${lastName}`,
          role: p?.role ?? (a.userId === h.judgeUserId ? 'judge' : 'clerk'),
          mode: p?.mode ?? 'court',
          officeName: p ? (where.office(p)?.name.fa ?? null) : null,
          checkedInBy: p ? (where.checkIn(p)?.by.name ?? null) : null,
          joinedAt: a.joinedAt,
          leftAt: a.leftAt ?? now,
        };
      }),
    }),
    { format: 'A4' },
  );
  return { bytes, sha256: sha256Hex(bytes) };
}

export async function saveMinutes(ctx: AppContext, actor: Actor, id: number, text: string) {
  scopeFilter(actor, 'hearings.minutes');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { found, seat } = await hearingFor(tx, actor, id, true);
    if (seat.kind !== 'clerk' || !can(actor, 'hearings.minutes', { courtId: found.hearing.courtId }))
      throw new AppError('forbidden');
    if (hearingEnded(found.hearing.state)) throw new AppError('hearing_ended');
    await store.updateHearing(tx, id, { minutes: text, minutesUpdatedAt: now, minutesUpdatedBy: actor.userId });
    return { minutesUpdatedAt: now.toISOString() };
  });
}

/** The judges of the case's court, for the clerk to choose who presides. */
export async function listJudges(ctx: AppContext, actor: Actor, caseId: number) {
  scopeFilter(actor, 'hearings.schedule');
  const { row: kase } = await caseInScope(ctx, actor, 'hearings.schedule', caseId);
  const rows = await store.judgesOfCourt(ctx.db, kase.courtId);
  return { items: rows.map((r) => ({ userId: r.userId, name: `${r.firstName} ${r.lastName}` })) };
}
