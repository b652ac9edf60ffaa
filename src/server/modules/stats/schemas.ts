/** Request and response shapes of the stats area. */
import { z } from 'zod';
import { localizedName } from '#server/platform/http/fields';
import { jalaliMonthField } from '#server/modules/tariffs/schemas';
import { OPEN_NOTICE_MEASURES, STATS_CHANNELS, STATS_LEVELS } from './values';
import { AGE_BANDS } from '#core/age-bands';
import { SERVICE_KPIS } from '#core/service-kpis';

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

const noticeFigures = {
  issued: z.number().int().meta({ description: "Addressees' copies of the notices issued in the months" }),
  openedAtOffice: z.number().int().meta({ description: 'Of those, opened at an office on the addressee’s behalf' }),
  openedOnline: z.number().int().meta({ description: 'Of those, opened online by the addressee' }),
  unopened: z.number().int().meta({ description: 'Of those, not opened yet' }),
  meanDelayHours: z
    .number()
    .nullable()
    .meta({ description: 'Mean hours from issue to opening (one decimal); null when none is opened' }),
  meanOfficeDelayHours: z.number().nullable().meta({ description: 'The same, of the copies opened at an office' }),
  meanOnlineDelayHours: z.number().nullable().meta({ description: 'The same, of the copies opened online' }),
  previousIssued: z.number().int().meta({ description: 'Copies issued in the same months a year before' }),
  changePercent: z.number().nullable(),
};

export const noticesDashboardSchema = z
  .object({
    place: placeSchema,
    path: z.array(placeSchema),
    childLevel: z.enum(STATS_LEVELS).nullable(),
    months: z.array(z.string()),
    previousMonths: z.array(z.string()),
    totals: z.object(noticeFigures),
    byMonth: z.array(z.object({ month: z.string(), ...noticeFigures })),
    children: z.array(z.object({ id: z.number().int(), name: localizedName, ...noticeFigures })),
  })
  .meta({ id: 'NoticesDashboard' });

/** The open data's query: a province (else the nation, province by province) and a period of Jalali months. */
export const openDataQuery = z.object({
  provinceId: z.coerce
    .number()
    .int()
    .positive()
    .max(32_767)
    .optional()
    .meta({ description: "A province's id: its own figures and its offices'; without it, every province's" }),
  fromMonth: jalaliMonthField
    .optional()
    .meta({ description: 'First Jalali month, `1404-01` (Latin or Persian digits)' }),
  toMonth: jalaliMonthField.optional().meta({
    description:
      'Last Jalali month (at most 24 months in all); without both, the twelve months up to the last complete one',
  }),
});

export const openDataYearParams = z.object({
  year: z
    .string()
    .trim()
    .transform((v) => v.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))))
    .refine((v) => /^\d{4}$/.test(v) && Number(v) >= 1300 && Number(v) <= 1500, {
      params: { messageCode: 'jalali_year_out_of_range' },
      message: 'jalali_year_out_of_range',
    })
    .transform(Number)
    .meta({ description: 'A Jalali year, `1404` (Latin or Persian digits)' }),
});

const OPEN_DATA_LEVELS = ['province', 'office'] as const;

export const openDataRowSchema = z.object({
  month: z.string().meta({ description: 'Jalali month, `1404-01`' }),
  level: z.enum(OPEN_DATA_LEVELS).meta({ description: "province: the province's figure; office: one office's" }),
  provinceId: z.number().int(),
  province: localizedName,
  officeCode: z
    .string()
    .nullable()
    .meta({ description: "The office's code on the register; null for a province's row" }),
  office: localizedName.nullable(),
  channel: z.enum(STATS_CHANNELS).meta({
    description: 'office: done at an office; online: done by citizens themselves (counted for the province only)',
  }),
  services: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Services of every kind in the month; null when suppressed' }),
  suppressed: z.boolean().meta({
    description:
      'Hidden: a count from 1 to 4, or a count hidden so that one cannot be worked out from the province total (docs/decisions/0048)',
  }),
});

export const openDataSchema = z
  .object({
    title: localizedName,
    licence: z.object({ name: z.string(), url: z.string(), attribution: localizedName }),
    dictionary: z.string().meta({ description: 'The web page describing every column' }),
    threshold: z
      .number()
      .int()
      .meta({ description: 'The smallest count published; smaller ones (not zero) are hidden' }),
    months: z.array(z.string()),
    rows: z.array(openDataRowSchema),
  })
  .meta({ id: 'OpenStatistics' });

/** The board reports' list: kept reports, optionally of a period of Jalali months. */
export const boardReportsQuery = z.object({
  fromMonth: jalaliMonthField.optional(),
  toMonth: jalaliMonthField.optional(),
});

export const boardReportMonthParams = z.object({ month: jalaliMonthField });

export const makeBoardReportBody = z.object({
  month: jalaliMonthField.meta({ description: 'A Jalali month that has ended, `1405-01` (Latin or Persian digits)' }),
});

export const boardReportSummarySchema = z
  .object({
    month: z.string().meta({ description: 'Jalali month reported' }),
    previousMonth: z.string().meta({ description: 'The month it is compared with' }),
    generatedAt: z.string().meta({ description: 'When the figures were read (ISO)' }),
    byJob: z.boolean().meta({ description: 'Made by the monthly job (else on demand by the regulator)' }),
    services: z.number().int().meta({ description: 'Services nationwide in the month' }),
    amountRials: z.number().int().meta({ description: 'Fees billed for them, Rials' }),
    filingsSubmitted: z.number().int(),
  })
  .meta({ id: 'BoardReportSummary' });

