/**
 * Training: the national course catalog (kept by the national association), sessions run by a
 * province's association (or nationally online), enrolment with a capacity, and attendance with
 * the hours that count towards continuing education. Each use case takes the actor first and
 * checks access before it reads anything.
 */
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import type { Actor, ResourceScope } from '#server/platform/auth/actor';
import { authorize, can, covers, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { continuingEducationHours, qualificationsOf } from './qualifications';
import type { AttendanceInput, CourseInput, SessionInput, SessionListQuery } from './schemas';
import * as store from './store';

/** The course catalog and national sessions belong to the whole country: only a nation-scoped grant covers them. */
export const NATIONAL: ResourceScope = {};
const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

function toCourse(c: store.CourseRow) {
  return {
    id: c.id,
    code: c.code,
    titleFa: c.titleFa,
    titleEn: c.titleEn,
    kind: c.kind,
    serviceCodes: c.serviceCodes,
    hours: c.hours,
    description: c.description,
    active: c.active,
    bankSize: c.bankSize,
  };
}

function toSession(s: store.SessionView, today: string) {
  return {
    id: s.id,
    course: {
      id: s.courseId,
      code: s.courseCode,
      titleFa: s.courseTitleFa,
      titleEn: s.courseTitleEn,
      hours: s.courseHours,
      kind: s.courseKind,
    },
    provinceId: s.provinceId,
    startsOn: s.startsOn,
    startsOnJalali: jalali(s.startsOn),
    endsOn: s.endsOn,
    endsOnJalali: jalali(s.endsOn),
    capacity: s.capacity,
    enrolled: s.taken,
    seatsLeft: Math.max(0, s.capacity - s.taken),
    location: s.location,
    started: s.startsOn <= today,
    myStatus: s.myStatus,
  };
}

// ---- Courses ----

export async function listCourses(ctx: AppContext, actor: Actor, q: { includeInactive?: 'true' | 'false' }) {
  scopeFilter(actor, 'training.read');
  // Inactive courses are the catalog keepers' business; everyone else sees what can be taken.
  const includeInactive = q.includeInactive === 'true' && can(actor, 'training.manage', NATIONAL);
  return { items: (await store.listCourses(ctx.db, includeInactive)).map(toCourse) };
}

/** Course services must exist in the catalog and be offered at offices (an online-only service needs no office training). */
async function checkServiceCodes(ctx: AppContext, codes: string[]) {
  const unique = [...new Set(codes)];
  const found = new Map((await store.servicesByCode(ctx.db, unique)).map((s) => [s.code, s]));
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    const service = found.get(code);
    if (!service?.active) errors.push(fieldError(`serviceCodes.${i}`, 'unknown_service'));
    else if (service.channels === 'online') errors.push(fieldError(`serviceCodes.${i}`, 'service_not_at_offices'));
  });
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  return unique;
}

export async function createCourse(ctx: AppContext, actor: Actor, input: CourseInput) {
  authorize(actor, 'training.manage', NATIONAL);
  const serviceCodes = await checkServiceCodes(ctx, input.serviceCodes);
  if (await store.courseByCode(ctx.db, input.code)) throw invalidField('code', 'duplicate_code');
  const id = await ctx.db.transaction(async (tx) => {
    const courseId = await store.insertCourse(tx, {
      ...input,
      serviceCodes,
      description: input.description ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'training.course.create',
      entityType: 'course',
      entityId: courseId,
      data: { code: input.code, kind: input.kind, serviceCodes, hours: input.hours },
    });
    return courseId;
  });
  return toCourse((await store.findCourse(ctx.db, id))!);
}

/** Hours of a course made for a service at its approval, until the national association sets its own. */
const APPROVED_SERVICE_COURSE_HOURS = 8;

