/** Queries of training: courses, sessions with their places taken, enrolments and the staff they belong to. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from '#server/modules/catalog/tables';
import { courses, courseSessions, sessionEnrolments } from '#server/modules/operators/tables';

export type CourseRow = typeof courses.$inferSelect & { bankSize: number };
type SessionRow = typeof courseSessions.$inferSelect;
export type EnrolmentRow = typeof sessionEnrolments.$inferSelect;

// Correlated subqueries name the outer table explicitly: an interpolated column would render unqualified and bind to the inner table.
const bankSize = sql<number>`(select count(*)::int from exam_questions q where q.course_id = "courses"."id" and q.active)`;

export async function listCourses(db: Executor, includeInactive: boolean): Promise<CourseRow[]> {
  const q = db.select({ course: courses, bankSize }).from(courses);
  const rows = await (includeInactive ? q : q.where(eq(courses.active, true))).orderBy(asc(courses.code));
  return rows.map((r) => ({ ...r.course, bankSize: Number(r.bankSize) }));
}

export async function findCourse(db: Executor, id: number): Promise<CourseRow | null> {
  const [row] = await db.select({ course: courses, bankSize }).from(courses).where(eq(courses.id, id));
  return row ? { ...row.course, bankSize: Number(row.bankSize) } : null;
}

export async function courseByCode(db: Executor, code: string) {
  const [row] = await db.select({ id: courses.id }).from(courses).where(eq(courses.code, code));
  return row ?? null;
}

export async function insertCourse(tx: Executor, values: typeof courses.$inferInsert) {
  const [row] = await tx.insert(courses).values(values).returning({ id: courses.id });
  return row.id;
}

/** The first active course (by id) that qualifies for this service, if any. */
export async function activeCourseCovering(db: Executor, serviceCode: string): Promise<number | null> {
  const [row] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.active, true), sql`${courses.serviceCodes} @> jsonb_build_array(${serviceCode}::text)`))
    .orderBy(asc(courses.id))
    .limit(1);
  return row?.id ?? null;
}

export async function updateCourse(tx: Executor, id: number, set: Partial<typeof courses.$inferInsert>) {
  await tx.update(courses).set(set).where(eq(courses.id, id));
}

/** The catalog services among `codes`, with where they are offered. */
export async function servicesByCode(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: catalogServices.code, channels: catalogServices.channels, active: catalogServices.active })
    .from(catalogServices)
    .where(sql`${catalogServices.code} in ${codes}`);
}

export interface SessionView extends SessionRow {
  courseCode: string;
  courseTitleFa: string;
  courseTitleEn: string;
  courseHours: number;
  courseKind: CourseRow['kind'];
  taken: number;
  myStatus: EnrolmentRow['status'] | null;
}

const taken = sql<number>`(select count(*)::int from session_enrolments e where e.session_id = "course_sessions"."id" and e.status <> 'cancelled')`;

function sessionQuery(db: Executor, viewerId: number) {
  return db
    .select({
      session: courseSessions,
      courseCode: courses.code,
      courseTitleFa: courses.titleFa,
      courseTitleEn: courses.titleEn,
      courseHours: courses.hours,
      courseKind: courses.kind,
      taken,
      myStatus: sql<
        EnrolmentRow['status'] | null
      >`(select e.status from session_enrolments e where e.session_id = "course_sessions"."id" and e.user_id = ${viewerId})`,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId));
}

type SessionQueryRow = Awaited<ReturnType<typeof sessionQuery>>[number];
const toView = (r: SessionQueryRow): SessionView => ({
  ...r.session,
  courseCode: r.courseCode,
  courseTitleFa: r.courseTitleFa,
  courseTitleEn: r.courseTitleEn,
  courseHours: r.courseHours,
  courseKind: r.courseKind,
  taken: Number(r.taken),
  myStatus: r.myStatus ?? null,
});

export async function listSessions(
  db: Executor,
  viewerId: number,
  f: { courseId?: number; provinceId?: number; fromDay?: string },
): Promise<SessionView[]> {
  const conditions = [
    f.courseId ? eq(courseSessions.courseId, f.courseId) : undefined,
    // A province's staff also see the national (online) sessions.
    f.provinceId
      ? sql`(${courseSessions.provinceId} = ${f.provinceId} or ${courseSessions.provinceId} is null)`
      : undefined,
    f.fromDay ? sql`${courseSessions.startsOn} > ${f.fromDay}::date` : undefined,
  ].filter((c) => c !== undefined);
  const rows = await sessionQuery(db, viewerId)
    .where(and(...conditions))
    .orderBy(asc(courseSessions.startsOn), asc(courseSessions.id))
    .limit(500);
  return rows.map(toView);
}

export async function findSession(db: Executor, id: number, viewerId: number): Promise<SessionView | null> {
  const [row] = await sessionQuery(db, viewerId).where(eq(courseSessions.id, id));
  return row ? toView(row) : null;
}

