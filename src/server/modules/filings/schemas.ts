/** Request and response shapes of the filings area, shared with the web. */
import { z } from 'zod';
import { isValidLegalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import {
  localizedName,
  nationalIdField,
  pageOf,
  paginationQuery,
  queryInt,
  jalaliDateField,
  idField,
} from '#server/platform/http/fields';
import type { FieldMessageCode } from '#server/platform/errors/catalog';
import { CHANNELS, FILING_STATUSES, PARTY_ROLES } from './values';

const because = (messageCode: FieldMessageCode) => ({ params: { messageCode }, message: messageCode });

const filingStatusSchema = z.enum(FILING_STATUSES);
const partyRoleSchema = z.enum(PARTY_ROLES);

const companyIdField = z
  .string()
  .trim()
  .min(1)
  .refine(isValidLegalId, because('invalid_company_id'))
  .transform((v) => toLatinDigits(v).trim())
  .meta({ description: 'National company ID (شناسه ملی), 11 digits with its check digit', example: '10100000007' });

const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * A party of the filing: a citizen with an e-account (by national ID), a legal person (by company
 * ID), a person not yet in the system (as written: name, national ID if known, address), or a
 * representative (a representatives row) acting for another party given by its index in the list.
 */
const partyInput = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('citizen'),
        role: partyRoleSchema,
        nationalId: nationalIdField,
        address: optionalText(500),
      })
      .strict(),
    z
      .object({
        kind: z.literal('legal-person'),
        role: partyRoleSchema,
        companyId: companyIdField,
        address: optionalText(500),
      })
      .strict(),
    z
      .object({
        kind: z.literal('named'),
        role: partyRoleSchema,
        name: z.string().trim().min(2).max(200),
        nationalId: nationalIdField.optional(),
        address: optionalText(500),
      })
      .strict(),
    z
      .object({
        kind: z.literal('representative'),
        role: z.literal('representative').default('representative'),
        representativeId: idField,
        represents: z.number().int().min(0).max(199),
      })
      .strict(),
  ])
  .meta({ id: 'FilingPartyInput' });
export type PartyInput = z.infer<typeof partyInput>;

const claimInput = z
  .object({
    description: z.string().trim().min(1).max(1000),
    valueRials: z.number().int().min(0).max(1e15).nullable().default(null),
  })
  .strict();

/** The content of a filing; every write sends all of it (the wizard saves after each step). */
const filingContent = {
  parties: z.array(partyInput).max(200).default([]),
  courtId: idField.nullable().default(null),
  branch: z.number().int().min(1).max(999).nullable().default(null),
  subject: z.string().trim().max(500).default(''),
  claims: z.array(claimInput).max(50).default([]),
  facts: z.string().trim().max(20_000).default(''),
};

export const createFilingBody = z
  .object({
    service: z.string().trim().min(1).max(40).meta({
      description:
        'A filing service code: petition, complaint, appeal, objection, legal-notice, brief, expert-opinion, protest',
    }),
    /** At an office: the citizen the filing is prepared for, by national ID. Online: omitted (the signed-in citizen). */
    applicantNationalId: nationalIdField.optional(),
    /** The applicant by internal id, as older clients send it; `applicantNationalId` is preferred. */
    applicantCitizenId: idField.optional(),
    ticketId: idField.optional(),
    /** An appeal only: the notice of the delivered decision it appeals (delivered to the applicant). */
    appealsNoticeId: idField.optional().meta({
      description: 'An appeal only: the notice of the decision it appeals, delivered to the applicant',
    }),
    ...filingContent,
  })
  .strict()
  .meta({ id: 'CreateFiling' });
export type CreateFilingInput = z.infer<typeof createFilingBody>;

export const updateFilingBody = z.object(filingContent).strict().meta({ id: 'UpdateFiling' });
export type UpdateFilingInput = z.infer<typeof updateFilingBody>;

export const applicantQuery = z.object({ nationalId: nationalIdField.optional() });
/** Who a new filing is for, as the wizard shows it: a name and national ID, never an internal number. */
export const applicantSchema = z.object({ nationalId: z.string(), name: z.string() }).meta({ id: 'FilingApplicant' });