/**
 * The course operators need for a service approved from a proposal (docs/decisions/0076), in the
 * caller's transaction: the active course that already qualifies for it, or else a new competency
 * course of that code, titled after the service, described by what the proposal asked operators to
 * learn, audited as any course created. The caller has authorized the decision that needs it (the
 * regulator's approval); the national association keeps the course from then on (hours, question
 * bank, sessions). A code already taken by another course is refused, so nothing of the approval is
 * written.
 */
export async function courseForApprovedService(
  tx: Executor,
  actor: Actor,
  input: { code: string; serviceCode: string; titleFa: string; titleEn: string; description: string },
): Promise<{ id: number; created: boolean }> {
  const existing = await store.activeCourseCovering(tx, input.serviceCode);
  if (existing != null) return { id: existing, created: false };
  if (await store.courseByCode(tx, input.code))
    throw new AppError('proposal_course_code_taken', { extra: { courseCode: input.code } });
  const values = {
    code: input.code,
    titleFa: `دورهٔ ${input.titleFa}`,
    titleEn: `${input.titleEn} course`,
    kind: 'competency' as const,
    serviceCodes: [input.serviceCode],
    hours: APPROVED_SERVICE_COURSE_HOURS,
    description: input.description,
  };
  const id = await store.insertCourse(tx, { ...values, createdBy: actor.userId });
  await recordAudit(tx, actor, {
    action: 'training.course.create',
    entityType: 'course',
    entityId: id,
    data: { code: values.code, kind: values.kind, serviceCodes: values.serviceCodes, hours: values.hours },
  });
  return { id, created: true };
}

/** A course as the proposal's decision shows it. */
export async function courseSummary(db: Executor, id: number) {
  const c = await store.findCourse(db, id);
  return c && { id: c.id, code: c.code, title: { fa: c.titleFa, en: c.titleEn }, hours: c.hours, active: c.active };
}

export async function updateCourse(ctx: AppContext, actor: Actor, id: number, input: CourseInput) {
  authorize(actor, 'training.manage', NATIONAL);
  const current = await store.findCourse(ctx.db, id);
  if (!current) throw new AppError('not_found');
  const serviceCodes = await checkServiceCodes(ctx, input.serviceCodes);
  const other = await store.courseByCode(ctx.db, input.code);
  if (other && other.id !== id) throw invalidField('code', 'duplicate_code');
  await ctx.db.transaction(async (tx) => {
    await store.updateCourse(tx, id, { ...input, serviceCodes, description: input.description ?? null });
    await recordAudit(tx, actor, {
      action: 'training.course.update',
      entityType: 'course',
      entityId: id,
      data: {
        code: input.code,
        kind: input.kind,
        serviceCodes,
        hours: input.hours,
        active: input.active,
        previous: { serviceCodes: current.serviceCodes, hours: current.hours, active: current.active },
      },
    });
  });
  return toCourse((await store.findCourse(ctx.db, id))!);
}

// ---- Sessions ----

export async function listSessions(ctx: AppContext, actor: Actor, q: SessionListQuery) {
  scopeFilter(actor, 'training.read');
  const today = tehranIsoDate(ctx.clock.now());
  const rows = await store.listSessions(ctx.db, actor.userId, {
    courseId: q.courseId,
    provinceId: q.provinceId,
    fromDay: q.upcoming === 'true' ? today : undefined,
  });
  return { items: rows.map((s) => toSession(s, today)) };
}

/** Whose enrolments in a session the actor may see: their own, and those within their oversight. */
function mayseeEnrolment(
  actor: Actor,
  session: store.SessionView,
  e: { userId: number; officeId: number | null; provinceId: number | null },
) {
  if (e.userId === actor.userId) return true;
  if (can(actor, 'training.manage', session.provinceId == null ? NATIONAL : { provinceId: session.provinceId }))
    return true;
  return e.officeId != null && can(actor, 'exams.results', { officeId: e.officeId, provinceId: e.provinceId });
}