/** Locks the session row: enrolments and cancellations of one session take their places one at a time. */
export async function lockSession(tx: Executor, id: number) {
  const [row] = await tx.select().from(courseSessions).where(eq(courseSessions.id, id)).for('update');
  return row ?? null;
}

export async function insertSession(tx: Executor, values: typeof courseSessions.$inferInsert) {
  const [row] = await tx.insert(courseSessions).values(values).returning({ id: courseSessions.id });
  return row.id;
}

export async function placesTaken(tx: Executor, sessionId: number): Promise<number> {
  const rows = await tx.execute(
    sql`select count(*)::int as n from session_enrolments where session_id = ${sessionId} and status <> 'cancelled'`,
  );
  return Number((rows.rows[0] as { n: number }).n);
}

export async function findEnrolment(tx: Executor, sessionId: number, userId: number): Promise<EnrolmentRow | null> {
  const [row] = await tx
    .select()
    .from(sessionEnrolments)
    .where(and(eq(sessionEnrolments.sessionId, sessionId), eq(sessionEnrolments.userId, userId)));
  return row ?? null;
}

export async function enrol(tx: Executor, sessionId: number, userId: number, recordedBy: number) {
  await tx
    .insert(sessionEnrolments)
    .values({ sessionId, userId, recordedBy, status: 'enrolled' })
    .onConflictDoUpdate({
      target: [sessionEnrolments.sessionId, sessionEnrolments.userId],
      set: { status: 'enrolled', attendedHours: 0, recordedBy },
    });
}

export async function setEnrolment(
  tx: Executor,
  sessionId: number,
  userId: number,
  set: Partial<typeof sessionEnrolments.$inferInsert>,
) {
  await tx
    .update(sessionEnrolments)
    .set(set)
    .where(and(eq(sessionEnrolments.sessionId, sessionId), eq(sessionEnrolments.userId, userId)));
}

/** Where a staff member works: their first office grant as operator, manager or consultant (null: not office staff). */
export interface StaffPlace {
  userId: number;
  firstName: string;
  lastName: string;
  username: string | null;
  officeId: number;
  officeCode: string;
  provinceId: number;
}

export async function staffPlace(db: Executor, userId: number): Promise<StaffPlace | null> {
  const rows = await db.execute(sql`
    select u.id::int as "userId", u.first_name as "firstName", u.last_name as "lastName", u.username,
      g.office_id as "officeId", o.code as "officeCode", o.province_id as "provinceId"
    from users u join role_grants g on g.user_id = u.id join offices o on o.id = g.office_id
    where u.id = ${userId} and u.kind = 'staff' and not u.disabled and g.scope_kind = 'office'
      and g.role in ('operator', 'office_manager', 'consultant')
    order by g.id limit 1`);
  return (rows.rows[0] as unknown as StaffPlace | undefined) ?? null;
}

export interface EnrolmentView extends StaffPlace {
  status: EnrolmentRow['status'];
  attendedHours: number;
}

/** A session's enrolments with each person's office (null when they no longer hold an office role). */
export async function enrolmentsOf(
  db: Executor,
  sessionId: number,
): Promise<
  (Omit<EnrolmentView, 'officeId' | 'officeCode' | 'provinceId'> & {
    officeId: number | null;
    officeCode: string | null;
    provinceId: number | null;
  })[]
> {
  const rows = await db.execute(sql`
    select u.id::int as "userId", u.first_name as "firstName", u.last_name as "lastName", u.username,
      e.status, e.attended_hours as "attendedHours", p.office_id as "officeId", p.code as "officeCode", p.province_id as "provinceId"
    from session_enrolments e join users u on u.id = e.user_id
    left join lateral (
      select g.office_id, o.code, o.province_id from role_grants g join offices o on o.id = g.office_id
      where g.user_id = u.id and g.scope_kind = 'office' and g.role in ('operator', 'office_manager', 'consultant') order by g.id limit 1
    ) p on true
    where e.session_id = ${sessionId}
    order by u.last_name, u.first_name, u.id`);
  return rows.rows as never;
}

/** A person's enrolments, newest session first. */
export async function enrolmentsOfUser(db: Executor, userId: number) {
  const rows = await db.execute(sql`
    select s.id as "sessionId", c.code as "courseCode", c.title_fa as "courseTitleFa", c.title_en as "courseTitleEn",
      to_char(s.starts_on, 'YYYY-MM-DD') as "startsOn", e.status, e.attended_hours as "attendedHours"
    from session_enrolments e join course_sessions s on s.id = e.session_id join courses c on c.id = s.course_id
    where e.user_id = ${userId} order by s.starts_on desc, s.id desc limit 200`);
  return rows.rows as {
    sessionId: number;
    courseCode: string;
    courseTitleFa: string;
    courseTitleEn: string;
    startsOn: string;
    status: EnrolmentRow['status'];
    attendedHours: number;
  }[];
}
