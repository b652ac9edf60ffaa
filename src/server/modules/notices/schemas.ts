/** Request and response shapes of the notices area (shared with the web). */
import { z } from 'zod';
import { parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import {
  idParam,
  jalaliDateField,
  localizedName,
  pageOf,
  paginationQuery,
  queryInt,
} from '#server/platform/http/fields';
import { PAPER_SERVICE_MANNERS } from '#core/paper-service';
import { FILING_STATUSES } from '#server/modules/filings/values';
import { NOTICE_KINDS } from './values';

const because = (messageCode: string) => ({ params: { messageCode }, message: messageCode });

const noticeKind = z.enum(NOTICE_KINDS);
export const pageQuery = z.object({ ...paginationQuery });

/** `09:30` or `۰۹:۳۰`, 24-hour clock, Tehran time. */
export const timeField = z
  .string()
  .trim()
  .transform((v) => toLatinDigits(v))
  .refine((v) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), because('invalid_time'))
  .meta({ description: 'Time of day in Tehran, HH:mm (24-hour); Persian digits accepted', example: '09:30' });

export const issueNoticeBody = z.strictObject({
  kind: noticeKind,
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(10).max(20_000),
  /** For a summons: the hearing's Jalali date and Tehran time. */
  hearingDate: jalaliDateField.optional(),
  hearingTime: timeField.optional(),
});
export type IssueNoticeInput = z.infer<typeof issueNoticeBody>;

export const issuedNoticeSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    kind: noticeKind,
    title: z.string(),
    hearingAt: z.string().nullable(),
    issuedAt: z.string(),
    recipients: z.number().int(),
    onPaper: z
      .number()
      .int()
      .meta({ description: "Parties without an e-account, to be served on paper by the court's bailiff" }),
    smsQueued: z.number().int(),
  })
  .meta({ id: 'IssuedNotice' });

const movedDaySchema = z
  .object({
    date: z.string(),
    jalali: z.string(),
    reason: z.enum(['friday', 'holiday']),
    title: localizedName.nullable(),
  })
  .meta({ id: 'NoticeDeadlineMovedDay' });

const deadlineSchema = z
  .object({
    days: z.number().int(),
    lastDay: z.string(),
    lastDayJalali: z.string(),
    nominalLastDay: z.string().meta({
      description: 'Delivery + limit + 1 (Art. 445: neither the day of delivery nor the day of the action counts)',
    }),
    movedFrom: z.string().nullable(),
    movedFromJalali: z.string().nullable(),
    movedReason: z.enum(['friday', 'holiday']).nullable(),
    holidayTitle: localizedName.nullable(),
    moved: z
      .array(movedDaySchema)
      .meta({ description: 'Every closed day the last day moved over (Art. 444), in order' }),
    daysLeft: z.number().int(),
    expired: z.boolean(),
  })
  .meta({ id: 'NoticeDeadline' });

const caseRef = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  branch: z.number().int(),
  court: z.object({ id: z.number().int(), name: localizedName }),
});

const citizenNoticeItem = z
  .object({
    id: z.number().int(),
    kind: noticeKind,
    title: z.string(),
    issuedAt: z.string(),
    hearingAt: z.string().nullable(),
    case: caseRef,
    delivered: z.boolean(),
    deliveredAt: z.string().nullable(),
    deliveredChannel: z.enum(['online', 'office']).nullable(),
    deadline: deadlineSchema.nullable(),
  })
  .meta({ id: 'CitizenNotice' });

const citizenFilingItem = z
  .object({
    id: z.number().int(),
    trackingCode: z.string().nullable(),
    serviceCode: z.string(),
    status: z.string(),
    channel: z.enum(['office', 'online']),
    subject: z.string(),
    court: z.object({ id: z.number().int(), name: localizedName }).nullable(),
    branch: z.number().int().nullable(),
    caseNumber: z.string().nullable(),
    returnReasons: z.string().nullable(),
    totalRials: z.number().int().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'CitizenFiling' });

const citizenCaseItem = z
  .object({
    id: z.number().int(),
    caseNumber: z.string(),
    subject: z.string(),
    court: z.object({ id: z.number().int(), name: localizedName }),
    branch: z.number().int(),
    role: z.string(),
    openedAt: z.string(),
  })
  .meta({ id: 'CitizenCase' });

