/**
 * The network map's API contract: figures per province and county, offices as map points, and
 * office viability. Handlers validate with these schemas; the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { toLatinDigits } from '#core/persian-digits';
import { localizedName, queryInt } from '#server/platform/http/fields';

/** Kilometres, Latin or Persian digits, 0–500 (farther than that is not "near" anywhere in Iran). */
const distanceKmField = z
  .preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(toLatinDigits(v.trim()))) : v),
    z.number().min(0).max(500),
  )
  .meta({ description: 'Distance to the nearest active office that counts as far, km (0–500)', example: 20 });

export const distributionQuery = z.object({ distanceKm: distanceKmField.default(20) });
export const officesMapQuery = z.object({ provinceId: queryInt(1, 32_767).optional() });
export const viabilityQuery = z.object({
  provinceId: queryInt(1, 32_767).optional(),
  officeId: queryInt(1, 2_147_483_647).optional(),
});

const periodSchema = z
  .object({
    fromMonth: z.string().meta({ description: 'First Jalali month, YYYY-MM' }),
    toMonth: z.string().meta({ description: 'Last Jalali month, YYYY-MM' }),
    months: z.number().int(),
  })
  .meta({ description: 'The last 12 complete Jalali months; monthly figures are averages over them' });

const viabilityStatusSchema = z
  .enum(['viable', 'marginal', 'below'])
  .meta({ description: 'viable: revenue ≥ 110 % of cost; marginal: 100–110 %; below: under break-even' });

const populationFields = {
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  populationSource: z.string().nullable(),
};

export const provinceFiguresSchema = z.object({
  provinceId: z.number().int(),
  name: localizedName,
  ...populationFields,
  offices: z.number().int().meta({ description: 'Active offices' }),
  officesPer100k: z.number().nullable(),
  demandMonthly: z.number().meta({ description: "Office-channel services a month at the province's offices" }),
  demandPerOffice: z.number().nullable(),
  farShare: z.number().nullable().meta({
    description: 'Share (0–1) of the people (demand points) whose nearest active office is farther than distanceKm',
  }),
  belowBreakEven: z.number().int(),
});

const totalsSchema = z.object({
  population: z.number().int(),
  offices: z.number().int(),
  officesPer100k: z.number().nullable(),
  demandMonthly: z.number(),
  demandPerOffice: z.number().nullable(),
  farShare: z.number().nullable(),
  belowBreakEven: z.number().int(),
});

export const distributionSchema = z.object({
  period: periodSchema,
  distanceKm: z.number(),
  totals: totalsSchema.meta({ description: 'Over the provinces listed (the whole country for national oversight)' }),
  provinces: z.array(provinceFiguresSchema),
});

const saturationStatusSchema = z
  .enum(['under-served', 'balanced', 'saturated'])
  .meta({ description: 'saturation < 0.8: under-served; 0.8–1.25: balanced; > 1.25: saturated' });

const countyFiguresSchema = z.object({
  countyId: z.number().int(),
  name: localizedName,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  ...populationFields,
  offices: z.number().int(),
  demandMonthly: z.number().meta({ description: "Recorded office-channel services a month at the county's offices" }),
  expectedDemandMonthly: z.number().meta({
    description: "Population × the province's services a month per person: what the county's people would bring",
  }),
  demandPerOffice: z.number().nullable(),
  farShare: z.number().nullable(),
  saturation: z.number().nullable().meta({ description: 'Offices ÷ (expected demand ÷ typical break-even volume)' }),
  saturationStatus: saturationStatusSchema.nullable(),
});

export const provinceDetailSchema = z.object({
  period: periodSchema,
  distanceKm: z.number(),
  province: provinceFiguresSchema,
  demandPerPerson: z
    .number()
    .meta({ description: 'Office-channel services a month per person used for expected demand' }),
  typicalBreakEvenVolume: z
    .number()
    .nullable()
    .meta({ description: "Median break-even volume of the province's offices (the nation's when it has none)" }),
  counties: z.array(countyFiguresSchema),
});

const mapOfficeSchema = z.object({
  officeId: z.number().int(),
  code: z.string(),
  name: localizedName,
  provinceId: z.number().int(),
  countyId: z.number().int().nullable(),
  lat: z.number(),
  lon: z.number(),
  viability: viabilityStatusSchema,
  demandMonthly: z.number(),
  breakEvenVolume: z.number(),
});
export const officesMapSchema = z.object({ period: periodSchema, items: z.array(mapOfficeSchema) });

const officeViabilitySchema = z.object({
  officeId: z.number().int(),
  code: z.string(),
  name: localizedName,
  provinceId: z.number().int(),
  countyId: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  status: z.string(),
  demandMonthly: z.number(),
  revenueMonthlyRials: z.number(),
  costMonthlyRials: z.number(),
  revenuePerServiceRials: z.number(),
  breakEvenVolume: z.number(),
  viability: viabilityStatusSchema,
});
export const viabilityListSchema = z.object({ period: periodSchema, items: z.array(officeViabilitySchema) });
