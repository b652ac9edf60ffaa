/**
 * The offices' people: the operator registry, employment contracts and social-security insurance,
 * training (courses, sessions, attendance), exams over a question bank, and activity licences.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import {
  ATTEMPT_STATUSES,
  CONTRACT_TYPES,
  COURSE_KINDS,
  EDUCATION_LEVELS,
  ENROLMENT_STATUSES,
  LICENCE_EVENT_KINDS,
  LICENCE_STATUSES,
} from './values';

/** What the registry knows about a staff member beyond their account: education, photo, insurance number. */
export const operatorProfiles = pgTable('operator_profiles', {
  userId: bigint('user_id', { mode: 'number' })
    .primaryKey()
    .references(() => users.id),
  educationLevel: text('education_level', { enum: EDUCATION_LEVELS }),
  educationField: text('education_field'),
  /** The social-security (تأمین اجتماعی) insurance number: 10 digits. */
  insuranceNumber: text('insurance_number'),
  /** The stored photo's key in file storage, and its content type. */
  photoKey: text('photo_key'),
  photoType: text('photo_type'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * An employment contract between an office and a staff member. Contracts of one person never
 * overlap at one office, and a full-time contract excludes any other contract elsewhere in the
 * same period.
 */
export const employmentContracts = pgTable(
  'employment_contracts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    provinceId: smallint('province_id').notNull(),
    type: text('type', { enum: CONTRACT_TYPES }).notNull(),
    fullTime: boolean('full_time').notNull(),
    weeklyHours: smallint('weekly_hours').notNull(),
    monthlyWageRials: bigint('monthly_wage_rials', { mode: 'number' }).notNull(),
    startsOn: date('starts_on').notNull(),
    /** The agreed end (null for a permanent contract). */
    endsOn: date('ends_on'),
    /** An early end, with its reason: the turnover statistics count these. */
    terminatedOn: date('terminated_on'),
    terminationReason: text('termination_reason'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('employment_contracts_user_idx').on(t.userId, t.startsOn),
    index('employment_contracts_office_idx').on(t.officeId, t.startsOn),
    index('employment_contracts_province_idx').on(t.provinceId),
  ],
);

/** A period of social-security insurance coverage paid by an office for a staff member. */
export const insurancePeriods = pgTable(
  'insurance_periods',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    provinceId: smallint('province_id').notNull(),
    insuranceNumber: text('insurance_number').notNull(),
    startsOn: date('starts_on').notNull(),
    /** Null while the coverage runs. */
    endsOn: date('ends_on'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('insurance_periods_user_idx').on(t.userId, t.startsOn),
    index('insurance_periods_office_idx').on(t.officeId),
  ],
);

/**
 * A training course: the general judicial e-services course, one per competency (e.g. arbitration
 * clerk), or continuing education. `serviceCodes` are the competencies passing it qualifies for.
 */
export const courses = pgTable('courses', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  kind: text('kind', { enum: COURSE_KINDS }).notNull(),
  serviceCodes: jsonb('service_codes').$type<string[]>().notNull().default([]),
  hours: smallint('hours').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdBy: bigint('created_by', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** A scheduled run of a course, in a province (or online), with a capacity. */
export const courseSessions = pgTable(
  'course_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    /** Null for a national (online) session. */
    provinceId: smallint('province_id'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    capacity: smallint('capacity').notNull(),
    location: text('location').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('course_sessions_course_idx').on(t.courseId, t.startsOn)],
);

/** A staff member's place in a session, and whether (and how many hours) they attended. */
export const sessionEnrolments = pgTable(
  'session_enrolments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull().default('enrolled'),
    attendedHours: smallint('attended_hours').notNull().default(0),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('session_enrolments_key').on(t.sessionId, t.userId),
    index('session_enrolments_user_idx').on(t.userId),
  ],
);

/** A multiple-choice question of a course's bank. */
export const examQuestions = pgTable(
  'exam_questions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    textFa: text('text_fa').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    correctIndex: smallint('correct_index').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('exam_questions_course_idx').on(t.courseId)],
);

/** A timed exam of a course: how many questions are drawn, the time allowed, the pass mark, the attempts allowed. */
export const exams = pgTable(
  'exams',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    titleFa: text('title_fa').notNull(),
    questionCount: smallint('question_count').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    passPercent: smallint('pass_percent').notNull(),
    maxAttempts: smallint('max_attempts').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('exams_course_idx').on(t.courseId)],
);

/**
 * One sitting of an exam: the questions drawn at random when it starts, the deadline, the answers
 * and the automatic grade. An answer sheet arriving after the deadline is refused and the attempt
 * is counted as expired.
 */
export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    examId: integer('exam_id')
      .notNull()
      .references(() => exams.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    attemptNumber: smallint('attempt_number').notNull(),
    questionIds: jsonb('question_ids').$type<number[]>().notNull(),
    /** The chosen option per question id (absent: unanswered). */
    answers: jsonb('answers').$type<Record<string, number>>(),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('in-progress'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().default(sql`now()`),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    scorePercent: smallint('score_percent'),
    passed: boolean('passed'),
  },
  (t) => [
    uniqueIndex('exam_attempts_key').on(t.examId, t.userId, t.attemptNumber),
    index('exam_attempts_user_idx').on(t.userId),
  ],
);

/**
 * An activity licence (پروانهٔ فعالیت): lets one person perform the named services at an office,
 * from its issue date until it expires; renewed with continuing-education hours; suspended or
 * revoked with a reason. Checked on every service action.
 */
export const activityLicences = pgTable(
  'activity_licences',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull().unique(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    provinceId: smallint('province_id').notNull(),
    serviceCodes: jsonb('service_codes').$type<string[]>().notNull(),
    status: text('status', { enum: LICENCE_STATUSES }).notNull().default('active'),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    /** The reason of the current suspension or revocation, and the day a suspension ends (null: until lifted). */
    statusReason: text('status_reason'),
    suspendedUntil: date('suspended_until'),
    /** The expiry reminder already sent for the current expiry date (so the job sends it once). */
    reminderSentFor: date('reminder_sent_for'),
    issuedBy: bigint('issued_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('activity_licences_user_idx').on(t.userId, t.status),
    index('activity_licences_office_idx').on(t.officeId),
    index('activity_licences_expiry_idx').on(t.status, t.expiresOn),
  ],
);

/** The history of a licence: every decision on it, with who took it and why. */
export const licenceEvents = pgTable(
  'licence_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    licenceId: bigint('licence_id', { mode: 'number' })
      .notNull()
      .references(() => activityLicences.id),
    kind: text('kind', { enum: LICENCE_EVENT_KINDS }).notNull(),
    reason: text('reason'),
    data: jsonb('data'),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('licence_events_licence_idx').on(t.licenceId)],
);

/**
 * The employment alerts already told to an office's managers by SMS, one row per alert (its
 * deterministic key names the kind, the record and the date it concerns), so the daily job tells
 * each alert once.
 */
export const employmentAlertNotices = pgTable('employment_alert_notices', {
  key: text('key').primaryKey(),
  officeId: integer('office_id')
    .notNull()
    .references(() => offices.id),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().default(sql`now()`),
});
