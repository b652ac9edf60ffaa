/** Request and response shapes of the stats area. */
import { z } from 'zod';
import { localizedName } from '#server/platform/http/fields';
import { jalaliMonthField } from '#server/modules/tariffs/schemas';
import { STATS_CHANNELS, STATS_LEVELS } from './values';
import { AGE_BANDS } from '#core/age-bands';

export const overviewSchema = z.object({
  offices: z.number().int(),
  staff: z.number().int(),
  citizens: z.number().int(),
  outboxPending: z.number().int(),
  scopeLabel: localizedName,
});

export const servicesQuery = z.object({
  provinceId: z.coerce.number().int().positive().max(32_767).optional(),
  countyId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  officeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  fromMonth: jalaliMonthField.optional(),
  toMonth: jalaliMonthField.optional(),
  service: z.string().trim().min(1).max(60).optional(),
  channel: z.enum(STATS_CHANNELS).optional(),
});

const volume = {
  office: z.number().int().meta({ description: 'Services at offices' }),
  online: z.number().int().meta({ description: 'Services done online by citizens themselves' }),
  amountRials: z.number().int().meta({ description: 'Amount billed, Rials' }),
  previousRecords: z.number().int().meta({ description: 'Services (both channels) in the same months a year before' }),
  changePercent: z
    .number()
    .nullable()
    .meta({ description: 'Change of services from the year before, percent; null when there were none' }),
};

const placeSchema = z.object({
  level: z.enum(STATS_LEVELS),
  id: z.number().int().nullable().meta({ description: 'null for the nation' }),
  name: localizedName,
});

export const servicesDashboardSchema = z
  .object({
    place: placeSchema,
    path: z
      .array(placeSchema)
      .meta({ description: 'From the highest level the caller may open down to this place (the way back up)' }),
    childLevel: z.enum(STATS_LEVELS).nullable(),
    childrenCover: z.enum(['both', 'office']).meta({
      description: "Below a province services are counted at their office: online services have no county's office",
    }),
    months: z.array(z.string()).meta({ description: 'Jalali months, oldest first' }),
    previousMonths: z.array(z.string()).meta({ description: 'The same months a year before' }),
    totals: z.object({
      ...volume,
      records: z.number().int(),
      previousAmountRials: z.number().int(),
      digitalTakeUpPercent: z.number().nullable().meta({ description: 'Share done online, percent' }),
    }),
    byMonth: z.array(z.object({ month: z.string(), ...volume })),
    byService: z.array(z.object({ service: z.string(), titleFa: z.string(), titleEn: z.string(), ...volume })),
    children: z.array(
      z.object({
        id: z.number().int(),
        name: localizedName,
        ...volume,
        digitalTakeUpPercent: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ServicesDashboard' });

const filingFigures = {
  submitted: z.number().int().meta({ description: 'Filings submitted to the court in the months' }),
  accepted: z.number().int().meta({ description: 'Of those, accepted by the court so far' }),
  returned: z.number().int().meta({ description: 'Of those, returned by the court so far' }),
  meanResponseHours: z
    .number()
    .nullable()
    .meta({ description: "The court's mean time to decide, hours (one decimal); null when none is decided" }),
  previousSubmitted: z.number().int().meta({ description: 'Filings submitted in the same months a year before' }),
  changePercent: z.number().nullable(),
};

export const filingsDashboardSchema = z
  .object({
    place: placeSchema,
    path: z.array(placeSchema),
    childLevel: z.enum(STATS_LEVELS).nullable(),
    months: z.array(z.string()),
    previousMonths: z.array(z.string()),
    totals: z.object(filingFigures),
    byMonth: z.array(z.object({ month: z.string(), ...filingFigures })),
    children: z.array(z.object({ id: z.number().int(), name: localizedName, ...filingFigures })),
    pending: z.object({
      asOf: z
        .string()
        .nullable()
        .meta({ description: 'When the statistics job last counted them (every 15 minutes); null when none awaits' }),
      bands: z.array(z.object({ band: z.enum(AGE_BANDS), filings: z.number().int() })),
    }),
  })
  .meta({ id: 'FilingsDashboard' });
