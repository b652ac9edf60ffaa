/** Request and response shapes of the court desk (shared with the web). */
import { z } from 'zod';
import { localizedName, pageOf, paginationQuery, queryInt } from '#server/platform/http/fields';
import { noticeDocumentSchema, paperServiceSchema } from '#server/modules/notices/schemas';

/** A court of the public directory. */
const courtSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  kind: z.string(),
  provinceId: z.number().int(),
  branches: z.number().int(),
});
export const courtsQuery = z.object({ provinceId: queryInt(1, 32_767).optional() });
export const courtsResponse = z.object({ items: z.array(courtSchema) });

export const queueQuery = z.object({ courtId: queryInt(1, 2_147_483_647).optional(), ...paginationQuery });
export const casesQuery = z.object({ courtId: queryInt(1, 2_147_483_647).optional(), ...paginationQuery });

const courtRef = z.object({ id: z.number().int(), code: z.string(), name: localizedName, branches: z.number().int() });

const queueItemSchema = z
  .object({
    id: z.number().int(),
    trackingCode: z.string().nullable(),
    serviceCode: z.string(),
    subject: z.string(),
    court: courtRef,
    provinceId: z.number().int(),
    channel: z.enum(['office', 'online']),
    officeId: z.number().int().nullable(),
    submittedAt: z.string().nullable(),
    partyCount: z.number().int(),
    totalRials: z.number().int().nullable(),
  })
  .meta({ id: 'CourtQueueItem' });
export const queuePage = pageOf(queueItemSchema);

const partySchema = z.object({
  id: z.number().int(),
  role: z.string(),
  name: z.string(),
  nationalId: z.string().nullable(),
  address: z.string().nullable(),
  hasEAccount: z.boolean(),
});

const attachmentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  pages: z.number().int(),
  sha256: z.string(),
  downloadUrl: z.string(),
});

export const courtFilingSchema = z
  .object({
    id: z.number().int(),
    trackingCode: z.string().nullable(),
    serviceCode: z.string(),
    status: z.string(),
    subject: z.string(),
    facts: z.string(),
    claims: z.array(z.object({ description: z.string(), valueRials: z.number().nullable() })),
    court: courtRef,
    branch: z.number().int().nullable(),
    channel: z.enum(['office', 'online']),
    officeId: z.number().int().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    caseNumber: z.string().nullable(),
    returnReasons: z.string().nullable(),
    caseId: z.number().int().nullable(),
    parties: z.array(partySchema),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'CourtFiling' });

export const acceptBody = z.strictObject({
  branch: z.number().int().min(1).max(999).meta({ description: 'The branch (شعبه) the case is assigned to' }),
});
export const acceptResponse = z.object({ caseId: z.number().int(), caseNumber: z.string(), branch: z.number().int() });

export const returnBody = z.strictObject({
  reasons: z
    .string()
    .trim()
    .min(5)
    .max(4000)
    .meta({ description: 'Why the court returns the filing (shown to the office and the applicant)' }),
});
export const returnResponse = z.object({
  filingId: z.number().int(),
  status: z.literal('returned'),
  reasons: z.string(),
});

const caseItemSchema = z
  .object({
    id: z.number().int(),
    caseNumber: z.string(),
    subject: z.string(),
    court: courtRef,
    branch: z.number().int(),
    provinceId: z.number().int(),
    filingId: z.number().int().nullable(),
    openedAt: z.string(),
    partyCount: z.number().int(),
    noticeCount: z.number().int(),
  })
  .meta({ id: 'CourtCase' });
export const casesPage = pageOf(caseItemSchema);

const caseNoticeSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['summons', 'decision', 'order', 'notification']),
  title: z.string(),
  body: z.string(),
  hearingAt: z.string().nullable(),
  issuedAt: z.string(),
  document: noticeDocumentSchema.nullable(),
  /** Parties without an e-account served on paper by the court's bailiff (Arts. 68–70). */
  paperServices: z.array(paperServiceSchema),
  deliveries: z.array(
    z.object({
      citizenId: z.number().int(),
      name: z.string(),
      deliveredAt: z.string().nullable(),
      channel: z.enum(['online', 'office']).nullable(),
      deadlineDays: z.number().int().nullable(),
      deadlineDate: z.string().nullable(),
    }),
  ),
});

export const caseDetailSchema = caseItemSchema
  .extend({
    parties: z.array(
      z.object({
        id: z.number().int(),
        role: z.string(),
        name: z.string(),
        nationalId: z.string().nullable(),
        /** Where the court's bailiff serves a party without an e-account (from the filing). */
        address: z.string().nullable(),
        hasEAccount: z.boolean(),
      }),
    ),
    notices: z.array(caseNoticeSchema),
  })
  .meta({ id: 'CourtCaseDetail' });
