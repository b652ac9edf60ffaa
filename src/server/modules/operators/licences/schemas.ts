/** Request and response shapes of activity licences, shared with the web. */
import { z } from 'zod';
import { EFFECTIVE_STATUSES } from '#core/licensing';
import { toLatinDigits } from '#core/persian-digits';
import { jalaliDateField, pageOf, paginationQuery, queryInt, idField, sortQuery } from '#server/platform/http/fields';
import { LICENCE_EVENT_KINDS, LICENCE_STATUSES } from '#server/modules/operators/values';

/** A decision's reason: required, and an empty or blank one is refused by name. */
const reasonField = z
  .string()
  .trim()
  .refine((v) => v.length > 0, { params: { messageCode: 'reason_required' }, message: 'reason_required' })
  .pipe(z.string().max(1000));

const effectiveStatusSchema = z.enum(EFFECTIVE_STATUSES);

/** The columns the licences list sorts by. */
const LICENCE_LIST_SORTS = ['number', 'holder', 'office', 'services', 'status', 'expires'] as const;

export const licenceListQuery = z.object({
  /** Licence number, holder's name, national ID or username. */
  q: z.string().trim().max(100).transform(toLatinDigits).optional(),
  status: z.enum(['active', 'expiring', 'expired', 'suspended', 'revoked']).optional(),
  officeId: queryInt(1, 1_000_000).optional(),
  provinceId: queryInt(1, 100).optional(),
  /** Unrevoked licences whose expiry falls within this many days from today (already expired ones excluded). */
  expiringWithinDays: queryInt(0, 3650).optional(),
  /** The soonest expiry first unless a column is chosen. */
  sort: sortQuery(LICENCE_LIST_SORTS),
  ...paginationQuery,
});
export type LicenceListQuery = z.output<typeof licenceListQuery>;

const person = z.object({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  nationalId: z.string().nullable(),
  username: z.string().nullable(),
});
const officeRef = z.object({
  id: z.number().int(),
  code: z.string(),
  nameFa: z.string(),
  nameEn: z.string(),
  provinceId: z.number().int(),
});
const serviceRef = z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() });

const licenceSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    holder: person,
    office: officeRef,
    services: z.array(serviceRef),
    /** The stored status; `effectiveStatus` is what it amounts to today (expiring: 30 days or fewer left). */
    status: z.enum(LICENCE_STATUSES),
    effectiveStatus: effectiveStatusSchema,
    /** ISO days, and the same days in Jalali (YYYY-MM-DD). The licence is valid through `expiresOn`. */
    issuedOn: z.string(),
    issuedOnJalali: z.string(),
    expiresOn: z.string(),
    expiresOnJalali: z.string(),
    /** Days from today to the expiry (negative once expired). */
    daysLeft: z.number().int(),
    statusReason: z.string().nullable(),
    suspendedUntil: z.string().nullable(),
    suspendedUntilJalali: z.string().nullable(),
  })
  .meta({ id: 'ActivityLicence' });
export const licencePage = pageOf(licenceSchema);

/** One's own licence, with the continuing-education hours gathered towards its renewal. */
const ownLicenceSchema = licenceSchema
  .extend({
    continuingEducation: z.object({
      hours: z.number().int(),
      requiredHours: z.number().int(),
      /** ISO day the hours are counted from (the issue or the last renewal), and the same day in Jalali. */
      since: z.string(),
      sinceJalali: z.string(),
    }),
  })
  .meta({ id: 'OwnActivityLicence' });
export const ownLicences = z.object({ items: z.array(ownLicenceSchema) });

const licenceEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(LICENCE_EVENT_KINDS),
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    at: z.string(),
  })
  .meta({ id: 'LicenceEvent' });

export const licenceDetailSchema = z.object({
  licence: licenceSchema,
  /** Newest first. */
  events: z.array(licenceEventSchema),
});

export const issueLicenceBody = z
  .object({
    userId: idField,
    officeId: idField,
    serviceCodes: z.array(z.string().trim().min(1).max(60)).min(1).max(100),
  })
  .strict();
export type IssueLicenceInput = z.output<typeof issueLicenceBody>;

/** Services to add to a current licence (those it names already are ignored). */
export const widenLicenceBody = z
  .object({ serviceCodes: z.array(z.string().trim().min(1).max(60)).min(1).max(100) })
  .strict();

export const suspendBody = z.object({ reason: reasonField, until: jalaliDateField.optional() }).strict();
export const reinstateBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict();
export const revokeBody = z.object({ reason: reasonField }).strict();
export type SuspendInput = z.output<typeof suspendBody>;

export const eligibilityQuery = z.object({ officeId: queryInt(1, 1_000_000) });

const MISSING_REASONS = ['training', 'competency'] as const;

export const eligibilitySchema = z.object({
  person,
  office: officeRef,
  /** Holds a staff role at the office (a licence is only issued to someone working there). */
  worksAtOffice: z.boolean(),
  /** Services the person's completed training covers. */
  qualifiedServiceCodes: z.array(z.string()),
  /** Services the office holds an active, in-date competency for. */
  competentServiceCodes: z.array(z.string()),
  /** Every service either list names, with what stands in the way of licensing it. */
  services: z.array(serviceRef.extend({ eligible: z.boolean(), missing: z.array(z.enum(MISSING_REASONS)) })),
  courses: z.array(
    z.object({
      code: z.string(),
      titleFa: z.string(),
      attended: z.boolean(),
      hasExam: z.boolean(),
      examPassed: z.boolean(),
      qualified: z.boolean(),
      serviceCodes: z.array(z.string()),
    }),
  ),
  /** A licence at this office that is neither expired nor revoked (a new one cannot be issued beside it). */
  currentLicence: z
    .object({ id: z.number().int(), number: z.string(), effectiveStatus: effectiveStatusSchema })
    .nullable(),
});
