/** Request and response shapes of training: the course catalog, sessions, enrolment and attendance, shared with the web. */
import { z } from 'zod';
import { idField, idParam, jalaliDateField, queryInt } from '#server/platform/http/fields';
import { COURSE_KINDS, ENROLMENT_STATUSES } from '#server/modules/operators/values';

export const enrolmentParams = z.object({ id: idParam, userId: idParam });

const text = (max: number) => z.string().trim().min(1).max(max);

export const courseBody = z
  .object({
    /** A short catalog code, e.g. GEN-101. */
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/),
    titleFa: text(200),
    titleEn: text(200),
    kind: z.enum(COURSE_KINDS),
    /** Catalog services offered at offices that passing the course qualifies for. */
    serviceCodes: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
    hours: z.number().int().min(1).max(200),
    description: z.string().trim().max(4000).nullish(),
    active: z.boolean().default(true),
  })
  .strict();
export type CourseInput = z.output<typeof courseBody>;

export const courseSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    kind: z.enum(COURSE_KINDS),
    serviceCodes: z.array(z.string()),
    hours: z.number().int(),
    description: z.string().nullable(),
    active: z.boolean(),
    /** Active questions in the course's bank. */
    bankSize: z.number().int(),
  })
  .meta({ id: 'Course' });
export const courseListResponse = z.object({ items: z.array(courseSchema) });
export const courseListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const sessionBody = z
  .object({
    courseId: idField,
    /** Null or absent: a national (online) session. */
    provinceId: z.number().int().min(1).max(100).nullish(),
    startsOn: jalaliDateField,
    endsOn: jalaliDateField,
    capacity: z.number().int().min(1).max(500),
    location: text(300),
  })
  .strict();
export type SessionInput = z.output<typeof sessionBody>;

export const sessionListQuery = z.object({
  courseId: idParam.optional(),
  provinceId: queryInt(1, 100).optional(),
  /** Only sessions that have not started yet. */
  upcoming: z.enum(['true', 'false']).optional(),
});
export type SessionListQuery = z.output<typeof sessionListQuery>;

export const sessionSchema = z
  .object({
    id: z.number().int(),
    course: z.object({
      id: z.number().int(),
      code: z.string(),
      titleFa: z.string(),
      titleEn: z.string(),
      hours: z.number().int(),
      kind: z.enum(COURSE_KINDS),
    }),
    provinceId: z.number().int().nullable(),
    /** ISO days and the same days in Jalali. */
    startsOn: z.string(),
    startsOnJalali: z.string(),
    endsOn: z.string(),
    endsOnJalali: z.string(),
    capacity: z.number().int(),
    /** Places taken (enrolled, attended or absent; cancelled ones free their place). */
    enrolled: z.number().int(),
    seatsLeft: z.number().int(),
    location: z.string(),
    started: z.boolean(),
    /** The caller's own enrolment status in the session, if any. */
    myStatus: z.enum(ENROLMENT_STATUSES).nullable(),
  })
  .meta({ id: 'CourseSession' });
export const sessionListResponse = z.object({ items: z.array(sessionSchema) });

const enrolmentSchema = z
  .object({
    userId: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    username: z.string().nullable(),
    officeId: z.number().int().nullable(),
    officeCode: z.string().nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    attendedHours: z.number().int(),
  })
  .meta({ id: 'SessionEnrolment' });
export const sessionDetailResponse = z.object({
  session: sessionSchema,
  /** The enrolments the caller may see: their own, their office's staff (managers), their province's (association). */
  enrolments: z.array(enrolmentSchema),
});

export const enrolBody = z.object({ userId: idField.optional() }).strict();
export const enrolmentResponse = z.object({ enrolment: enrolmentSchema });

export const attendanceBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            userId: idField,
            status: z.enum(['attended', 'absent']),
            hours: z.number().int().min(0).max(200),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type AttendanceInput = z.output<typeof attendanceBody>;

export const myTrainingResponse = z.object({
  /** Continuing-education hours attended in sessions that ended in the last twelve months. */
  continuingHours: z.number().int(),
  continuingSinceJalali: z.string(),
  enrolments: z.array(
    z.object({
      sessionId: z.number().int(),
      courseCode: z.string(),
      courseTitleFa: z.string(),
      courseTitleEn: z.string(),
      startsOn: z.string(),
      startsOnJalali: z.string(),
      status: z.enum(ENROLMENT_STATUSES),
      attendedHours: z.number().int(),
    }),
  ),
  qualifications: z.array(
    z.object({
      courseId: z.number().int(),
      code: z.string(),
      titleFa: z.string(),
      attended: z.boolean(),
      hasExam: z.boolean(),
      examPassed: z.boolean(),
      qualified: z.boolean(),
    }),
  ),
});
