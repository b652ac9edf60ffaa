/** Request and answer shapes of the proposals area (see contract.ts). */
import { z } from 'zod';
import { PILOT_REVIEW_OUTCOMES, PILOT_STATES } from '#core/pilot-review';
import { CLOCK_STATES } from '#core/proposal-clock';
import { CHANNEL_POLICIES, SERVICE_KINDS } from '#server/modules/catalog/values';
import { idParam, jalaliDateField, localizedName, queryInt } from '#server/platform/http/fields';
import { DRAFTED_LINE_OUTCOMES, PROPOSAL_KINDS, PROPOSAL_OUTCOMES, PROPOSAL_PHASES, PROPOSAL_STATUSES } from './values';

const id = z.number().int();
const rials = z.number().int().min(0).max(1_000_000_000_000);
const provinceId = z.number().int().min(1).max(32_767);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const proposalParams = z.object({ id: idParam });
export const infoRequestParams = z.object({ id: idParam, requestId: idParam });

export const submitBody = z
  .object({
    kind: z.enum(PROPOSAL_KINDS),
    /** The catalog code: a new one (lower-case Latin letters, digits and dashes), or the service extended. */
    serviceCode: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,59}$/),
    /** A new service's titles, kind and channels; an extension takes them from the catalog. */
    titleFa: text(2, 200).optional(),
    titleEn: text(2, 200).optional(),
    serviceKind: z.enum(SERVICE_KINDS).optional(),
    channels: z.enum(CHANNEL_POLICIES).optional(),
    description: text(10, 5000),
    legalBasis: text(3, 2000),
    expectedMonthlyVolume: z.number().int().min(0).max(10_000_000),
    /** The proposed office fee, as a tariff line. */
    fee: z.object({ amountRials: rials, onlineAmountRials: rials.nullable().optional() }).strict(),
    requiredCompetencies: text(0, 2000).default(''),
    training: text(0, 2000).default(''),
    /** The pilot region, or the provinces an extension reaches. */
    provinceIds: z.array(provinceId).min(1).max(31),
    pilotMonths: z.number().int().min(1).max(36).optional(),
    /** The province's association the national one files for. */
    forProvinceId: provinceId.optional(),
  })
  .strict();
export type SubmitInput = z.output<typeof submitBody>;

const clockSchema = z
  .object({
    startedOn: z.string().meta({ description: 'ISO day the clock started (not counted)' }),
    limitDays: z.number().int(),
    elapsed: z.number().int().meta({ description: 'Working days counted so far' }),
    remaining: z.number().int(),
    dueOn: z
      .string()
      .nullable()
      .meta({ description: 'Last working day in time; null while an information request is open' }),
    state: z.enum(CLOCK_STATES),
    daysOver: z.number().int(),
    stoppedOn: z.string().nullable(),
  })
  .meta({ id: 'ProposalClock' });

const province = z.object({ id, name: localizedName });

