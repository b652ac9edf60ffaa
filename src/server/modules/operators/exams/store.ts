/** Queries of the question bank, exams and attempts. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { orderClause } from '#server/db/order';
import type { Executor } from '#server/db/transaction';
import type { SortOrder } from '#server/platform/http/fields';
import { courses, examAttempts, examQuestions, exams } from '#server/modules/operators/tables';
import type { RESULT_SORTS } from './schemas';

export type QuestionRow = typeof examQuestions.$inferSelect;
export type ExamRow = typeof exams.$inferSelect;
export type AttemptRow = typeof examAttempts.$inferSelect;

// ---- The question bank ----

export async function questionsOfCourse(db: Executor, courseId: number, includeInactive: boolean) {
  const rows = await db.execute(sql`
    select q.id, q.course_id as "courseId", q.text_fa as "textFa", q.options, q.correct_index as "correctIndex", q.active,
      (select count(*)::int from exam_attempts a where a.question_ids @> to_jsonb(q.id)) as "timesDrawn"
    from exam_questions q where q.course_id = ${courseId} ${includeInactive ? sql`` : sql`and q.active`}
    order by q.id`);
  return rows.rows as unknown as (QuestionRow & { timesDrawn: number })[];
}

export async function activeQuestionIds(db: Executor, courseId: number): Promise<number[]> {
  const rows = await db
    .select({ id: examQuestions.id })
    .from(examQuestions)
    .where(and(eq(examQuestions.courseId, courseId), eq(examQuestions.active, true)))
    .orderBy(asc(examQuestions.id));
  return rows.map((r) => r.id);
}

export async function activeQuestionCount(db: Executor, courseId: number): Promise<number> {
  return (await activeQuestionIds(db, courseId)).length;
}

export async function findQuestion(db: Executor, id: number): Promise<QuestionRow | null> {
  const [row] = await db.select().from(examQuestions).where(eq(examQuestions.id, id));
  return row ?? null;
}

/** How many attempts drew the question. */
export async function timesDrawn(db: Executor, questionId: number): Promise<number> {
  const rows = await db.execute(
    sql`select count(*)::int as n from exam_attempts where question_ids @> to_jsonb(${questionId}::int)`,
  );
  return Number((rows.rows[0] as { n: number }).n);
}