export const listFilingsQuery = z.object({
  officeId: queryInt(1, 1_000_000).optional(),
  status: filingStatusSchema.optional(),
  from: jalaliDateField.optional(),
  to: jalaliDateField.optional(),
  q: z.string().trim().max(100).transform(toLatinDigits).optional().meta({
    description:
      "A whole tracking code or national ID, or part of a case number or of the applicant's name (Persian or Latin digits)",
  }),
  ...paginationQuery,
});
export type ListFilingsQuery = z.infer<typeof listFilingsQuery>;

export const ownFilingsQuery = z.object({ ...paginationQuery });

const quoteLine = z.object({
  code: z.string(),
  titleFa: z.string(),
  titleEn: z.string(),
  quantity: z.number().int(),
  unitRials: z.number().int(),
  amountRials: z.number().int(),
});
const courtCostLine = z.object({
  ruleId: z.number().int(),
  titleFa: z.string(),
  titleEn: z.string(),
  basis: z.enum(['fixed', 'percent-of-claim']),
  amountRials: z.number().int(),
  source: z.string(),
});
const quoteSchema = z
  .object({
    schedule: z.object({
      id: z.number().int(),
      code: z.string(),
      titleFa: z.string(),
      titleEn: z.string(),
      effectiveFrom: z.string(),
    }),
    service: z.string(),
    /** The office's fees from the tariff schedule. */
    lines: z.array(quoteLine),
    officeRials: z.number().int().meta({ description: "The office's fees: the sum of `lines`" }),
    courtCosts: z
      .object({
        configured: z.boolean().meta({
          description:
            'false: no court-cost rule is in force for the service that day; none are collected with this payment',
        }),
        lines: z.array(courtCostLine),
        totalRials: z.number().int(),
      })
      .meta({
        description:
          'The court costs (هزینهٔ دادرسی) collected with the payment for the judiciary, each from a rule of the court-cost rule set',
      }),
    totalRials: z
      .number()
      .int()
      .meta({ description: 'Everything the applicant pays: officeRials + courtCosts.totalRials' }),
  })
  .meta({ id: 'FilingQuote' });

const partySchema = z.object({
  id: z.number().int(),
  role: partyRoleSchema,
  kind: z.enum(['citizen', 'legal-person', 'named', 'representative']),
  name: z.string(),
  nationalId: z.string().nullable(),
  address: z.string().nullable(),
  citizenId: z.number().int().nullable(),
  legalPersonId: z.number().int().nullable(),
  representativeId: z.number().int().nullable(),
  representsPartyId: z.number().int().nullable(),
});

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    pages: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'FilingAttachment' });

const eventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  channel: z.enum(['office', 'online', 'court']),
  officeId: z.number().int().nullable(),
  courtId: z.number().int().nullable(),
  actor: z.object({ userId: z.number().int().nullable(), name: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
});

const filingSummarySchema = z
  .object({
    id: z.number().int(),
    trackingCode: z.string().nullable(),
    service: z.object({ code: z.string(), title: localizedName }),
    status: filingStatusSchema,
    channel: z.enum(CHANNELS),
    officeId: z.number().int().nullable(),
    provinceId: z.number().int(),
    applicant: z.object({ citizenId: z.number().int(), name: z.string(), nationalId: z.string() }),
    subject: z.string(),
    totalRials: z.number().int().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: 'FilingSummary' });

const appealWindowSchema = z.object({
  days: z.number().int(),
  lastDay: z.string().meta({ description: 'ISO date (Tehran), after Art. 444' }),
  daysLeft: z.number().int().meta({ description: '0 on the last day, negative once it has passed' }),
  open: z.boolean(),
});

