/**
 * The tariffs-as-policy API contract: schedules (drafts → approval), the revision simulator with
 * its saved runs and exports, the office cost model, channel policy and channel share. Handlers
 * validate with these schemas and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { jalaliDateField, localizedName, idField } from '#server/platform/http/fields';

/** Jalali month as people pick it: 1403-01 or 1403/01, Latin or Persian digits. */
export const jalaliMonthField = z
  .string()
  .trim()
  .transform((v) => v.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace('/', '-'))
  .refine((v) => /^1[34]\d\d-(0[1-9]|1[0-2])$/.test(v), {
    params: { messageCode: 'invalid_format' },
    message: 'invalid_format',
  })
  .meta({ description: 'Jalali month, YYYY-MM', example: '1403-01' });

/** Fees are whole Rials; anything above a billion Rials for one office service is a typing slip. */
const feeRials = z.number().int().min(0).max(1_000_000_000).meta({ description: 'Rials', example: 847_000 });

const scheduleLineSchema = z.object({
  code: z.string(),
  titleFa: z.string(),
  titleEn: z.string(),
  amountRials: z.number().int().meta({ description: 'Fee at an office' }),
  onlineAmountRials: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Fee online (self-service); null: the same as at an office' }),
});

export const scheduleSummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    status: z.enum(['draft', 'approved']),
    effectiveFrom: z.string().meta({ description: 'ISO date' }),
    effectiveFromJalali: z.string(),
    effectiveTo: z.string().nullable(),
    effectiveToJalali: z.string().nullable(),
    /** In force today, superseded by a later one, or not yet in force. */
    state: z.enum(['draft', 'upcoming', 'in-force', 'superseded']),
    source: z.string(),
    note: z.string(),
    basedOnId: z.number().int().nullable(),
    indexation: z
      .object({ ratePercent: z.number(), roundingRials: z.number().int(), mode: z.enum(['nearest', 'up']) })
      .nullable(),
    createdBy: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
    approvedBy: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
    approvedAt: z.string().nullable(),
  })
  .meta({ id: 'TariffScheduleSummary' });

export const scheduleSchema = scheduleSummarySchema
  .extend({ lines: z.array(scheduleLineSchema) })
  .meta({ id: 'TariffSchedule' });

/** A line of a schedule beside the one in force (or the schedule it was indexed from). */
export const lineChangeSchema = z
  .object({
    code: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    beforeRials: z.number().int().nullable().meta({ description: 'Office fee before; null: a new line' }),
    afterRials: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Office fee after; null: the line is not in the new schedule' }),
    changePercent: z.number().nullable(),
    onlineBeforeRials: z.number().int().nullable(),
    onlineAfterRials: z.number().int().nullable(),
    onlineChangePercent: z.number().nullable(),
  })
  .meta({ id: 'TariffLineChange' });

export const changesReferenceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  titleFa: z.string(),
  titleEn: z.string(),
  effectiveFrom: z.string(),
  effectiveFromJalali: z.string(),
});

const draftLineInput = z
  .object({
    code: z.string().trim().min(1).max(60),
    amountRials: feeRials,
    onlineAmountRials: feeRials.nullable().optional(),
  })
  .strict();

export const newDraftBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[A-Za-z0-9._-]+$/)
      .meta({ example: '1404' }),
    titleFa: z.string().trim().min(3).max(200),
    titleEn: z.string().trim().min(3).max(200),
    effectiveFrom: jalaliDateField,
    effectiveTo: jalaliDateField
      .optional()
      .meta({ description: 'Last day in force, for a past schedule entered with its known end' }),
    source: z.string().trim().min(3).max(500).meta({ description: 'The board resolution or circular behind it' }),
    note: z.string().trim().max(4000).optional(),
    /** Start from this schedule's lines (copied, or indexed when `indexation` is given). */
    basedOnId: idField.optional(),
    indexation: z
      .object({
        ratePercent: z
          .number()
          .min(-50)
          .max(500)
          .meta({ description: 'Inflation rate to apply, percent', example: 10 }),
        roundingRials: z.number().int().min(0).max(1_000_000).optional().meta({
          description:
            'Round to a multiple of this; absent: by size (1,000 under 100,000; 5,000 under 1,000,000; 10,000 above)',
        }),
        mode: z.enum(['nearest', 'up']).default('nearest'),
      })
      .strict()
      .optional(),
    /** Or give the lines outright. */
    lines: z.array(draftLineInput).max(200).optional(),
  })
  .strict();

export const editDraftBody = z
  .object({
    titleFa: z.string().trim().min(3).max(200).optional(),
    titleEn: z.string().trim().min(3).max(200).optional(),
    effectiveFrom: jalaliDateField.optional(),
    effectiveTo: jalaliDateField.nullable().optional(),
    source: z.string().trim().min(3).max(500).optional(),
    note: z.string().trim().max(4000).optional(),
    /** Replaces the lines given (by code); lines not named stay as they are. */
    lines: z.array(draftLineInput).max(200).optional(),
    /** Codes to drop from the draft. */
    removeLines: z.array(z.string().trim().min(1).max(60)).max(200).optional(),
  })
  .strict();

