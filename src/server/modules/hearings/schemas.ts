/** Request and response shapes of the hearings area (shared with the web). */
import { z } from 'zod';
import { DEVICE_CHECKS } from '#core/hearing-booths';
import { toLatinDigits } from '#core/persian-digits';
import {
  idField,
  idParam,
  jalaliDateField,
  localizedName,
  nationalIdField,
  queryInt,
} from '#server/platform/http/fields';
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

const officeRef = z.object({ id: z.number().int(), code: z.string(), name: localizedName });

/** Checked in at the office: when, and by which operator. */
const checkInSchema = z.object({ at: z.string(), by: z.object({ userId: z.number().int(), name: z.string() }) });

/** An office's check of a booth's device: passed, or which checks failed; when, and by whom. */
export const boothCheckSchema = z.object({
  boothNo: z.number().int(),
  /** The day (ISO, Tehran) the check was made. */
  day: z.string(),
  passed: z.boolean(),
  failed: z.array(z.enum(DEVICE_CHECKS)),
  roundTripMs: z.number().int().nullable(),
  checkedAt: z.string(),
  by: z.object({ userId: z.number().int(), name: z.string() }),
});

const participantSchema = z.object({
  id: z.number().int(),
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  officeId: z.number().int().nullable(),
  /** The office and booth the participant attends from (mode `office`). */
  office: officeRef.nullable(),
  boothNo: z.number().int().nullable(),
  checkIn: checkInSchema.nullable(),
  /** For the court: the office's latest check of the participant's booth, made the day before the hearing or on the day. */
  boothCheck: boothCheckSchema.nullable(),
  interpretsFor: z.number().int().nullable(),
  state: z.enum(PARTICIPANT_STATES),
});

const attendanceSchema = z.object({
  name: z.string(),
  /** `judge`, `clerk`, or the participant's role. */
  role: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  /** For a participant at an office: the office, and who checked them in. */
  office: officeRef.nullable(),
  checkIn: checkInSchema.nullable(),
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
    you: z.object({
      kind: z.enum(['judge', 'clerk', 'participant']),
      participantId: z.number().int().nullable(),
      /** A participant's own check-in code, shown at the office with their national ID card. */
      checkInCode: z.string().nullable(),
    }),
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

export const judgesQuery = z.object({ caseId: idParam });
export const judgesResponse = z.object({
  items: z.array(z.object({ userId: z.number().int(), name: z.string() })),
});

/** A decimal degree from the query string; Persian digits and the Persian decimal separator are accepted. */
const degrees = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(toLatinDigits(v).replace('٫', '.')) : v),
    z.number().min(min).max(max),
  );

export const boothOfficesQuery = z.object({
  lat: degrees(-90, 90).optional().describe("The searcher's latitude (WGS 84); with `lon`"),
  lon: degrees(-180, 180).optional().describe("The searcher's longitude (WGS 84); with `lat`"),
});
export const boothOfficesResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: localizedName,
      address: z.string(),
      booths: z.number().int(),
      /** A booth is free for the whole of this hearing. */
      free: z.boolean(),
      /** From the searcher, when they gave where they are. */
      distanceKm: z.number().nullable(),
    }),
  ),
});

export const participantParams = z.object({ id: idParam, participantId: idParam });
export const bookBoothBody = z.strictObject({ officeId: idField });

export const boothCalendarParams = z.object({ id: idParam });
export const boothCalendarQuery = z.object({ date: jalaliDateField });
export const boothCalendarResponse = z.object({
  office: officeRef,
  /** ISO day (Tehran) the calendar is of. */
  date: z.string(),
  booths: z.number().int(),
  bookings: z.array(
    z.object({
      boothNo: z.number().int(),
      startsAt: z.string(),
      endsAt: z.string(),
      hearingId: z.number().int(),
      hearingState: z.enum(HEARING_STATES),
      caseNumber: z.string(),
      participantId: z.number().int(),
      name: z.string(),
      role: z.enum(PARTICIPANT_ROLES),
      checkIn: checkInSchema.nullable(),
    }),
  ),
  /** Each booth's latest check that speaks for this day (made the day before or on it); a booth not checked is absent. */
  checks: z.array(boothCheckSchema),
});

export const boothCheckParams = z.object({ id: idParam, boothNo: queryInt(1, 32_767) });
/** What each of the four checks of the booth's self-test ended as, and the round trip the connection measured. */
export const boothCheckBody = z.strictObject({
  camera: z.enum(['ok', 'fail']),
  microphone: z.enum(['ok', 'silent', 'fail']),
  speaker: z.enum(['ok', 'fail']),
  connection: z.enum(['ok', 'slow', 'fail']),
  roundTripMs: z.number().int().min(0).max(600_000).optional(),
});

export const checkInBody = z.strictObject({
  nationalId: nationalIdField,
  /** The six-digit code on the participant's summons; Persian digits accepted. */
  code: z
    .string()
    .trim()
    .transform((v) => toLatinDigits(v))
    .pipe(z.string().regex(/^\d{6}$/)),
});
export const checkInResponse = z.object({
  participantId: z.number().int(),
  name: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  boothNo: z.number().int(),
  checkIn: checkInSchema,
});