export async function getSession(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'training.read');
  const session = await store.findSession(ctx.db, id, actor.userId);
  if (!session) throw new AppError('not_found');
  const enrolments = (await store.enrolmentsOf(ctx.db, id)).filter((e) => mayseeEnrolment(actor, session, e));
  return {
    session: toSession(session, tehranIsoDate(ctx.clock.now())),
    enrolments: enrolments.map((e) => ({
      userId: e.userId,
      firstName: e.firstName,
      lastName: e.lastName,
      username: e.username,
      officeId: e.officeId,
      officeCode: e.officeCode,
      status: e.status,
      attendedHours: e.attendedHours,
    })),
  };
}

export async function createSession(ctx: AppContext, actor: Actor, input: SessionInput) {
  const provinceId = input.provinceId ?? null;
  // A province's association runs its own sessions; a national (online) one needs a national grant.
  authorize(actor, 'training.manage', provinceId == null ? NATIONAL : { provinceId });
  const course = await store.findCourse(ctx.db, input.courseId);
  if (!course?.active) throw invalidField('courseId', 'invalid_value');
  if (input.endsOn.iso < input.startsOn.iso) throw invalidField('endsOn', 'date_before_start');
  const id = await ctx.db.transaction(async (tx) => {
    const sessionId = await store.insertSession(tx, {
      courseId: course.id,
      provinceId,
      startsOn: input.startsOn.iso,
      endsOn: input.endsOn.iso,
      capacity: input.capacity,
      location: input.location,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'training.session.create',
      entityType: 'course-session',
      entityId: sessionId,
      provinceId,
      data: { courseId: course.id, startsOn: input.startsOn.iso, endsOn: input.endsOn.iso, capacity: input.capacity },
    });
    return sessionId;
  });
  return toSession((await store.findSession(ctx.db, id, actor.userId))!, tehranIsoDate(ctx.clock.now()));
}

// ---- Enrolment ----

/** Enrolling someone else: an office manager for their office's staff, an association admin within their province (or nation). */
function mayEnrolOthers(actor: Actor, place: store.StaffPlace) {
  const where = { officeId: place.officeId, provinceId: place.provinceId };
  return actor.grants.some(
    (g) => (g.role === 'office_manager' || g.role === 'association_admin') && covers(g, actor, where),
  );
}

async function enrollee(ctx: AppContext, actor: Actor, userId: number | undefined) {
  scopeFilter(actor, 'training.enrol');
  const self = userId == null || userId === actor.userId;
  const place = await store.staffPlace(ctx.db, userId ?? actor.userId);
  if (self) {
    if (!place) throw invalidField('userId', 'not_office_staff');
    authorize(actor, 'training.enrol', { officeId: place.officeId, provinceId: place.provinceId });
    return place;
  }
  if (!actor.grants.some((g) => g.role === 'office_manager' || g.role === 'association_admin'))
    throw new AppError('forbidden');
  if (!place) throw invalidField('userId', 'not_office_staff');
  if (!mayEnrolOthers(actor, place)) throw new AppError('forbidden');
  return place;
}

export async function enrol(ctx: AppContext, actor: Actor, sessionId: number, input: { userId?: number }) {
  const place = await enrollee(ctx, actor, input.userId);
  await ctx.db.transaction(async (tx) => {
    // The session row lock makes the capacity check and the insert one step: two last-place enrolments cannot both win.
    const session = await store.lockSession(tx, sessionId);
    if (!session) throw new AppError('not_found');
    if (session.startsOn <= tehranIsoDate(ctx.clock.now())) throw new AppError('session_started');
    const existing = await store.findEnrolment(tx, sessionId, place.userId);
    if (existing && existing.status !== 'cancelled') throw new AppError('already_enrolled');
    if ((await store.placesTaken(tx, sessionId)) >= session.capacity)
      throw new AppError('session_full', { extra: { capacity: session.capacity } });
    await store.enrol(tx, sessionId, place.userId, actor.userId);
  });
  return {
    enrolment: {
      userId: place.userId,
      firstName: place.firstName,
      lastName: place.lastName,
      username: place.username,
      officeId: place.officeId,
      officeCode: place.officeCode,
      status: 'enrolled' as const,
      attendedHours: 0,
    },
  };
}