export const citizenFilingsPage = pageOf(citizenFilingItem);
export const citizenCasesPage = pageOf(citizenCaseItem);
export const citizenNoticesPage = pageOf(citizenNoticeItem).extend({ undelivered: z.number().int() });

export const overviewSchema = z
  .object({
    filings: z.array(citizenFilingItem),
    cases: z.array(citizenCaseItem),
    notices: z.array(citizenNoticeItem),
    totals: z.object({
      filings: z.number().int(),
      cases: z.number().int(),
      notices: z.number().int(),
      undeliveredNotices: z.number().int(),
    }),
  })
  .meta({ id: 'CitizenOverview' });

/** An opened notice: its content, and the delivery it recorded. */
/** The signed decision attached to a decision notice, as a PDF. */
export const noticeDocumentSchema = z
  .object({
    fileName: z.string(),
    sizeBytes: z.number().int(),
    pages: z.number().int(),
    sha256: z.string(),
    downloadUrl: z.string(),
  })
  .meta({ id: 'NoticeDocument' });

const appealWindowSchema = z.object({
  days: z.number().int(),
  lastDay: z.string().meta({ description: 'ISO date (Tehran), after Art. 444' }),
  daysLeft: z.number().int().meta({ description: '0 on the last day, negative once it has passed' }),
  open: z.boolean(),
});

export const openedNoticeSchema = citizenNoticeItem
  .extend({
    /**
     * A delivered decision: the time to appeal it (CPC Art. 336), for a party living in Iran and for
     * one living abroad; null for other notices and before delivery.
     */
    appeal: z
      .object({ resident: appealWindowSchema, abroad: appealWindowSchema })
      .nullable()
      .meta({ description: 'A delivered decision: the time to appeal it (Art. 336), resident and abroad' }),
    /** A decision: the appeals its reader started from it (drafts included), oldest first. */
    appeals: z
      .array(
        z.object({
          filingId: z.number().int(),
          trackingCode: z.string().nullable().meta({ description: 'Given once the appeal is sent to court' }),
          status: z.enum(FILING_STATUSES),
          createdAt: z.string(),
          submittedAt: z.string().nullable(),
        }),
      )
      .meta({ description: 'A decision: the appeals its reader started from it, oldest first' }),
    body: z.string(),
    rule: z.object({ title: localizedName, source: z.string() }).nullable(),
    document: noticeDocumentSchema.nullable(),
  })
  .meta({ id: 'OpenedNotice' });

export const openAtOfficeBody = z.strictObject({
  citizenId: z.number().int().min(1),
  consentId: z.number().int().min(1),
});
export const openAtOfficeResponse = z
  .object({
    notice: openedNoticeSchema,
    serviceRecordId: z.number().int(),
    amountRials: z.number().int(),
    payment: z.object({ paymentId: z.number().int(), receiptNumber: z.string(), redirectUrl: z.string() }).nullable(),
  })
  .meta({ id: 'NoticeOpenedAtOffice' });

export const consentedNoticesQuery = z.object({
  citizenId: idParam,
  consentId: idParam,
});

// ——— Paper service by the court's bailiff (Civil Procedure Code Arts. 68–70) ———
export const paperServiceParams = z.object({ id: idParam, partyId: idParam });
const paperManner = z.enum(PAPER_SERVICE_MANNERS).meta({
  description:
    'personal: handed to the party (Art. 68, actual service); residence: to a relative or servant at the address (Art. 69); posting: posted at the address (Art. 70)',
});
export const paperServiceBody = z.strictObject({
  servedOn: jalaliDateField.meta({ description: "The day of service in the bailiff's report (Jalali)" }),
  manner: paperManner,
  recipientName: z.string().trim().max(200).optional().meta({ description: 'Art. 69: who took the papers' }),
  recipientRelation: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Art. 69: their relation to the party (spouse, child, servant…)' }),
  bailiffReport: z.string().trim().max(4000).optional().meta({ description: "The bailiff's report as written" }),
});
export type PaperServiceInput = z.infer<typeof paperServiceBody>;