export const filingDetailSchema = filingSummarySchema
  .extend({
    court: z
      .object({
        id: z.number().int(),
        name: localizedName,
        provinceId: z.number().int(),
        cityId: z.number().int(),
        branches: z.number().int(),
      })
      .nullable(),
    branch: z.number().int().nullable(),
    /** The office that prepares the filing (null online), as the submission slip names it. */
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName, address: z.string() }).nullable(),
    ticketId: z.number().int().nullable(),
    /** An appeal started from a delivered decision: that decision's notice; else null. */
    appealsNoticeId: z.number().int().nullable(),
    /**
     * An appeal's decision as delivered to its applicant, with the time to appeal it as of today
     * (Art. 336), for the wizard to show again when the draft is reopened; null for other filings.
     */
    appealedDecision: z
      .object({
        noticeId: z.number().int(),
        title: z.string(),
        courtId: z.number().int(),
        courtName: localizedName,
        branch: z.number().int(),
        caseNumber: z.string(),
        deliveredAt: z.string(),
        appeal: z.object({ resident: appealWindowSchema, abroad: appealWindowSchema }),
      })
      .nullable(),
    facts: z.string(),
    claims: z.array(z.object({ description: z.string(), valueRials: z.number().int().nullable() })),
    parties: z.array(partySchema),
    attachments: z.array(attachmentSchema),
    pages: z.number().int(),
    quote: quoteSchema.nullable(),
    payment: z.object({ paidRials: z.number().int(), dueRials: z.number().int().nullable() }),
    caseNumber: z.string().nullable(),
    returnReasons: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** The filing's history: all of it for staff; for a citizen, only what concerns them (paid, submitted, accepted, returned). */
    events: z.array(eventSchema),
    /** What the caller may do next, for the screens' buttons. */
    actions: z.array(z.enum(['edit', 'attach', 'confirm', 'pay', 'submit'])),
    limits: z.object({
      maxFileBytes: z.number().int(),
      maxPagesPerFile: z.number().int(),
      maxPagesPerFiling: z.number().int(),
    }),
  })
  .meta({ id: 'Filing' });
export type FilingDetail = z.infer<typeof filingDetailSchema>;

export const filingPage = pageOf(filingSummarySchema);

export const paymentStartResponse = z.object({
  paymentId: z.number().int(),
  receiptNumber: z.string(),
  redirectUrl: z.string(),
  amountRials: z.number().int(),
});
export const submitResponse = z.object({ id: z.number().int(), status: filingStatusSchema, trackingCode: z.string() });

export const courtOptionsQuery = z.object({ provinceId: queryInt(1, 32_767) });
/** Courts of a province with their city and branch count, for choosing province → city → court → branch. */
export const courtOptionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: localizedName,
      kind: z.string(),
      branches: z.number().int(),
      city: z.object({ id: z.number().int(), name: localizedName }),
    }),
  ),
});

/** A day the offices are closed: a Friday or an official holiday, with its name. */
const officeClosedDay = z
  .object({
    date: z.string().meta({ description: 'Jalali date, YYYY-MM-DD in Latin digits', example: '1404-03-14' }),
    reason: z.enum(['friday', 'holiday']),
    title: localizedName
      .nullable()
      .meta({ description: 'The holiday (or holidays) on the day; null on a plain Friday' }),
  })
  .meta({ id: 'OfficeClosedDay' });

export const unsentQuery = z.object({ officeId: queryInt(1, 1_000_000).optional() });
/** Paid filings of an office not yet sent to court, and how near its working day is to its end. */
export const unsentResponse = z
  .object({
    office: z.object({ id: z.number().int(), name: localizedName }),
    count: z.number().int(),
    /** The oldest first, at most 20. */
    items: z.array(filingSummarySchema),
    day: z.object({
      closesAt: z
        .string()
        .nullable()
        .meta({ description: "When the office's day closes (HH:MM, Tehran), null on a day without hours" }),
      minutesLeft: z.number().int().nullable(),
      lastHours: z.boolean().meta({
        description:
          'Within the last two hours of the office day or after its close that day; all day on the last working day before an official holiday',
      }),
      closedToday: officeClosedDay
        .nullable()
        .meta({ description: 'Today is a Friday or an official holiday: no working day whatever the hours say' }),
      beforeHoliday: z
        .object({
          closed: z.array(officeClosedDay).meta({ description: 'The closed days from tomorrow, in order' }),
          reopensOn: z
            .string()
            .nullable()
            .meta({ description: 'The next working day of the office (Jalali YYYY-MM-DD)', example: '1405-01-05' }),
        })
        .nullable()
        .meta({ description: 'Today is the last working day before an official holiday' }),
    }),
    warn: z.boolean().meta({
      description: 'Paid filings are unsent in the last hours of the office day, or on the last day before a holiday',
    }),
  })
  .meta({ id: 'UnsentFilings' });