export const proposalSchema = z
  .object({
    id,
    kind: z.enum(PROPOSAL_KINDS),
    service: z.object({ code: z.string(), title: localizedName }),
    serviceKind: z.enum(SERVICE_KINDS),
    channels: z.enum(CHANNEL_POLICIES),
    description: z.string(),
    legalBasis: z.string(),
    expectedMonthlyVolume: z.number().int(),
    fee: z.object({ amountRials: z.number().int(), onlineAmountRials: z.number().int().nullable() }),
    requiredCompetencies: z.string(),
    training: z.string(),
    provinces: z.array(province),
    pilotMonths: z.number().int().nullable(),
    forProvince: province.nullable(),
    status: z.enum(PROPOSAL_STATUSES),
    /** The clock running now (none once decided). */
    phase: z.enum(PROPOSAL_PHASES).nullable(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string(),
    receivedOn: z.string(),
    acknowledged: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
    clocks: z.object({ completeness: clockSchema, decision: clockSchema.nullable() }),
    infoRequests: z.array(
      z.object({
        id,
        phase: z.enum(PROPOSAL_PHASES),
        question: z.string(),
        askedOn: z.string(),
        askedBy: z.string().nullable(),
        answer: z.string().nullable(),
        answeredOn: z.string().nullable(),
        answeredBy: z.string().nullable(),
      }),
    ),
    decision: z
      .object({
        outcome: z.enum(PROPOSAL_OUTCOMES),
        reasons: z.string().nullable(),
        decidedOn: z.string(),
        by: z.string().nullable(),
        pilot: z.boolean(),
        pilotUntil: z.string().nullable(),
        provinces: z.array(province),
        feeRials: z.number().int().nullable(),
        tariffScheduleId: z.number().int().nullable(),
        grantedOffices: z.number().int(),
        course: z
          .object({
            id: z.number().int(),
            code: z.string(),
            title: z.object({ fa: z.string(), en: z.string() }),
            hours: z.number().int(),
            active: z.boolean(),
          })
          .nullable()
          .meta({
            description:
              "The course operators take for the service: created by the approval from the proposal's training, or one that already covered it; null when the proposal names no training or the service is online only",
          }),
      })
      .nullable(),
    escalatedTo: z.string().nullable(),
    /** A pilot approval's end review: where the pilot stands and the reviews so far (null: not a pilot). */
    pilotReview: z
      .object({
        state: z.enum(PILOT_STATES),
        /** The pilot's current last day, and the day its review falls due. */
        pilotUntil: z.string(),
        dueOn: z.string(),
        reviews: z.array(
          z.object({
            outcome: z.enum(PILOT_REVIEW_OUTCOMES),
            reasons: z.string(),
            decidedOn: z.string(),
            by: z.string().nullable(),
            pilotUntilBefore: z.string(),
            extendedUntil: z.string().nullable(),
            offices: z.number().int(),
            /** An ending's effect on the tariff line the approval drafted (null for adopt and extend). */
            tariffLine: z.enum(DRAFTED_LINE_OUTCOMES).nullable(),
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'ServiceProposal' });

export const listQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  /** Only open proposals (received or under review). */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only pilots whose end review is due (within their last days, or lapsed). */
  pilotReview: z.enum(['due']).optional(),
});
export const proposalList = z.object({ items: z.array(proposalSchema) });

export const publicList = z.object({
  items: z.array(
    z
      .object({
        id,
        kind: z.enum(PROPOSAL_KINDS),
        service: z.object({ code: z.string(), title: localizedName }),
        provinces: z.array(province),
        receivedOn: z.string(),
        status: z.enum(PROPOSAL_STATUSES),
        phase: z.enum(PROPOSAL_PHASES),
        /** Working days since it arrived (the stopped days of information requests left out). */
        workingDaysElapsed: z.number().int(),
        clock: clockSchema,
      })
      .meta({ id: 'PublicProposal' }),
  ),
});

export const questionBody = z.object({ question: text(5, 2000) }).strict();
export const answerBody = z.object({ answer: text(2, 5000) }).strict();

export const decideBody = z
  .object({
    outcome: z.enum(PROPOSAL_OUTCOMES),
    /** Required to reject or to approve with changes. */
    reasons: text(0, 5000).optional(),
    /** An approval as a pilot: in these provinces (default: those proposed) until this day. */
    pilot: z.boolean().default(false),
    pilotUntil: jalaliDateField.optional(),
    provinceIds: z.array(provinceId).min(1).max(31).optional(),
    /** An approval with changes may set another fee. */
    feeRials: rials.optional(),
  })
  .strict();
export type DecideInput = z.output<typeof decideBody>;

/** The Jalali year; the server's current year when absent. */
export const dashboardQuery = z.object({ year: queryInt(1390, 1500).optional() });
export const dashboardSchema = z
  .object({
    /** The Jalali year of arrival. */
    year: z.number().int(),
    received: z.number().int(),
    averageDaysToCompleteness: z.number().nullable(),
    averageDaysToDecision: z.number().nullable(),
    decided: z.number().int(),
    /** Share of decided proposals whose both steps kept their limits (0–1). */
    withinLimitsShare: z.number().nullable(),
    overdue: z.object({ count: z.number().int(), averageDaysOver: z.number().nullable() }),
    backlog: z.object({
      open: z.number().int(),
      averageAgeDays: z.number().nullable(),
      oldestAgeDays: z.number().int().nullable(),
    }),
  })
  .meta({ id: 'ProposalDashboard' });

export const settingsSchema = z
  .object({
    completenessDays: z.number().int().min(1).max(120),
    decisionDays: z.number().int().min(1).max(240),
    reminderDays: z.number().int().min(0).max(30),
  })
  .strict()
  .meta({ id: 'ProposalSettings' });

/** The review at a pilot's end: adopt it nationally, extend it to a later last day, or end it. */
export const pilotReviewBody = z
  .object({
    outcome: z.enum(PILOT_REVIEW_OUTCOMES),
    reasons: text(0, 5000),
    /** An extension's new last day. */
    until: jalaliDateField.optional(),
  })
  .strict();
export type PilotReviewBody = z.output<typeof pilotReviewBody>;

export const pilotFiguresSchema = z
  .object({
    /** The pilot's first day (the approval) and its current last day. */
    from: z.string(),
    until: z.string(),
    state: z.enum(PILOT_STATES),
    /** Services performed at the pilot's offices since the approval, the offices that performed them, the fees charged. */
    services: z.number().int(),
    offices: z.number().int(),
    feesRials: z.number().int(),
    /** What the proposers expected over the same days: their monthly volume × days elapsed ÷ 30, rounded. */
    expectedServices: z.number().int(),
    grantedOffices: z.number().int(),
    byProvince: z.array(
      z.object({ province, services: z.number().int(), offices: z.number().int(), feesRials: z.number().int() }),
    ),
    /** Citizens' answers to the survey after these services (none: nothing to average). */
    surveys: z.object({
      answered: z.number().int(),
      averageSatisfaction: z.number().nullable(),
      wouldReturnShare: z.number().nullable(),
    }),
  })
  .meta({ id: 'PilotFigures' });
