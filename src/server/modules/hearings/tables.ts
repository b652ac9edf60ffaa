import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { HEARING_STATES, PARTICIPANT_STATES } from '#core/hearing-state';
import { cases } from '#server/modules/courts/tables';
import { ATTENDANCE_MODES, PARTICIPANT_ROLES } from './values';

/** A hearing of a case held by video (جلسهٔ دادرسی برخط), scheduled by the court's clerk. */
export const hearings = pgTable(
  'hearings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    courtId: integer('court_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    /** The judge who presides (a user holding the judge's role at the court). */
    judgeUserId: bigint('judge_user_id', { mode: 'number' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    state: text('state', { enum: HEARING_STATES }).notNull().default('scheduled'),
    /** The summons every participant received through the notices area. */
    noticeId: bigint('notice_id', { mode: 'number' }),
    minutes: text('minutes').notNull().default(''),
    minutesUpdatedAt: timestamp('minutes_updated_at', { withTimezone: true }),
    minutesUpdatedBy: bigint('minutes_updated_by', { mode: 'number' }),
    /** The notice that carries the minutes and attendance as a PDF to the case, once closed. */
    minutesNoticeId: bigint('minutes_notice_id', { mode: 'number' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    scheduledBy: bigint('scheduled_by', { mode: 'number' }).notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('hearings_court_idx').on(t.courtId, t.startsAt), index('hearings_case_idx').on(t.caseId)],
);

/** A person called to a hearing: a party, a lawyer, a witness or an interpreter, and where they attend from. */
export const hearingParticipants = pgTable(
  'hearing_participants',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    hearingId: bigint('hearing_id', { mode: 'number' })
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull(),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    mode: text('mode', { enum: ATTENDANCE_MODES }).notNull(),
    /** The office whose booth the participant attends from (mode `office`). */
    officeId: integer('office_id'),
    /** An interpreter's participant: whom they interpret for. */
    interpretsFor: bigint('interprets_for', { mode: 'number' }),
    state: text('state', { enum: PARTICIPANT_STATES }).notNull().default('invited'),
    /** Where they were when they dropped, to return there within the grace period. */
    stateBefore: text('state_before', { enum: PARTICIPANT_STATES }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** When the SMS reminders went out: the day before and an hour before (`#core/hearing-reminders`). */
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
    remindedHourAt: timestamp('reminded_hour_at', { withTimezone: true }),
    /** The booth they hold at their office, once booked (mode `office`). */
    boothNo: smallint('booth_no'),
    boothBookedBy: bigint('booth_booked_by', { mode: 'number' }),
    /** Checked in at the office: identity and the notice's code checked by this operator, admitted to the booth. */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: bigint('checked_in_by', { mode: 'number' }),
    /** The code printed on the participant's summons, asked for at the office's check-in. */
    checkInCode: text('check_in_code'),
  },
  (t) => [
    index('hearing_participants_office_idx').on(t.officeId),
    uniqueIndex('hearing_participants_key').on(t.hearingId, t.citizenId),
    index('hearing_participants_citizen_idx').on(t.citizenId),
  ],
);

/** Who was in the hearing room and when: one row per connection, the judge's and the clerk's included. */
export const hearingAttendance = pgTable(
  'hearing_attendance',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    hearingId: bigint('hearing_id', { mode: 'number' })
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    participantId: bigint('participant_id', { mode: 'number' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [index('hearing_attendance_hearing_idx').on(t.hearingId, t.joinedAt)],
);

/**
 * An office's check of a booth's device (camera, microphone, speaker, connection), made by its
 * operator or manager the day before the booth's hearings (`#core/hearing-booths`): every run kept,
 * the latest of a booth and day counting.
 */
export const hearingBoothChecks = pgTable(
  'hearing_booth_checks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id').notNull(),
    boothNo: smallint('booth_no').notNull(),
    /** The day (ISO, Tehran) the check was made. */
    day: date('day', { mode: 'string' }).notNull(),
    passed: boolean('passed').notNull(),
    camera: text('camera', { enum: ['ok', 'fail'] }).notNull(),
    microphone: text('microphone', { enum: ['ok', 'silent', 'fail'] }).notNull(),
    speaker: text('speaker', { enum: ['ok', 'fail'] }).notNull(),
    connection: text('connection', { enum: ['ok', 'slow', 'fail'] }).notNull(),
    /** The median signalling round trip measured, when the connection answered. */
    roundTripMs: integer('round_trip_ms'),
    checkedBy: bigint('checked_by', { mode: 'number' }).notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hearing_booth_checks_office_idx').on(t.officeId, t.day, t.boothNo)],
);
