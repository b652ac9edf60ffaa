/** Request and response shapes of the consultation area, shared with the web. */
import { z } from 'zod';
import { idParam, jalaliDateField, localizedName, queryInt } from '#server/platform/http/fields';
import {
  ATTENDANCE_OUTCOMES,
  BOOKING_STATUSES,
  CONSULTANT_KINDS,
  CONSULTATION_FIELDS,
  CONSULTATION_LANGUAGES,
  CONSULTATION_MODES,
  NEXT_STEPS,
} from './values';

const rials = z.number().int().min(0).max(100_000_000_000);
const time = z.string().max(5).meta({ example: '09:00' });
const weeklyPeriod = z.object({ day: z.number().int().min(0).max(6), opens: time, closes: time });

const sittingSchema = z
  .object({
    mode: z.enum(CONSULTATION_MODES),
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }).nullable(),
    room: z.number().int().nullable(),
    hours: z.array(weeklyPeriod),
  })
  .meta({ id: 'ConsultantSitting' });

/** What anyone sees of a bookable consultant. */
const consultantCardSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(CONSULTANT_KINDS),
    name: z.string(),
    fields: z.array(z.string()),
    languages: z.array(z.string()),
    feeRials: z.number().int(),
    sessionMinutes: z.number().int(),
    cutoffHours: z.number().int(),
    provinceId: z.number().int(),
    sittings: z.array(sittingSchema),
  })
  .meta({ id: 'ConsultantCard' });

/** The registry's record: the card with the licence and whether they can be booked today. */
export const consultantSchema = consultantCardSchema
  .extend({
    firstName: z.string(),
    lastName: z.string(),
    licenceNumber: z.string(),
    licenceExpiresOn: z.string().meta({ description: 'Jalali date' }),
    licenceExpiresOnIso: z.string(),
    active: z.boolean(),
    bookable: z.boolean().meta({ description: 'Active and the licence has not lapsed today' }),
    userId: z.number().int().nullable(),
    username: z.string().nullable().meta({ description: "The consultant's staff account, when linked" }),
  })
  .meta({ id: 'Consultant' });

export const consultantsQuery = z.object({
  field: z.enum(CONSULTATION_FIELDS).optional(),
  provinceId: queryInt(1, 32_767).optional(),
  officeId: idParam.optional(),
  mode: z.enum(CONSULTATION_MODES).optional(),
  language: z.enum(CONSULTATION_LANGUAGES).optional(),
});
export const consultantCards = z.object({ items: z.array(consultantCardSchema) });
export const registryQuery = z.object({ provinceId: queryInt(1, 32_767).optional() });
export const registryList = z.object({ items: z.array(consultantSchema) });

const fieldList = z.array(z.enum(CONSULTATION_FIELDS)).min(1).max(CONSULTATION_FIELDS.length);
const languageList = z.array(z.enum(CONSULTATION_LANGUAGES)).min(1).max(CONSULTATION_LANGUAGES.length);

export const consultantBody = z
  .object({
    kind: z.enum(CONSULTANT_KINDS),
    firstName: z.string().trim().min(1).max(60),
    lastName: z.string().trim().min(1).max(60),
    licenceNumber: z.string().trim().min(1).max(30),
    licenceExpiresOn: jalaliDateField,
    provinceId: z.number().int().min(1).max(32_767),
    fields: fieldList,
    languages: languageList,
    feeRials: rials,
    sessionMinutes: z.union([z.literal(30), z.literal(45), z.literal(60), z.literal(90)]),
    cutoffHours: z.number().int().min(0).max(168),
    active: z.boolean().default(true),
    /** The consultant's staff account (username), when they sign in. On a change, left out keeps the linked account and null unlinks it. */
    username: z.string().trim().min(1).max(40).nullable().optional(),
  })
  .strict();
export type ConsultantBody = z.infer<typeof consultantBody>;

export const sittingsBody = z
  .object({
    sittings: z
      .array(
        z
          .object({
            mode: z.enum(CONSULTATION_MODES),
            officeId: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
            room: z.number().int().min(1).max(20).nullable().optional(),
            hours: z.array(weeklyPeriod).min(1).max(21),
          })
          .strict(),
      )
      .max(10),
  })
  .strict();