export const boardReportsSchema = z.object({
  lastFinishedMonth: z.string().meta({ description: 'The latest month a report can be made for' }),
  items: z.array(boardReportSummarySchema).meta({ description: 'Newest month first' }),
});

/** A Jalali year in a path or body, `1404` (Latin or Persian digits). */
const jalaliYearField = z
  .union([z.string(), z.number()])
  .transform((v) =>
    String(v)
      .trim()
      .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))),
  )
  .refine((v) => /^\d{4}$/.test(v) && Number(v) >= 1300 && Number(v) <= 1500, {
    params: { messageCode: 'jalali_year_out_of_range' },
    message: 'jalali_year_out_of_range',
  })
  .transform(Number)
  .meta({ description: 'A Jalali year, `1404` (Latin or Persian digits)' });

export const annualReportYearParams = z.object({ year: jalaliYearField });

export const makeAnnualReportBody = z.object({
  year: jalaliYearField.meta({ description: 'A Jalali year that has ended, `1404` (Latin or Persian digits)' }),
});

export const annualReportSummarySchema = z
  .object({
    year: z.number().int().meta({ description: 'Jalali year reported' }),
    previousYear: z.number().int().meta({ description: 'The year it is compared with' }),
    generatedAt: z.string().meta({ description: 'When the figures were read (ISO)' }),
    byJob: z.boolean().meta({ description: 'Made by the job on 1 Farvardin (else on demand by the regulator)' }),
    services: z.number().int().meta({ description: 'Services nationwide in the year' }),
    amountRials: z.number().int().meta({ description: 'Fees billed for them, Rials' }),
    filingsSubmitted: z.number().int(),
    officesBelowBreakEven: z.number().int().nullable().meta({
      description: 'Offices whose revenue did not cover their cost over the year; null when no tariff was in force',
    }),
    officesBelowQuality: z
      .number()
      .int()
      .meta({ description: "Offices whose year's quality score was under the threshold" }),
  })
  .meta({ id: 'BoardAnnualReportSummary' });

export const annualReportsSchema = z.object({
  lastFinishedYear: z.number().int().meta({ description: 'The latest year a report can be made for' }),
  items: z.array(annualReportSummarySchema).meta({ description: 'Newest year first' }),
});

export const openNoticesSchema = z
  .object({
    title: localizedName,
    licence: z.object({ name: z.string(), url: z.string(), attribution: localizedName }),
    dictionary: z.string().meta({ description: 'The web page describing every column' }),
    threshold: z
      .number()
      .int()
      .meta({ description: 'The smallest count published; smaller ones (not zero) are hidden' }),
    months: z.array(z.string()),
    rows: z.array(
      z.object({
        month: z.string().meta({ description: 'Jalali month of issue, `1404-01`' }),
        provinceId: z.number().int(),
        province: localizedName,
        measure: z.enum(OPEN_NOTICE_MEASURES).meta({
          description:
            "issued: addressees' copies issued; opened_at_office / opened_online: of those, opened at an office or online; unopened: not opened yet; mean_delay_hours: mean hours from issue to opening",
        }),
        value: z.number().nullable().meta({ description: 'null when suppressed, or a mean with nothing opened' }),
        suppressed: z.boolean().meta({
          description:
            'Hidden: a count from 1 to 4, the count that would give it away from the issued total, or a mean over fewer than 5 opened copies',
        }),
      }),
    ),
  })
  .meta({ id: 'OpenNotices' });

const kpiFigures = {
  servicesOnline: z.number().int().meta({ description: 'Services done online' }),
  servicesAll: z.number().int().meta({ description: 'Services at offices and online' }),
  digitalTakeUpPercent: z
    .number()
    .nullable()
    .meta({ description: 'Share done online, percent (one decimal); null with no service, or below a province' }),
  filingsStarted: z.number().int().meta({ description: 'Filings started (created) in the months' }),
  filingsFinished: z.number().int().meta({ description: 'Of those, submitted to the court' }),
  completionRatePercent: z.number().nullable().meta({ description: 'Finished of started, percent; null with none' }),
  costPerTransactionRials: z.null().meta({ description: 'Not available yet: no source (see `kpis`)' }),
  surveysAnswered: z.number().int().meta({ description: 'Counter surveys answered in the months' }),
  surveysSatisfied: z.number().int().meta({ description: 'Of those, satisfied or very satisfied (4 or 5 of 5)' }),
  userSatisfactionPercent: z
    .number()
    .nullable()
    .meta({ description: 'Satisfied of answered, percent; null with none' }),
};

export const kpisDashboardSchema = z
  .object({
    place: placeSchema,
    path: z.array(placeSchema),
    childLevel: z.enum(STATS_LEVELS).nullable(),
    months: z.array(z.string()),
    kpis: z
      .array(
        z.object({
          kpi: z.enum(SERVICE_KPIS),
          targetPercent: z
            .number()
            .nullable()
            .meta({ description: 'The CDDO "great" threshold, percent: a figure above it meets it; null with none' }),
          available: z.boolean().meta({ description: 'Whether the figure has a source at this place' }),
          note: localizedName.nullable().meta({ description: 'Why it is not available' }),
        }),
      )
      .meta({ description: 'The four KPIs of the service standard, in order' }),
    totals: z.object(kpiFigures),
    byMonth: z.array(z.object({ month: z.string(), ...kpiFigures })),
    byService: z.array(z.object({ service: z.string(), titleFa: z.string(), titleEn: z.string(), ...kpiFigures })),
    children: z.array(z.object({ id: z.number().int(), name: localizedName, ...kpiFigures })),
  })
  .meta({ id: 'ServiceKpis' });