export const indexationPreviewBody = z
  .object({
    basedOnId: idField,
    ratePercent: z.number().min(-50).max(500),
    roundingRials: z.number().int().min(0).max(1_000_000).optional(),
    mode: z.enum(['nearest', 'up']).default('nearest'),
  })
  .strict();

/* ---------------------------------------------------------------- simulator */

const channelMoveSchema = z
  .object({
    service: z.string().trim().min(1).max(60),
    /** Which way the volume moves. */
    to: z.enum(['online', 'office']),
    /** Share of the service's volume in the other channel that moves, percent. */
    sharePercent: z.number().min(0).max(100),
    /** Share of the moved volume that is lost altogether (people who give up), percent. */
    lostPercent: z.number().min(0).max(100).default(0),
  })
  .strict()
  .meta({ id: 'ChannelMove' });

export const simulationBody = z
  .object({
    scheduleId: idField.meta({ description: 'The draft (or any schedule) to simulate' }),
    baselineScheduleId: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'Compared against; absent: the schedule in force today' }),
    fromMonth: jalaliMonthField,
    toMonth: jalaliMonthField,
    provinceId: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "Limit to one province (a province's association always gets its own)" }),
    channelMoves: z.array(channelMoveSchema).max(50).default([]),
    /** Save the run so it can be exported and shown to the board. */
    save: z.boolean().default(true),
  })
  .strict();

const money = z.number().int();
const serviceResultSchema = z.object({
  service: z.string(),
  titleFa: z.string(),
  titleEn: z.string(),
  records: z.number().int(),
  officeRecords: z.number().int(),
  onlineRecords: z.number().int(),
  citizenCostBeforeRials: money,
  citizenCostAfterRials: money,
  citizenCostChangeRials: money,
  changePercent: z.number().nullable(),
  unitBeforeRials: money.nullable(),
  unitAfterRials: money.nullable(),
});
const provinceResultSchema = z.object({
  provinceId: z.number().int(),
  name: localizedName,
  offices: z.number().int(),
  records: z.number().int(),
  citizenCostBeforeRials: money,
  citizenCostAfterRials: money,
  officeRevenueBeforeRials: money,
  officeRevenueAfterRials: money,
  belowBreakEvenBefore: z.number().int(),
  belowBreakEvenAfter: z.number().int(),
});
const officeResultSchema = z.object({
  officeId: z.number().int(),
  officeNumber: z.string(),
  name: z.string(),
  provinceId: z.number().int(),
  records: z.number().int(),
  revenueBeforeRials: money,
  revenueAfterRials: money,
  revenueChangeRials: money,
  costRials: money.meta({ description: 'Running costs over the period from the cost model (break-even revenue)' }),
  operators: z.number().int(),
  viableBefore: z.boolean(),
  viableAfter: z.boolean(),
});
export const simulationResultSchema = z
  .object({
    id: z.number().int().nullable().meta({ description: 'The saved run; null when not saved' }),
    schedule: scheduleSummarySchema.pick({ id: true, code: true, titleFa: true, titleEn: true, status: true }),
    baseline: scheduleSummarySchema.pick({ id: true, code: true, titleFa: true, titleEn: true, status: true }),
    fromMonth: z.string(),
    toMonth: z.string(),
    months: z.number().int(),
    provinceId: z.number().int().nullable(),
    channelMoves: z.array(channelMoveSchema),
    totals: z.object({
      records: z.number().int(),
      offices: z.number().int(),
      citizenCostBeforeRials: money,
      citizenCostAfterRials: money,
      officeRevenueBeforeRials: money,
      officeRevenueAfterRials: money,
      belowBreakEvenBefore: z.number().int(),
      belowBreakEvenAfter: z.number().int(),
    }),
    services: z.array(serviceResultSchema),
    provinces: z.array(provinceResultSchema),
    /** Every office in scope, worst revenue change first. */
    offices: z.array(officeResultSchema),
    /** What the figures assume (cost model, channel moves, period), shown beside the results. */
    assumptions: z.array(z.object({ key: z.string(), fa: z.string(), en: z.string() })),
    createdAt: z.string(),
    createdBy: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  })
  .meta({ id: 'TariffSimulation' });

