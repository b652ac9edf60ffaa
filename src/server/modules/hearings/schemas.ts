/** Request and response shapes of the hearings area (shared with the web). */
import { z } from 'zod';
import { idField, idParam, jalaliDateField, localizedName, nationalIdField } from '#server/platform/http/fields';
import { timeField } from '#server/modules/notices/schemas';
import { ATTENDANCE_MODES, HEARING_STATES, HEARING_TRANSITIONS, PARTICIPANT_ROLES, PARTICIPANT_STATES } from './values';

const participantInput = z.strictObject({
  /** The participant's national ID: they hold a judicial e-account, where the summons arrives. */
  nationalId: nationalIdField,
  role: z.enum(PARTICIPANT_ROLES),
  mode: z.enum(ATTENDANCE_MODES),
  /** The office whose booth they attend from; required with mode `office`, refused otherwise. */
  officeId: idField.optional(),
  /** An interpreter: the national ID of the participant they interpret for. */
  interpretsFor: nationalIdField.optional(),
});

export const scheduleBody = z.strictObject({
  caseId: idField,
  /** The day (Jalali) and time (Tehran) the hearing starts. */
  date: jalaliDateField,
  time: timeField,
  durationMinutes: z.number().int().min(10).max(480),
  /** The presiding judge: a user holding the judge's role at the case's court. */
  judgeUserId: idField,
  participants: z.array(participantInput).min(1).max(12),
});
export type ScheduleInput = z.infer<typeof scheduleBody>;

export const scheduleHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

export const transitionBody = z.strictObject({ transition: z.enum(HEARING_TRANSITIONS) });
export const minutesBody = z.strictObject({ text: z.string().max(50_000) });

export const hearingsQuery = z.object({
  /** Only hearings of this state. */
  state: z.enum(HEARING_STATES).optional(),
});
export const hearingParams = z.object({ id: idParam });

const participantSchema = z.object({
  id: z.number().int(),
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  officeId: z.number().int().nullable(),
  interpretsFor: z.number().int().nullable(),
  state: z.enum(PARTICIPANT_STATES),
});

const attendanceSchema = z.object({
  name: z.string(),
  /** `judge`, `clerk`, or the participant's role. */
  role: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
});

export const hearingSchema = z
  .object({
    id: z.number().int(),
    state: z.enum(HEARING_STATES),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    case: z.object({
      id: z.number().int(),
      caseNumber: z.string(),
      subject: z.string(),
      branch: z.number().int(),
      court: z.object({ id: z.number().int(), name: localizedName }),
    }),
    judge: z.object({ userId: z.number().int(), name: z.string() }),
    participants: z.array(participantSchema),
    /** The summons issued to the participants. */
    noticeId: z.number().int().nullable(),
    /** The clerk's minutes; the participants read them once the hearing has ended. */
    minutes: z.string().nullable(),
    minutesUpdatedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    /** The notice carrying the minutes and attendance as a PDF (after closing). */
    minutesNoticeId: z.number().int().nullable(),
    attendance: z.array(attendanceSchema),
    /** What the caller is in this hearing: the judge, the clerk, or a participant. */
    you: z.object({ kind: z.enum(['judge', 'clerk', 'participant']), participantId: z.number().int().nullable() }),
  })
  .meta({ id: 'Hearing' });
export type HearingView = z.infer<typeof hearingSchema>;

const hearingItemSchema = z
  .object({
    id: z.number().int(),
    state: z.enum(HEARING_STATES),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    caseId: z.number().int(),
    caseNumber: z.string(),
    courtName: localizedName,
    participantCount: z.number().int(),
  })
  .meta({ id: 'HearingItem' });
export const hearingsResponse = z.object({ items: z.array(hearingItemSchema) });