export const paperServiceSchema = z
  .object({
    noticeId: z.number().int(),
    partyId: z.number().int(),
    name: z.string(),
    servedOn: z.string(),
    servedOnJalali: z.string(),
    manner: paperManner,
    serviceKind: z.enum(['actual', 'legal']).meta({ description: 'ابلاغ واقعی (actual) or ابلاغ قانونی (legal)' }),
    article: z.number().int(),
    recipientName: z.string().nullable(),
    recipientRelation: z.string().nullable(),
    bailiffReport: z.string().nullable(),
    recordedAt: z.string(),
    deadlineDays: z.number().int().nullable(),
    deadlineDate: z.string().nullable(),
  })
  .meta({ id: 'NoticePaperService' });

export const documentResponse = z.object({ document: noticeDocumentSchema });

// ——— Holidays and deadline rules ———
export const holidaysQuery = z.object({ year: queryInt(1300, 1500).optional() });
const holidayPart = z
  .object({
    titleFa: z.string(),
    titleEn: z.string(),
    origin: z.enum(['solar', 'lunar', 'added']).meta({
      description: 'solar: fixed by law; lunar: computed from the tabular Hijri calendar; added: by an admin',
    }),
    confirmed: z
      .boolean()
      .meta({ description: 'false for a computed lunar holiday no admin has confirmed or moved yet' }),
    hijri: z.string().nullable().meta({ description: "A lunar holiday's tabular Hijri date" }),
    computedDay: z
      .string()
      .nullable()
      .meta({ description: 'A moved lunar holiday: the ISO day the tabular calendar gave' }),
    computedDayJalali: z.string().nullable(),
  })
  .meta({ id: 'HolidayPart' });
export const holidaySchema = z
  .object({
    day: z.string(),
    jalali: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    /** A lunar holiday on the day is computed and not yet confirmed against the official calendar. */
    computed: z.boolean(),
    weekday: z.number().int(),
    holidays: z
      .array(holidayPart)
      .meta({ description: 'Each holiday on the day (a solar and a lunar one may coincide)' }),
  })
  .meta({ id: 'Holiday' });
const removedHolidaySchema = z
  .object({ day: z.string(), jalali: z.string(), titleFa: z.string(), titleEn: z.string() })
  .meta({ id: 'RemovedHoliday' });
export const holidaysResponse = z.object({
  year: z.number().int(),
  items: z.array(holidaySchema),
  removed: z.array(removedHolidaySchema).meta({ description: 'Days the law closes that an admin opened again' }),
});
export const moveHolidayBody = z.strictObject({
  to: jalaliDateField.meta({
    description: 'The official day of the lunar holiday (at most three days from the computed one)',
    example: '1404-03-16',
  }),
});
export const addHolidayBody = z.strictObject({
  date: jalaliDateField,
  titleFa: z.string().trim().min(2).max(200),
  titleEn: z.string().trim().min(2).max(200),
});
export const holidayParams = z.object({
  date: z
    .string()
    .refine((v) => parseJalaliDate(v) !== null, because('invalid_jalali_date'))
    .meta({ description: 'Jalali date, 1405-01-01', example: '1405-01-12' }),
});

export const ruleSchema = z
  .object({
    kind: noticeKind,
    days: z.number().int().nullable(),
    titleFa: z.string(),
    titleEn: z.string(),
    source: z.string(),
  })
  .meta({ id: 'NoticeDeadlineRule' });
export const rulesResponse = z.object({ items: z.array(ruleSchema) });
export const ruleParams = z.object({ kind: noticeKind });
export const updateRuleBody = z.strictObject({
  days: z.number().int().min(1).max(365).nullable(),
  source: z
    .string()
    .trim()
    .min(5)
    .max(1000)
    .meta({ description: 'The legal source of the limit (article, regulation)' }),
  titleFa: z.string().trim().min(2).max(200).optional(),
  titleEn: z.string().trim().min(2).max(200).optional(),
});

// ——— The notifier's outbox ———
export const outboxQuery = z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), ...paginationQuery });
const outboxMessage = z
  .object({
    id: z.number().int(),
    channel: z.enum(['sms', 'email']),
    recipient: z.string(),
    template: z.string(),
    body: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export const outboxPage = pageOf(outboxMessage);