export type SittingsBody = z.infer<typeof sittingsBody>;

export const feeRangeSchema = z
  .object({
    provinceId: z.number().int(),
    province: localizedName,
    minRials: z.number().int(),
    maxRials: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ConsultationFeeRange' });
export const feeRangeList = z.object({ items: z.array(feeRangeSchema) });
export const feeRangeBody = z.object({ minRials: rials, maxRials: rials }).strict();
export const provinceIdParams = z.object({ id: queryInt(1, 32_767) });

export const slotsQuery = z.object({
  mode: z.enum(CONSULTATION_MODES),
  officeId: idParam.optional(),
  from: jalaliDateField.optional(),
  days: queryInt(1, 30).default(14),
});
const slotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  day: z.string().meta({ description: 'Jalali date in Tehran' }),
  time: z.string().meta({ description: 'HH:MM in Tehran' }),
});
export const slotList = z.object({
  consultantId: z.number().int(),
  mode: z.enum(CONSULTATION_MODES),
  officeId: z.number().int().nullable(),
  sessionMinutes: z.number().int(),
  items: z.array(slotSchema),
});

export const bookBody = z
  .object({
    consultantId: z.number().int().min(1).max(2_147_483_647),
    mode: z.enum(CONSULTATION_MODES),
    officeId: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }),
    field: z.enum(CONSULTATION_FIELDS),
    /** At the counter: the citizen booked for (an operator books for someone else). */
    citizenId: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict();
export type BookBody = z.infer<typeof bookBody>;

export const bookingSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(BOOKING_STATUSES),
    mode: z.enum(CONSULTATION_MODES),
    consultant: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(CONSULTANT_KINDS) }),
    citizen: z.object({ id: z.number().int(), name: z.string() }),
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName, address: z.string() }).nullable(),
    room: z.number().int().nullable(),
    field: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    channel: z.enum(['online', 'office']),
    consultantFeeRials: z.number().int(),
    officeFeeRials: z.number().int(),
    totalRials: z.number().int(),
    paymentId: z.number().int().nullable(),
    refundRials: z.number().int().nullable(),
    cutoffAt: z.string().meta({ description: 'Until this instant the booking may be cancelled with a full refund' }),
    started: z.boolean().meta({ description: "The session's start has passed, by the server's clock" }),
    callOpen: z.boolean().meta({
      description:
        "A video session's call may be joined now (confirmed, from ten minutes before the start to the end, by the server's clock): WebSocket /api/v1/consultation/bookings/:id/signal",
    }),
    beforeCutoff: z.boolean().meta({
      description: "The cut-off has not passed yet, by the server's clock: a cancellation is refunded in full",
    }),
    note: z
      .object({
        advice: z.string(),
        documentsToBring: z.string(),
        nextStep: z.enum(NEXT_STEPS),
        writtenAt: z.string(),
      })
      .nullable(),
    rating: z.object({ stars: z.number().int(), text: z.string().nullable(), at: z.string() }).nullable(),
  })
  .meta({ id: 'ConsultationBooking' });
export type BookingView = z.infer<typeof bookingSchema>;
export const bookingList = z.object({ items: z.array(bookingSchema) });

export const bookedSchema = z.object({
  booking: bookingSchema,
  payment: z.object({
    paymentId: z.number().int(),
    receiptNumber: z.string(),
    redirectUrl: z.string(),
    amountRials: z.number().int(),
  }),
});

export const dayQuery = z.object({ date: jalaliDateField.optional() });
export const daySchema = bookingList.extend({
  date: z
    .string()
    .meta({ description: "The Tehran day shown (Jalali), today by the server's clock when none was asked" }),
  dateIso: z.string(),
});

export const noteBody = z
  .object({
    advice: z.string().trim().min(1).max(4000),
    documentsToBring: z.string().trim().max(2000).default(''),
    nextStep: z.enum(NEXT_STEPS),
  })
  .strict();
export const attendanceBody = z.object({ outcome: z.enum(ATTENDANCE_OUTCOMES) }).strict();
export const ratingBody = z
  .object({ stars: z.number().int().min(1).max(5), text: z.string().trim().max(1000).optional() })
  .strict();
export const rescheduleBody = z.object({ startsAt: z.iso.datetime({ offset: true }) }).strict();