export async function questionsByIds(db: Executor, ids: number[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(examQuestions).where(inArray(examQuestions.id, ids));
}

export async function insertQuestion(tx: Executor, values: typeof examQuestions.$inferInsert) {
  const [row] = await tx.insert(examQuestions).values(values).returning({ id: examQuestions.id });
  return row.id;
}

export async function updateQuestion(tx: Executor, id: number, set: Partial<typeof examQuestions.$inferInsert>) {
  await tx.update(examQuestions).set(set).where(eq(examQuestions.id, id));
}

// ---- Exams ----

export type ExamView = ExamRow & { courseCode: string; courseTitleFa: string; courseTitleEn: string };

function examQuery(db: Executor) {
  return db
    .select({ exam: exams, courseCode: courses.code, courseTitleFa: courses.titleFa, courseTitleEn: courses.titleEn })
    .from(exams)
    .innerJoin(courses, eq(courses.id, exams.courseId));
}
type ExamQueryRow = Awaited<ReturnType<typeof examQuery>>[number];
const toExamView = (r: ExamQueryRow): ExamView => ({
  ...r.exam,
  courseCode: r.courseCode,
  courseTitleFa: r.courseTitleFa,
  courseTitleEn: r.courseTitleEn,
});

export async function listExams(db: Executor, f: { courseId?: number; includeInactive: boolean }): Promise<ExamView[]> {
  const conditions = [
    f.courseId ? eq(exams.courseId, f.courseId) : undefined,
    f.includeInactive ? undefined : and(eq(exams.active, true), eq(courses.active, true)),
  ].filter((c) => c !== undefined);
  return (
    await examQuery(db)
      .where(and(...conditions))
      .orderBy(asc(courses.code), asc(exams.id))
  ).map(toExamView);
}

export async function findExam(db: Executor, id: number): Promise<ExamView | null> {
  const [row] = await examQuery(db).where(eq(exams.id, id));
  return row ? toExamView(row) : null;
}

export async function insertExam(tx: Executor, values: typeof exams.$inferInsert) {
  const [row] = await tx.insert(exams).values(values).returning({ id: exams.id });
  return row.id;
}

export async function updateExam(tx: Executor, id: number, set: Partial<typeof exams.$inferInsert>) {
  await tx.update(exams).set(set).where(eq(exams.id, id));
}

// ---- Attempts ----

/** Serialises starting attempts per person: a transaction-scoped advisory lock keyed by the user. */
const ATTEMPT_LOCK_CLASS = 724_030;

export async function lockAttemptsOf(tx: Executor, userId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK_CLASS}, ${userId}::int)`);
}

export async function attemptsOf(db: Executor, examId: number, userId: number): Promise<AttemptRow[]> {
  return db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.examId, examId), eq(examAttempts.userId, userId)))
    .orderBy(asc(examAttempts.attemptNumber));
}

/** Every attempt of one person, for their list of exams. */
export async function attemptsOfUser(db: Executor, userId: number): Promise<AttemptRow[]> {
  return db.select().from(examAttempts).where(eq(examAttempts.userId, userId)).orderBy(desc(examAttempts.id));
}

export async function findAttempt(db: Executor, id: number, forUpdate = false): Promise<AttemptRow | null> {
  const q = db.select().from(examAttempts).where(eq(examAttempts.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertAttempt(tx: Executor, values: typeof examAttempts.$inferInsert): Promise<AttemptRow> {
  const [row] = await tx.insert(examAttempts).values(values).returning();
  return row;
}

export async function updateAttempt(tx: Executor, id: number, set: Partial<typeof examAttempts.$inferInsert>) {
  await tx.update(examAttempts).set(set).where(eq(examAttempts.id, id));
}

/** Closes as expired the person's attempts whose time (with the grace) ran out unanswered by `now`. */
export async function expireOverdue(tx: Executor, userId: number, graceSeconds: number, now: Date) {
  await tx
    .update(examAttempts)
    .set({ status: 'expired' })
    .where(
      and(
        eq(examAttempts.userId, userId),
        eq(examAttempts.status, 'in-progress'),
        sql`${examAttempts.deadlineAt} + make_interval(secs => ${graceSeconds}) < ${now}::timestamptz`,
      ),
    );
}

interface ResultRow {
  attemptId: number;
  userId: number;
  firstName: string;
  lastName: string;
  username: string | null;
  officeId: number | null;
  officeCode: string | null;
  provinceId: number | null;
  attemptNumber: number;
  status: AttemptRow['status'];
  scorePercent: number | null;
  passed: boolean | null;
  startedAt: Date | string;
  deadlineAt: Date | string;
  submittedAt: Date | string | null;
}

/** An exam's attempts with each candidate's office, filtered to the offices and provinces given (all: no filter). */
export async function resultsOf(
  db: Executor,
  examId: number,
  f: { all: boolean; officeIds: number[]; provinceIds: number[] },
  page: { page: number; pageSize: number; sort?: SortOrder<(typeof RESULT_SORTS)[number]> },
) {
  const scope = f.all
    ? sql`true`
    : sql`(p.office_id = any(${`{${f.officeIds.join(',')}}`}::int[]) or p.province_id = any(${`{${f.provinceIds.join(',')}}`}::int[]))`;
  const from = sql`
    from exam_attempts a join users u on u.id = a.user_id
    left join lateral (
      select g.office_id, o.code, o.province_id from role_grants g join offices o on o.id = g.office_id
      where g.user_id = u.id and g.scope_kind = 'office' and g.role in ('operator', 'office_manager', 'consultant') order by g.id limit 1
    ) p on true
    where a.exam_id = ${examId} and ${scope}`;
  const rows = await db.execute(sql`
    select a.id::int as "attemptId", u.id::int as "userId", u.first_name as "firstName", u.last_name as "lastName", u.username,
      p.office_id as "officeId", p.code as "officeCode", p.province_id as "provinceId",
      a.attempt_number as "attemptNumber", a.status, a.score_percent as "scorePercent", a.passed, a.started_at as "startedAt", a.deadline_at as "deadlineAt", a.submitted_at as "submittedAt"
    ${from} order by ${orderClause(
      page.sort,
      {
        candidate: [sql`u.last_name`, sql`u.first_name`],
        office: sql`p.code`,
        attempt: sql`a.attempt_number`,
        score: sql`a.score_percent`,
        result: [sql`a.status`, sql`a.passed`],
        submittedAt: sql`a.submitted_at`,
      },
      sql`a.id`,
      [sql`a.started_at desc`, sql`a.id desc`],
    )} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const total = await db.execute(sql`select count(*)::int as n ${from}`);
  return { rows: rows.rows as unknown as ResultRow[], total: Number((total.rows[0] as { n: number }).n) };
}

export async function provinceOfOffice(db: Executor, officeId: number): Promise<number | null> {
  const rows = await db.execute(sql`select province_id as "provinceId" from offices where id = ${officeId}`);
  return (rows.rows[0] as { provinceId: number } | undefined)?.provinceId ?? null;
}
