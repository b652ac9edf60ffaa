/** Request and response shapes of the staff registry (the list, a person's record, profile and photo). */
import { z } from 'zod';
import { CONTRACT_TYPES } from '#core/employment';
import { EFFECTIVE_STATUSES } from '#core/licensing';
import { toLatinDigits } from '#core/persian-digits';
import { localizedName, pageOf, queryInt, sortQuery } from '#server/platform/http/fields';
import { EDUCATION_LEVELS } from '#server/modules/operators/values';
import { LICENCE_FILTERS, STAFF_REGISTRY_SORTS, STAFF_ROLES } from './store';

const because = (messageCode: string) => ({ params: { messageCode }, message: messageCode });

/** The social-security insurance number: ten digits, Persian digits accepted. */
export const insuranceNumberField = z
  .string()
  .trim()
  .transform(toLatinDigits)
  .refine((v) => /^\d{10}$/.test(v), because('invalid_format'))
  .meta({ description: 'Social-security (تأمین اجتماعی) insurance number, ten digits', example: '1200345600' });

const staffRoleSchema = z.enum(STAFF_ROLES);

export const staffRegistryQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Name prefix (Persian), national ID (10 digits) or username prefix' }),
  provinceId: queryInt(1, 32_767).optional(),
  officeId: queryInt(1, 2_147_483_647).optional(),
  role: staffRoleSchema.optional(),
  licence: z.enum(LICENCE_FILTERS).optional().meta({
    description:
      'valid: in force today (expiring included); expiring: in force and ending within 30 days; none: never licensed',
  }),
  insured: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** By last name, then first name, unless another column is chosen. */
  sort: sortQuery(STAFF_REGISTRY_SORTS),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(25),
});

const staffRoleEntry = z.object({
  role: staffRoleSchema,
  office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }),
  provinceId: z.number().int(),
});

const licenceSummary = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(EFFECTIVE_STATUSES),
  expiresOn: z.string(),
});
const contractSummary = z.object({
  type: z.enum(CONTRACT_TYPES),
  fullTime: z.boolean(),
  endsOn: z.string().nullable(),
});

export const staffListItem = z
  .object({
    id: z.number().int(),
    username: z.string().nullable(),
    name: z.object({ first: z.string(), last: z.string() }),
    nationalId: z.string().nullable(),
    roles: z.array(staffRoleEntry),
    educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
    licence: licenceSummary.nullable(),
    contract: contractSummary.nullable(),
    insured: z.boolean(),
  })
  .meta({ id: 'StaffListItem' });
export const staffPage = pageOf(staffListItem);

export const contractSchema = z
  .object({
    id: z.number().int(),
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }),
    type: z.enum(CONTRACT_TYPES),
    fullTime: z.boolean(),
    weeklyHours: z.number().int(),
    monthlyWageRials: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    terminatedOn: z.string().nullable(),
    terminationReason: z.string().nullable(),
    /** In force today. */
    inForce: z.boolean(),
  })
  .meta({ id: 'EmploymentContract' });

export const insurancePeriodSchema = z
  .object({
    id: z.number().int(),
    office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }),
    insuranceNumber: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    /** Covers today. */
    current: z.boolean(),
  })
  .meta({ id: 'InsurancePeriod' });

const HISTORY_KINDS = [
  'role-granted',
  'contract-started',
  'contract-ended',
  'contract-terminated',
  'insurance-started',
  'insurance-ended',
  'licence-issued',
  'licence-renewed',
  'licence-suspended',
  'licence-reinstated',
  'licence-revoked',
  'licence-widened',
  'licence-reminded',
] as const;

export const staffRecordSchema = z
  .object({
    id: z.number().int(),
    username: z.string().nullable(),
    name: z.object({ first: z.string(), last: z.string() }),
    nationalId: z.string().nullable(),
    mobile: z.string().nullable(),
    roles: z.array(staffRoleEntry),
    profile: z.object({
      educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
      educationField: z.string().nullable(),
      insuranceNumber: z.string().nullable(),
      hasPhoto: z.boolean(),
    }),
    offices: z.array(
      z.object({
        office: z.object({ id: z.number().int(), code: z.string(), name: localizedName }),
        provinceId: z.number().int(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
    contracts: z.array(contractSchema),
    insurance: z.array(insurancePeriodSchema),
    insured: z.boolean(),
    licences: z.array(
      z.object({
        id: z.number().int(),
        number: z.string(),
        office: z.object({ id: z.number().int(), code: z.string() }),
        serviceCodes: z.array(z.string()),
        status: z.enum(EFFECTIVE_STATUSES),
        issuedOn: z.string(),
        expiresOn: z.string(),
        statusReason: z.string().nullable(),
        suspendedUntil: z.string().nullable(),
      }),
    ),
    training: z.object({
      courses: z.array(
        z.object({
          courseId: z.number().int(),
          code: z.string(),
          titleFa: z.string(),
          kind: z.string(),
          serviceCodes: z.array(z.string()),
          attended: z.boolean(),
          hasExam: z.boolean(),
          examPassed: z.boolean(),
          qualified: z.boolean(),
        }),
      ),
      /** Continuing-education hours attended over the last twelve months. */
      continuingEducationHours: z.number().int(),
    }),
    history: z.array(
      z.object({
        on: z.string(),
        kind: z.enum(HISTORY_KINDS),
        office: z.object({ id: z.number().int(), code: z.string() }).nullable(),
        detail: z.string().nullable(),
      }),
    ),
    /** What the caller may change here (the manager of an office the person works at). */
    canManage: z.boolean(),
    /** The offices where the caller may add contracts and insurance for this person. */
    manageableOfficeIds: z.array(z.number().int()),
  })
  .meta({ id: 'StaffRecord' });

export const profileBody = z
  .object({
    educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
    educationField: z.string().trim().max(100).nullable(),
    insuranceNumber: insuranceNumberField.nullable(),
  })
  .strict();
