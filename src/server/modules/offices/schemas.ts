import { z } from 'zod';
import { toLatinDigits } from '#core/persian-digits';
import {
  idParams,
  jalaliDateField,
  localizedName,
  mobileField,
  nationalIdField,
  pageOf,
  paginationQuery,
  queryInt,
} from '#server/platform/http/fields';
import { APPLICATION_STATUSES, COMPETENCY_STATUSES, DEGREE_FIELDS, DEGREE_LEVELS, OFFICE_STATUSES } from './values';

const id = z.number().int();
const serviceCode = z.string().trim().min(1).max(60);
/** A Jalali date as Daftar answers it: YYYY-MM-DD. */
const jalaliOut = z.string();

const openingPeriodSchema = z
  .object({
    /** 0 = Saturday … 6 = Friday. */
    day: z.number().int(),
    opens: z.string().meta({ example: '08:00' }),
    closes: z.string().meta({ example: '17:00' }),
  })
  .strict();

const locationSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

export const officeSchema = z
  .object({
    id,
    code: z.string(),
    name: localizedName,
    province: z.object({ id, name: localizedName }),
    city: z.object({ id, name: localizedName }),
    address: z.string(),
    phone: z.string().nullable(),
    status: z.enum(OFFICE_STATUSES),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    openingHours: z.array(openingPeriodSchema),
    counters: z.number().int(),
    hearingBooths: z.number().int(),
    /** The catalog services the office may offer today (its competencies in force). */
    services: z.array(z.string()),
  })
  .meta({ id: 'Office' });

export const officeListQuery = z.object({
  provinceId: queryInt(1, 32_767).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only active offices competent today for this catalog service. */
  service: z.string().trim().min(1).max(60).optional(),
  ...paginationQuery,
});

export const officePage = pageOf(officeSchema);

// ---- The office's profile ----

export const officeProfileBody = z
  .object({
    phone: z
      .string()
      .trim()
      .transform(toLatinDigits)
      .pipe(z.string().regex(/^0\d{2,3}-?\d{7,8}$/))
      .nullable()
      .optional(),
    address: z.string().trim().min(5).max(500),
    location: locationSchema.nullable(),
    openingHours: z.array(openingPeriodSchema).max(28),
    counters: z.number().int().min(1).max(50),
    hearingBooths: z.number().int().min(0).max(20),
  })
  .strict();
export type OfficeProfileInput = z.output<typeof officeProfileBody>;

// ---- Status over time ----

export const officeStatusBody = z
  .object({
    status: z.enum(OFFICE_STATUSES),
    reason: z.string().trim().max(1000).optional(),
    fromDate: jalaliDateField,
    untilDate: jalaliDateField.optional(),
  })
  .strict();
export type OfficeStatusInput = z.output<typeof officeStatusBody>;