export const simulationListItem = z.object({
  id: z.number().int(),
  scheduleId: z.number().int(),
  scheduleCode: z.string(),
  baselineCode: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  provinceId: z.number().int().nullable(),
  citizenCostChangeRials: money,
  officeRevenueChangeRials: money,
  belowBreakEvenBefore: z.number().int(),
  belowBreakEvenAfter: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/* ---------------------------------------------------------------- cost model */

export const costDefaultSchema = z
  .object({
    provinceId: z.number().int(),
    name: localizedName,
    operatorWageRials: money,
    insurancePercent: z.number(),
    operatorsPerOffice: z.number().int(),
    rentRials: money,
    otherRials: money,
    monthlyCostRials: money.meta({ description: 'For an office with the default number of operators' }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'OfficeCostDefaults' });

export const costDefaultBody = z
  .object({
    operatorWageRials: z.number().int().min(10_000_000).max(10_000_000_000),
    insurancePercent: z.number().min(0).max(60),
    operatorsPerOffice: z.number().int().min(1).max(50),
    rentRials: z.number().int().min(0).max(100_000_000_000),
    otherRials: z.number().int().min(0).max(100_000_000_000),
  })
  .strict();

/* ---------------------------------------------------------------- channels */

export const channelPolicySchema = z
  .object({
    code: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    kind: z.string(),
    channels: z.enum(['office', 'online', 'both']),
    officeFeeRials: money.nullable(),
    onlineFeeRials: money.nullable(),
  })
  .meta({ id: 'ChannelPolicy' });

export const channelPolicyBody = z
  .object({
    channels: z.enum(['office', 'online', 'both']),
    reason: z.string().trim().min(5).max(1000),
  })
  .strict();

export const channelShareQuery = z.object({
  fromMonth: jalaliMonthField.optional(),
  toMonth: jalaliMonthField.optional(),
  provinceId: z.coerce.number().int().positive().optional(),
  service: z.string().trim().min(1).max(60).optional(),
});

export const channelShareSchema = z
  .object({
    months: z.array(z.string()).meta({ description: 'Jalali months, oldest first' }),
    series: z.array(
      z.object({
        service: z.string(),
        titleFa: z.string(),
        titleEn: z.string(),
        office: z.array(z.number().int()),
        online: z.array(z.number().int()),
        onlineSharePercent: z.array(z.number().nullable()),
      }),
    ),
    byProvince: z.array(
      z.object({
        provinceId: z.number().int(),
        name: localizedName,
        office: z.number().int(),
        online: z.number().int(),
        onlineSharePercent: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ChannelShare' });

/** Fee quotes and the court-cost rule set. */
export const quoteBody = z
  .object({
    service: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .meta({ description: 'Catalog service code, e.g. petition', example: 'petition' }),
    date: jalaliDateField
      .optional()
      .meta({ description: 'Jalali date the quote is for (today in Tehran when absent)', example: '1403-05-01' }),
    parties: z
      .number()
      .meta({ description: 'Everyone named on a filing: parties and representatives (filing services)', example: 2 })
      .optional(),
    pages: z.number().meta({ description: 'Attachment pages (filing services)', example: 2 }).optional(),
    provinceId: z
      .number()
      .int()
      .min(1)
      .max(32_767)
      .optional()
      .meta({ description: "The office's province: a service offered as a pilot is priced only in its provinces" }),
    channel: z
      .enum(['office', 'online'])
      .default('office')
      .meta({ description: 'At an office (default) or online by the citizen: each channel has its own fee' }),
    claimValueRials: z
      .number()
      .int()
      .min(0)
      .max(1e15)
      .optional()
      .meta({ description: 'Value of the claims, for court costs that are a percentage of it', example: 500000000 }),
  })
  .strict();

const quoteLine = z.object({
  code: z.string(),
  titleFa: z.string(),
  titleEn: z.string(),
  quantity: z.number().int(),
  unitRials: z.number().int(),
  amountRials: z.number().int(),
});
export const quoteSchema = z
  .object({
    schedule: z.object({
      id: z.number().int(),
      code: z.string(),
      titleFa: z.string(),
      titleEn: z.string(),
      effectiveFrom: z.string(),
      effectiveFromJalali: z.string(),
    }),
    service: z.string(),
    lines: z.array(quoteLine),
    totalRials: z.number().int(),
    courtCosts: z.object({
      configured: z.boolean().meta({
        description:
          'false: no court-cost rule is in force for this service and day — the court costs are unknown, not zero',
      }),
      lines: z.array(
        z.object({
          ruleId: z.number().int(),
          titleFa: z.string(),
          titleEn: z.string(),
          basis: z.string(),
          amountRials: z.number().int(),
          source: z.string(),
        }),
      ),
      totalRials: z.number().int(),
    }),
  })
  .meta({
    id: 'FeeQuote',
    description: 'The office fee (tariff) itemised, and separately the court costs from the configured rule set',
  });

export const courtCostRuleSchema = z
  .object({
    id: z.number().int(),
    serviceCode: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    basis: z.enum(['fixed', 'percent-of-claim']),
    amountRials: z.number().int().nullable(),
    percent: z.number().nullable(),
    minRials: z.number().int().nullable(),
    maxRials: z.number().int().nullable(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    source: z.string(),
  })
  .meta({ id: 'CourtCostRule' });

export const newCourtCostRule = z
  .object({
    serviceCode: z.string().trim().min(1).max(60),
    titleFa: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().min(1).max(200),
    basis: z.enum(['fixed', 'percent-of-claim']),
    amountRials: z.number().int().min(0).max(1e13).optional(),
    percent: z.number().gt(0).max(100).optional(),
    minRials: z.number().int().min(0).max(1e13).optional(),
    maxRials: z.number().int().min(0).max(1e13).optional(),
    effectiveFrom: jalaliDateField,
    effectiveTo: jalaliDateField.optional(),
    source: z
      .string()
      .trim()
      .min(5)
      .max(500)
      .meta({ description: 'The law, regulation or circular the figure comes from' }),
  })
  .strict();
