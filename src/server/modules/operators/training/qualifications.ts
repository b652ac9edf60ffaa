/**
 * What a person's training qualifies them for: the courses they attended, whether they passed the
 * course's exam, and the services those courses cover. Licensing reads this to decide whether a
 * licence may be issued (required courses and exam passed) and renewed (continuing education).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';

export interface CourseQualification {
  courseId: number;
  code: string;
  titleFa: string;
  kind: 'general' | 'competency' | 'continuing';
  serviceCodes: string[];
  /** Attended at least one session of the course. */
  attended: boolean;
  /** Whether an active exam exists for the course, and whether the person passed one. */
  hasExam: boolean;
  examPassed: boolean;
  /** Attended and, if the course has an exam, passed it. */
  qualified: boolean;
}

/** Every active course with the person's standing in it. */
export async function qualificationsOf(db: Executor, userId: number): Promise<CourseQualification[]> {
  const rows = await db.execute(sql`
    select c.id as "courseId", c.code, c.title_fa as "titleFa", c.kind, c.service_codes as "serviceCodes",
      exists (select 1 from session_enrolments e join course_sessions s on s.id = e.session_id
              where s.course_id = c.id and e.user_id = ${userId} and e.status = 'attended') as attended,
      exists (select 1 from exams x where x.course_id = c.id and x.active) as "hasExam",
      exists (select 1 from exam_attempts a join exams x on x.id = a.exam_id
              where x.course_id = c.id and a.user_id = ${userId} and a.passed) as "examPassed"
    from courses c where c.active order by c.id`);
  return (rows.rows as Omit<CourseQualification, 'qualified'>[]).map((r) => ({
    ...r,
    qualified: r.attended && (!r.hasExam || r.examPassed),
  }));
}

/** Continuing-education hours attended in sessions that ended on or after `sinceIso` (YYYY-MM-DD). */
export async function continuingEducationHours(db: Executor, userId: number, sinceIso: string): Promise<number> {
  const rows = await db.execute(sql`
    select coalesce(sum(e.attended_hours), 0)::int as hours
    from session_enrolments e join course_sessions s on s.id = e.session_id join courses c on c.id = s.course_id
    where e.user_id = ${userId} and e.status = 'attended' and c.kind = 'continuing' and s.ends_on >= ${sinceIso}::date`);
  return (rows.rows[0] as { hours: number }).hours;
}