export async function cancelEnrolment(ctx: AppContext, actor: Actor, sessionId: number, userId: number) {
  const place = await enrollee(ctx, actor, userId);
  await ctx.db.transaction(async (tx) => {
    const session = await store.lockSession(tx, sessionId);
    if (!session) throw new AppError('not_found');
    const existing = await store.findEnrolment(tx, sessionId, place.userId);
    if (!existing || existing.status === 'cancelled') throw new AppError('not_found');
    if (session.startsOn <= tehranIsoDate(ctx.clock.now())) throw new AppError('session_started');
    await store.setEnrolment(tx, sessionId, place.userId, { status: 'cancelled', recordedBy: actor.userId });
  });
}

// ---- Attendance ----

export async function recordAttendance(ctx: AppContext, actor: Actor, sessionId: number, input: AttendanceInput) {
  scopeFilter(actor, 'training.manage');
  const session = await store.findSession(ctx.db, sessionId, actor.userId);
  if (!session) throw new AppError('not_found');
  authorize(actor, 'training.manage', session.provinceId == null ? NATIONAL : { provinceId: session.provinceId });
  const enrolled = new Map(
    (await store.enrolmentsOf(ctx.db, sessionId)).filter((e) => e.status !== 'cancelled').map((e) => [e.userId, e]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  input.entries.forEach((entry, i) => {
    if (seen.has(entry.userId)) errors.push(fieldError(`entries.${i}.userId`, 'duplicate_entry'));
    else if (!enrolled.has(entry.userId)) errors.push(fieldError(`entries.${i}.userId`, 'not_enrolled'));
    seen.add(entry.userId);
    if (entry.hours > session.courseHours) errors.push(fieldError(`entries.${i}.hours`, 'too_big'));
  });
  if (errors.length)
    throw new AppError('validation_failed', { fields: errors, extra: { courseHours: session.courseHours } });
  await ctx.db.transaction(async (tx) => {
    for (const entry of input.entries) {
      // An absence earns no hours, whatever was typed.
      await store.setEnrolment(tx, sessionId, entry.userId, {
        status: entry.status,
        attendedHours: entry.status === 'attended' ? entry.hours : 0,
        recordedBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, {
      action: 'training.attendance',
      entityType: 'course-session',
      entityId: sessionId,
      provinceId: session.provinceId,
      data: {
        entries: input.entries.map((e) => ({
          userId: e.userId,
          status: e.status,
          hours: e.status === 'attended' ? e.hours : 0,
        })),
      },
    });
  });
  return getSession(ctx, actor, sessionId);
}

// ---- One's own training ----

/** Continuing education counts over the last twelve months (the licence renewal period). */
export async function myTraining(ctx: AppContext, actor: Actor) {
  const place = await store.staffPlace(ctx.db, actor.userId);
  if (!place) throw new AppError('forbidden');
  authorize(actor, 'exams.take', { officeId: place.officeId, provinceId: place.provinceId });
  const since = addDaysIso(tehranIsoDate(ctx.clock.now()), -365);
  const [continuingHours, enrolments, qualifications] = await Promise.all([
    continuingEducationHours(ctx.db, actor.userId, since),
    store.enrolmentsOfUser(ctx.db, actor.userId),
    qualificationsOf(ctx.db, actor.userId),
  ]);
  return {
    continuingHours,
    continuingSinceJalali: jalali(since),
    enrolments: enrolments.map((e) => ({
      ...e,
      sessionId: Number(e.sessionId),
      attendedHours: Number(e.attendedHours),
      startsOnJalali: jalali(e.startsOn),
    })),
    qualifications: qualifications.map(({ courseId, code, titleFa, attended, hasExam, examPassed, qualified }) => ({
      courseId,
      code,
      titleFa,
      attended,
      hasExam,
      examPassed,
      qualified,
    })),
  };
}