const statusEventSchema = z
  .object({
    id,
    status: z.enum(OFFICE_STATUSES),
    reason: z.string().nullable(),
    fromDate: jalaliOut,
    untilDate: jalaliOut.nullable(),
    decidedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OfficeStatusEvent' });

const competencySchema = z
  .object({
    serviceCode: z.string(),
    service: localizedName,
    status: z.enum(COMPETENCY_STATUSES),
    validFrom: jalaliOut,
    validUntil: jalaliOut.nullable(),
    pilot: z.boolean(),
    reason: z.string().nullable(),
    /** In force today: active and within its dates. */
    inForce: z.boolean(),
  })
  .meta({ id: 'OfficeCompetency' });

export const officeHistorySchema = z
  .object({
    office: officeSchema,
    openedOn: jalaliOut.nullable(),
    applicationId: id.nullable(),
    statusEvents: z.array(statusEventSchema),
    competencies: z.array(competencySchema),
  })
  .meta({ id: 'OfficeHistory' });

// ---- Competencies ----

export const competencyGrantBody = z
  .object({
    serviceCode,
    officeIds: z.array(z.number().int().min(1)).min(1).max(1000).optional(),
    /** A grant to every active office of these provinces (typically a pilot). */
    provinceIds: z.array(z.number().int().min(1).max(32_767)).min(1).max(40).optional(),
    validFrom: jalaliDateField,
    validUntil: jalaliDateField.optional(),
    pilot: z.boolean().default(false),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();
export type CompetencyGrantInput = z.output<typeof competencyGrantBody>;

export const competencyGrantResponse = z.object({
  serviceCode: z.string(),
  /** Offices that now hold it (new, or a withdrawn one reactivated with the new dates). */
  granted: z.number().int(),
  reactivated: z.number().int(),
  /** Offices that already held it, active or suspended, left as they were. */
  alreadyHeld: z.number().int(),
  officeIds: z.array(id),
});

export const competencyParams = idParams.extend({ serviceCode });
export const competencyStatusBody = z
  .object({
    status: z.enum(COMPETENCY_STATUSES),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();

export const coverageQuery = z.object({ serviceCode });
export const coverageResponse = z.object({
  service: z.object({ code: z.string(), title: localizedName, channels: z.string() }),
  provinces: z.array(
    z.object({
      province: z.object({ id, name: localizedName }),
      activeOffices: z.number().int(),
      competentOffices: z.number().int(),
      pilotOffices: z.number().int(),
    }),
  ),
  totals: z.object({ activeOffices: z.number().int(), competentOffices: z.number().int() }),
});

// ---- Applications to open an office ----

const founderBody = z
  .object({
    nationalId: nationalIdField,
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    mobile: mobileField,
    birthDate: jalaliDateField.optional(),
  })
  .strict();

export const officeApplicationBody = z
  .object({
    /** Only when an association admin files for a founder; a citizen files as themself. */
    founder: founderBody.optional(),
    degreeLevel: z.enum(DEGREE_LEVELS),
    degreeField: z.enum(DEGREE_FIELDS),
    university: z.string().trim().min(2).max(200),
    graduationYear: z.preprocess(
      (v) => (typeof v === 'string' ? Number(toLatinDigits(v)) : v),
      z.number().int().min(1320).max(1500),
    ),
    experienceYears: z.number().int().min(0).max(60),
    proposedNameFa: z.string().trim().min(2).max(200),
    provinceId: z.number().int().min(1).max(32_767),
    cityId: z.number().int().min(1),
    address: z.string().trim().min(5).max(500),
    location: locationSchema,
    plannedCounters: z.number().int().min(1).max(50),
    plannedHearingBooths: z.number().int().min(0).max(20),
  })
  .strict();
export type OfficeApplicationInput = z.output<typeof officeApplicationBody>;

export const officeApplicationSchema = z
  .object({
    id,
    status: z.enum(APPLICATION_STATUSES),
    founder: z.object({ nationalId: z.string(), firstName: z.string(), lastName: z.string(), mobile: z.string() }),
    degreeLevel: z.enum(DEGREE_LEVELS),
    degreeField: z.enum(DEGREE_FIELDS),
    university: z.string().nullable(),
    graduationYear: z.number().int().nullable(),
    experienceYears: z.number().int(),
    proposedNameFa: z.string(),
    province: z.object({ id, name: localizedName }),
    city: z.object({ id, name: localizedName }),
    address: z.string(),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    plannedCounters: z.number().int(),
    plannedHearingBooths: z.number().int(),
    /** Filed by the founder themself, or by an association admin for them. */
    filedByFounder: z.boolean(),
    review: z.object({ by: z.string().nullable(), at: z.string(), note: z.string().nullable() }).nullable(),
    decision: z.object({ by: z.string().nullable(), at: z.string(), note: z.string().nullable() }).nullable(),
    office: z.object({ id, code: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OfficeApplication' });

export const officeApplicationPage = pageOf(officeApplicationSchema);
export const officeApplicationListQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  provinceId: queryInt(1, 32_767).optional(),
  ...paginationQuery,
});
export const reviewBody = z.object({ recommend: z.boolean(), note: z.string().trim().max(2000).optional() }).strict();
export const decideBody = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).optional() }).strict();
