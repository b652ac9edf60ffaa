/** Request and response shapes of the counter (tickets, consents, status lookups, today's work), shared with the web. */
import { z } from 'zod';
import { toLatinDigits } from '#core/persian-digits';
import { localizedName, nationalIdField, idField } from '#server/platform/http/fields';
import { CONSENT_PURPOSES } from '#server/modules/records/values';
import type { overviewSchema } from '#server/modules/notices/schemas';

type CitizenOverview = z.infer<typeof overviewSchema>;

const ticketSchema = z
  .object({
    id: z.number().int(),
    officeId: z.number().int(),
    /** The Tehran calendar day, ISO, and the same day in Jalali (YYYY-MM-DD). */
    day: z.string(),
    dayJalali: z.string(),
    number: z.number().int(),
    /** The service the visitor came for, when said when the ticket was taken. */
    serviceCode: z.string().nullable(),
    status: z.enum(['waiting', 'serving', 'done', 'cancelled']),
    citizenId: z.number().int().nullable(),
    servedBy: z.number().int().nullable(),
    createdAt: z.string(),
    calledAt: z.string().nullable(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: 'QueueTicket' });

export const ticketResponse = z.object({ ticket: ticketSchema });
export const issueTicketBody = z.object({ serviceCode: z.string().trim().min(1).max(64).optional() }).strict();

/**
 * The day's queue figures of the office, by ticket status: the one definition the queue and
 * today's work both show ("waiting": taken, not called yet).
 */
const queueCountsSchema = z
  .object({
    waiting: z.number().int(),
    serving: z.number().int(),
    done: z.number().int(),
    cancelled: z.number().int(),
  })
  .meta({ id: 'QueueCounts' });

export const ticketSlipResponse = z
  .object({
    ticket: ticketSchema,
    office: z.object({ code: z.string(), name: localizedName }),
    service: localizedName.nullable(),
    /** The estimated wait (core/queue-wait.ts); null once the ticket has been called, served or cancelled. */
    wait: z
      .object({
        ahead: z.number().int(),
        minutes: z.number().int(),
        serviceMinutes: z.number(),
        samples: z.number().int(),
        counters: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'QueueTicketSlip' });
export const nextTicketResponse = z.object({ ticket: ticketSchema.nullable() });
export const ticketListResponse = z.object({
  day: z.string(),
  dayJalali: z.string(),
  counts: queueCountsSchema,
  items: z.array(ticketSchema),
});
export const serveTicketBody = z.object({ citizenId: idField.optional() }).strict();

const consentPurposeSchema = z.enum(CONSENT_PURPOSES);

export const consentRequestBody = z.object({ nationalId: nationalIdField, purpose: consentPurposeSchema }).strict();
export const consentRequestResponse = z.object({
  citizen: z.object({
    id: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    judicialId: z.string().nullable(),
    maskedMobile: z.string(),
  }),
  purpose: consentPurposeSchema,
  sentTo: z.string(),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});

export const consentConfirmBody = z
  .object({
    nationalId: nationalIdField,
    purpose: consentPurposeSchema,
    code: z
      .string()
      .trim()
      .transform(toLatinDigits)
      .refine((v) => /^\d{6}$/.test(v), {
        params: { messageCode: 'invalid_mobile_code' },
        message: 'invalid_mobile_code',
      }),
  })
  .strict();
export const consentSchema = z
  .object({
    id: z.number().int(),
    citizenId: z.number().int(),
    officeId: z.number().int(),
    purpose: consentPurposeSchema,
    grantedAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Consent' });

export const statusLookupBody = z
  .object({
    consentId: idField,
    citizenId: idField,
    /** The visitor's queue ticket at this office, recorded on the service. */
    ticketId: idField.optional(),
  })
  .strict();
export const statusLookupResponse = z.object({
  citizen: z.object({
    id: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    judicialId: z.string().nullable(),
  }),
  purpose: consentPurposeSchema,
  /**
   * The citizen's filings, cases and notices with deadlines (the same read model as their portal):
   * typed as the portal's items, described in the document as any value, as it always was.
   */
  overview: z.looseObject({
    filings: z.array(z.custom<CitizenOverview['filings'][number]>()),
    cases: z.array(z.custom<CitizenOverview['cases'][number]>()),
    notices: z.array(z.custom<CitizenOverview['notices'][number]>()),
  }),
  serviceRecordId: z.number().int(),
  amountRials: z.number().int(),
  /** The payment started for this lookup; null when this consent's lookup was already charged. */
  payment: z.object({ paymentId: z.number().int(), receiptNumber: z.string(), redirectUrl: z.string() }).nullable(),
});

export const todayResponse = z
  .object({
    officeId: z.number().int(),
    day: z.string(),
    dayJalali: z.string(),
    tickets: queueCountsSchema,
    services: z.array(
      z.object({ code: z.string(), title: localizedName, count: z.number().int(), amountRials: z.number().int() }),
    ),
    servicesTotalRials: z.number().int(),
    filings: z.array(z.object({ status: z.string(), count: z.number().int() })),
    revenueRials: z.number().int(),
    paidPayments: z.number().int(),
  })
  .meta({ id: 'CounterToday' });
