/**
 * The siting API contract: candidate locations for new offices and the optimizer's runs. Handlers
 * validate with these schemas, the OpenAPI document is generated from them and the web page takes
 * its wire types from them.
 */
import { z } from 'zod';
import { localizedName, paginationQuery, queryInt } from '#server/platform/http/fields';

/** A refinement whose failure names one of our field message codes. */
const because = (messageCode: string) => ({ params: { messageCode }, message: messageCode });

const latitude = z.number().min(-90).max(90).meta({ description: 'WGS 84 latitude, degrees', example: 32.65 });
const longitude = z.number().min(-180).max(180).meta({ description: 'WGS 84 longitude, degrees', example: 51.67 });

/** Cities are candidates by themselves; an admin adds other sites (a new town, a district). */
const CANDIDATE_KINDS = ['city', 'site'] as const;

export const candidateSchema = z.object({
  /** `city:<cityId>` or `site:<siteId>`: the id a run's proposal refers to. */
  id: z.string(),
  kind: z.enum(CANDIDATE_KINDS),
  cityId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
  provinceId: z.number().int(),
  name: localizedName,
  lat: z.number(),
  lon: z.number(),
  population: z.number().int().nullable().meta({ description: "A city's population; null for an added site" }),
  note: z.string(),
  /** A city that already has an office within about a kilometre is not offered to the optimizer. */
  hasOffice: z.boolean(),
});

export const sitingRunListQuery = z.object({ ...paginationQuery, provinceId: queryInt(1, 32_767).optional() });

export const candidateListQuery = z.object({
  provinceId: queryInt(1, 32_767),
});

export const candidateSiteBody = z
  .object({
    provinceId: z.number().int().min(1).max(32_767),
    name: z.string().trim().min(1).max(120),
    lat: latitude,
    lon: longitude,
    note: z.string().trim().max(500).default(''),
  })
  .strict();

const SITING_SOLVERS = ['heuristic', 'exact'] as const;
const CANDIDATE_CHOICES = ['cities', 'sites', 'both'] as const;

const extraDemandSchema = z
  .object({
    lat: latitude,
    lon: longitude,
    population: z.number().int().min(0).max(20_000_000),
    name: z.string().trim().max(120).optional(),
  })
  .strict();

export const sitingRunBody = z
  .object({
    provinceId: z.number().int().min(1).max(32_767).nullable().optional().meta({
      description: 'The province to site offices in; null or absent: the whole country (national roles only)',
    }),
    radiusKm: z
      .number()
      .refine((v) => v >= 0, because('negative_radius'))
      .refine((v) => v <= 500, because('too_big'))
      .meta({
        description: 'A person is covered when an office is within this distance (great-circle km)',
        example: 15,
      }),
    k: z.number().int().min(1).max(100).meta({ description: 'At most this many new offices', example: 3 }),
    solver: z.enum(SITING_SOLVERS).default('heuristic').meta({
      description:
        '`heuristic`: greedy and local search, fast; `exact`: a MIP that proves the best choice (provinces, small instances)',
    }),
    candidates: z
      .enum(CANDIDATE_CHOICES)
      .default('both')
      .meta({ description: 'Which candidate locations to offer: the cities, the added sites, or both' }),
    breakEvenVolume: z.number().positive().max(1_000_000).optional().meta({
      description: "Monthly services a new office needs to pay its way; absent: the median of the province's offices",
    }),
    demandPerPerson: z
      .number()
      .min(0)
      .max(10)
      .optional()
      .meta({ description: "Monthly office services per person; absent: each province's recorded rate" }),
    extraDemand: z
      .array(extraDemandSchema)
      .max(200)
      .default([])
      .meta({ description: 'Population not in the reference data (a new town, a planned district), at its location' }),
  })
  .strict();

/**
 * Where new offices' break-even came from: the override asked for, the median of the province's
 * offices, the cost model ÷ the nation's revenue per service (a province without offices), or, on a
 * national run, each province its own (`per-province`).
 */
const BREAK_EVEN_SOURCES = ['override', 'province-median', 'cost-model', 'per-province'] as const;

const proposedOfficeSchema = z.object({
  rank: z.number().int(),
  candidateId: z.string(),
  kind: z.enum(CANDIDATE_KINDS),
  name: localizedName,
  provinceId: z.number().int(),
  lat: z.number(),
  lon: z.number(),
  /** Monthly services it is expected to take (nearest-office assignment). */
  demand: z.number(),
  breakEven: z.number(),
});

const existingOfficeSchema = z.object({
  officeId: z.number().int(),
  code: z.string(),
  name: localizedName,
  lat: z.number(),
  lon: z.number(),
  breakEven: z.number(),
});

const officeLossSchema = existingOfficeSchema.extend({
  /** Monthly services today and once the proposal opens. */
  before: z.number(),
  after: z.number(),
});

export const sitingRunSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ userId: z.number().int().nullable(), name: z.string() }),
  provinceId: z.number().int().nullable(),
  provinceName: localizedName.nullable(),
  params: z.object({
    radiusKm: z.number(),
    k: z.number().int(),
    solver: z.enum(SITING_SOLVERS),
    candidates: z.enum(CANDIDATE_CHOICES),
    breakEvenVolume: z.number().nullable().meta({ description: 'The override asked for, if any' }),
    demandPerPerson: z.number().nullable().meta({ description: 'The override asked for, if any' }),
    extraDemand: z.array(extraDemandSchema),
  }),
  /** What the run assumed where nothing was given. */
  assumptions: z.object({
    breakEvenSource: z.enum(BREAK_EVEN_SOURCES),
    /** The break-even of new offices in the run's province (a national run: the median over provinces). */
    newOfficeBreakEven: z.number(),
    demandPerPerson: z.number().meta({ description: 'Population-weighted monthly office services per person' }),
  }),
  proposal: z.array(proposedOfficeSchema),
  /** Why the proposal is empty, when it is. */
  emptyReason: z.enum(['everyone-covered', 'no-viable-candidate']).nullable(),
  coverage: z.object({
    totalPopulation: z.number(),
    coveredBefore: z.number(),
    coveredAfter: z.number(),
    newlyCovered: z.number(),
    /** Percent of the total population (0–100). */
    beforePercent: z.number(),
    afterPercent: z.number(),
    gainPercent: z.number(),
  }),
  existingOffices: z.array(existingOfficeSchema),
  existingLosses: z.array(officeLossSchema),
  solver: z.object({
    name: z.enum(['heuristic', 'exact', 'brute-force']),
    millis: z.number(),
    optimal: z.boolean().nullable(),
    gap: z.number().nullable(),
  }),
  size: z.object({ demandPoints: z.number().int(), candidates: z.number().int(), existingOffices: z.number().int() }),
});

export const sitingRunListItem = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  provinceId: z.number().int().nullable(),
  provinceName: localizedName.nullable(),
  radiusKm: z.number(),
  k: z.number().int(),
  solver: z.enum(SITING_SOLVERS),
  chosen: z.number().int(),
  newlyCovered: z.number(),
  gainPercent: z.number(),
});

export type Candidate = z.infer<typeof candidateSchema>;
export type SitingRunRequest = z.output<typeof sitingRunBody>;
export type SitingRun = z.infer<typeof sitingRunSchema>;
export type SitingRunListItem = z.infer<typeof sitingRunListItem>;
export type BreakEvenSource = (typeof BREAK_EVEN_SOURCES)[number];
